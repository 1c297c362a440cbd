import BekalRender

/// A piece of HTML. Interpolating a `String` into it escapes the string (`<`, `>`, `&`, `"`, `'`), so text from
/// the ledger or a form can never become markup; only `HTML` values (built the same way) and literals written in
/// this code go in as they are. There is no other way to make `HTML` from text, which is why the pages are built
/// in Swift rather than with templates: forgetting to escape does not compile.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var text: String

    /// Markup written in the code (a literal).
    public init(stringLiteral value: StaticString) { text = value.description }

    /// Markup built by interpolation: literals as written, strings escaped.
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    /// Nothing.
    public static let empty = HTML(text: "")

    private init(text: String) { self.text = text }

    public var description: String { text }

    /// The interpolation: strings escaped, HTML as is.
    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        /// Starts empty, with room for the literals and what escaping adds.
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        /// A literal written in the code, as is.
        public mutating func appendLiteral(_ literal: StaticString) { text += literal.description }

        /// Text, escaped.
        public mutating func appendInterpolation(_ value: String) { text += HTMLText.escape(value) }

        /// A whole number.
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }

        /// Markup, as is.
        public mutating func appendInterpolation(_ html: HTML) { text += html.text }

        /// Markup when present.
        public mutating func appendInterpolation(_ html: HTML?) { if let html { text += html.text } }

        /// Pieces of markup, one after the other.
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { text += part.text } }
    }
}

extension HTML {
    /// The pieces joined.
    public static func join(_ parts: [HTML]) -> HTML { "\(parts)" }

    /// `parts` when `condition` holds, else nothing.
    public static func when(_ condition: Bool, _ part: @autoclosure () -> HTML) -> HTML { condition ? part() : .empty }
}

extension PageLanguage {
    /// The Indonesian or English text, as this language reads.
    public func t(_ indonesian: String, _ english: String) -> String { self == .english ? english : indonesian }
}
