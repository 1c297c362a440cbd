import BekalJSON

/// Which credential a check was about: enough for a reader to find it (its id, its place in the export) and for a
/// page to mark its row (a competency's unit code, a certificate's scheme and number). Never personal data.
public struct CredentialReference: Sendable, Hashable, CustomStringConvertible {
    /// What the credential is, from its achievement type.
    public enum Kind: String, Sendable, Hashable {
        /// The outer document (a Bekal export is a `ClrCredential`).
        case export
        /// A competency unit assessed Kompeten.
        case competency
        /// A certificate of competency.
        case certificate
        /// The training and production record.
        case record
        /// Any other embedded credential.
        case other
    }

    /// What the credential records: the outer export, a competency, a certificate, training and production, or another.
    public var kind: Kind
    /// `credential` for the outer document, `embedded[i] <id>` for an embedded one.
    public var label: String
    /// The credential's `id` (at most 120 characters), if it has one.
    public var id: String?
    /// Its position in `credentialSubject.verifiableCredential`; `nil` for the outer document.
    public var index: Int?
    /// A competency's unit code (e.g. `C.13BTK01.003.2`).
    public var unitCode: String?
    /// A certificate's scheme (e.g. `Tukang Cap`).
    public var scheme: String?
    /// A certificate's number.
    public var certificateNumber: String?

    /// A reference with nothing but a label (records made outside the verifier).
    public init(label: String) {
        kind = label == "credential" ? .export : .other
        self.label = label
    }

    /// The reference of `document`, the outer credential when `index` is `nil`.
    public init(document: JSONObject, index: Int?) {
        let id = document["id"]?.stringValue.map { String($0.prefix(120)) }
        self.id = id
        self.index = index
        label = index.map { "embedded[\($0)] \(String((id ?? "no id").prefix(80)))" } ?? "credential"
        guard index != nil else {
            kind = .export
            return
        }
        let achievement = document["credentialSubject"]?["achievement"]
        switch achievement?["achievementType"]?.stringValue {
        case "Competency":
            kind = .competency
            unitCode = (achievement?["humanCode"]?.stringValue
                ?? achievement?["alignment"]?.arrayValue?.first?["targetCode"]?.stringValue).map { String($0.prefix(60)) }
        case "Certificate":
            kind = .certificate
            scheme = Self.result("scheme", in: document) ?? achievement?["name"]?.stringValue.map { String($0.prefix(80)) }
            certificateNumber = Self.result("certificate-number", in: document)
        case "LearningProgram":
            kind = .record
        default:
            kind = .other
        }
    }

    /// The value of the result whose `resultDescription` ends in `#key` (Bekal's result ids).
    static func result(_ key: String, in document: JSONObject) -> String? {
        for result in document["credentialSubject"]?["result"]?.arrayValue ?? [] {
            guard let description = result["resultDescription"]?.stringValue, description.hasSuffix("#" + key) else {
                continue
            }
            return result["value"]?.stringValue.map { String($0.prefix(80)) }
        }
        return nil
    }

    /// E.g. `competency C.13BTK01.003.2 (embedded[2] urn:uuid:…)`, `certificate Tukang Cap BTK-2026-0042 (…)`.
    public var description: String {
        switch kind {
        case .export: "the export"
        case .competency: "competency \(unitCode ?? "?") (\(label))"
        case .certificate:
            "certificate \(scheme ?? "?")\(certificateNumber.map { " " + $0 } ?? "") (\(label))"
        case .record: "training and production record (\(label))"
        case .other: label
        }
    }
}
