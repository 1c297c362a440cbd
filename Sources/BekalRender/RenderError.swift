/// The one error type of `BekalRender`: a stable `code` (for exit codes and tests) and a fixed `message` that
/// never carries personal data. Equality compares codes only.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case notAnExport
            case evidenceDirectoryUnreadable
            case outputNotWritable
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The document is not a JSON object, so there is nothing to show.
        public static let notAnExport = Code(.notAnExport)
        /// `--evidence-dir` does not name a readable directory.
        public static let evidenceDirectoryUnreadable = Code(.evidenceDirectoryUnreadable)
        /// The HTML file could not be written (or renamed into place).
        public static let outputNotWritable = Code(.outputNotWritable)

        /// The code's stable name, e.g. `outputNotWritable`.
        public var description: String { value.rawValue }
    }

    /// What went wrong; the only part that equality compares.
    public let code: Code
    /// A fixed English sentence about the problem; never carries personal data or paths.
    public let message: String

    /// Creates an error; `message` must be fixed text, never data from the document.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message, e.g. `outputNotWritable: the HTML file could not be written`.
    public var description: String { "\(code): \(message)" }

    /// Two errors are equal when their codes are, whatever the message.
    public static func == (lhs: RenderError, rhs: RenderError) -> Bool { lhs.code == rhs.code }
}
