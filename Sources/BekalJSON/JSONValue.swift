/// A JSON value as Bekal reads and signs it: I-JSON (RFC 7493), so numbers are IEEE-754 doubles and
/// object member names are unique.
///
/// Objects keep the order their members were read in, so a document can be shown as it was written;
/// canonical forms (RFC 8785) sort members themselves and never depend on that order.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as an IEEE-754 double.
    case number(Double)
    /// A string.
    case string(String)
    /// An array, its elements in order.
    case array([JSONValue])
    /// An object, its members in the order they were read.
    case object(JSONObject)
}

extension JSONValue {
    /// The string, when this is a JSON string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The number as a double, when this is a JSON number.
    public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
    /// The Boolean, when this is `true` or `false`.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The elements, when this is a JSON array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The object, when this is a JSON object.
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    /// Whether this is JSON `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The member `key` when this is an object, else `nil`.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A JSON string from a string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A JSON Boolean from `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A JSON number from a floating-point literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A JSON number from an integer literal, stored as a double.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A JSON array from an array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A JSON object from a dictionary literal, members in the order written; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    /// JSON `null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}
