/// What a record is checked against: today's date, the person it is about (as the ledger knows them) and the
/// frameworks imported so far.
public struct RecordContext: Sendable {
    /// Today, from the caller's clock; records dated after it are refused.
    public var today: LocalDate
    /// The person the record is about, or `nil` when the ledger has no such person.
    public var person: Person?
    /// The frameworks an assessment may name.
    public var frameworks: [CompetencyFramework]

    /// Creates a context for checking records on `today`, optionally about `person` and against `frameworks`.
    public init(today: LocalDate, person: Person? = nil, frameworks: [CompetencyFramework] = []) {
        self.today = today
        self.person = person
        self.frameworks = frameworks
    }

    /// The imported framework with this id and version, or `nil` when it was never imported.
    public func framework(id: String, version: String) -> CompetencyFramework? {
        frameworks.first { $0.id == id && $0.version == version }
    }
}

/// The outcome of checking one record: valid, or every rule it breaks.
public enum RecordValidationResult: Sendable, Hashable {
    /// The record breaks no rule.
    case valid
    /// Each error names the field (`date`, `expiresOn`, `rejectReason`), never its value.
    case invalid([DomainError])

    /// `true` when the record breaks no rule.
    public var isValid: Bool { self == .valid }

    /// The broken rules, empty when valid.
    public var errors: [DomainError] {
        if case .invalid(let errors) = self { return errors }
        return []
    }

    /// Two results are equal when both are valid, or both break the same rules (codes and paths) in the same order.
    public static func == (lhs: RecordValidationResult, rhs: RecordValidationResult) -> Bool {
        switch (lhs, rhs) {
        case (.valid, .valid): true
        case (.invalid(let l), .invalid(let r)): l.map(\.code) == r.map(\.code) && l.map(\.path) == r.map(\.path)
        default: false
        }
    }

    /// Hashes the broken rules' codes, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(errors.map(\.code))
    }
}

/// Collects broken rules with the field they concern.
struct RuleViolations {
    private(set) var errors: [DomainError] = []
    let prefix: String

    init(prefix: String = "") { self.prefix = prefix }

    mutating func add(_ code: DomainError.Code, _ field: String, _ message: String) {
        errors.append(DomainError(code, path: prefix.isEmpty ? field : "\(prefix).\(field)", message: message))
    }

    /// A required text: not empty, visible characters only (no NUL, TAB, line break or bidirectional control),
    /// at most `maxLength` characters.
    mutating func require(_ text: String, _ field: String, maxLength: Int = 500, multiline: Bool = false) {
        if !text.contains(where: { !$0.isWhitespace }) {
            add(.emptyField, field, "This field must not be empty.")
        } else if !VisibleText.isVisible(text, lineBreaks: multiline) {
            add(.invisibleCharacter, field, "This field holds a control or invisible character.")
        } else if text.count > maxLength {
            add(.textTooLong, field, "This field is longer than \(maxLength) characters.")
        }
    }

    /// Optional text: when present, the same rules as `require`.
    mutating func allow(_ text: String?, _ field: String, maxLength: Int = 2000) {
        guard let text, text.contains(where: { !$0.isWhitespace }) else { return }
        require(text, field, maxLength: maxLength, multiline: true)
    }

    mutating func append(contentsOf other: RuleViolations) { errors.append(contentsOf: other.errors) }

    var result: RecordValidationResult { errors.isEmpty ? .valid : .invalid(errors) }
}
