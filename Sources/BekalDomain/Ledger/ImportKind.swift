/// The kinds of record a CSV import holds, one kind per file.
public enum ImportKind: String, Sendable, Hashable, CaseIterable {
    /// Persons (WBP), assessments, training sessions, production entries or certificates.
    case persons, assessments, training, production, certificates

    /// Columns a file of this kind must have.
    public var requiredColumns: [String] {
        switch self {
        case .persons: ["register_number", "full_name", "admission_date", "expected_release_date"]
        case .assessments: ["person", "unit_code", "outcome", "assessor_name", "assessor_role", "method", "date"]
        case .training: ["person", "date", "hours", "topic", "trainer"]
        case .production: ["person", "date", "motif", "cap", "quantity", "unit", "grade", "hours"]
        case .certificates: ["person", "issuer", "scheme", "number", "issued_on"]
        }
    }

    /// Columns a file of this kind may have.
    public var optionalColumns: [String] {
        switch self {
        case .persons: ["birth_date"]
        case .assessments: ["framework_id", "framework_version", "notes"]
        case .training: []
        case .production: ["rework", "rejects", "reject_reason"]
        case .certificates: ["expires_on", "registration_number", "units"]
        }
    }
}
