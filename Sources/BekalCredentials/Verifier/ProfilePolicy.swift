import BekalJSON

/// VC 2.0 structure for every credential, and Bekal's export profile (`schemas/export.schema.json`) for documents
/// that list it in `credentialSchema`. The JSON Schema itself is checked by an independent validator in the tests;
/// this policy checks the rules a verifier relies on.
public struct ProfilePolicy: VerificationPolicy {
    /// The check's name in records and output: `profile`.
    public let name = "profile"
    /// Creates the policy; it holds no state.
    public init() {}

    /// Fails when the credential breaks VC 2.0 structure, or Bekal's export profile when it declares it.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        let doc = credential.document
        var problems: [String] = []
        let contexts = ProofContext.list(doc["@context"])
        if contexts.first?.stringValue != Vocabulary.credentialsV2 {
            problems.append("@context does not start with \(Vocabulary.credentialsV2)")
        }
        let types = Self.types(doc["type"])
        if !types.contains("VerifiableCredential") { problems.append("type lacks VerifiableCredential") }
        if credential.issuerID == nil { problems.append("issuer is missing or has no id") }
        if doc["credentialSubject"] == nil { problems.append("credentialSubject is missing") }

        let declaresProfile = Self.declaresBekalProfile(doc)
        if declaresProfile { problems += profileProblems(doc, types: types, contexts: contexts) }
        if credential.isEmbedded, types.contains("AchievementCredential") || types.contains("OpenBadgeCredential") {
            problems += achievementProblems(doc)
        }
        if problems.isEmpty {
            return [credential.record(
                name, .passed, .structureHolds, declaresProfile ? "VC 2.0 and Bekal export profile" : "VC 2.0 structure")]
        }
        return problems.map { credential.record(name, .failed, .profileViolation, $0) }
    }

    /// Whether the document lists Bekal's export profile in `credentialSchema` (and so promises its rules).
    static func declaresBekalProfile(_ doc: JSONObject) -> Bool {
        (doc["credentialSchema"]?.arrayValue ?? doc["credentialSchema"].map { [$0] } ?? [])
            .contains { $0["id"]?.stringValue == Vocabulary.bekalExportProfile }
    }

    private func profileProblems(_ doc: JSONObject, types: [String], contexts: [JSONValue]) -> [String] {
        var problems: [String] = []
        if !types.contains("ClrCredential") { problems.append("a Bekal export is a ClrCredential") }
        for url in Vocabulary.clrContexts where !contexts.contains(.string(url)) {
            problems.append("@context lacks \(url)")
        }
        let subject = doc["credentialSubject"]
        if !Self.types(subject?["type"]).contains("ClrSubject") { problems.append("credentialSubject is not a ClrSubject") }
        if (subject?["verifiableCredential"]?.arrayValue ?? []).isEmpty {
            problems.append("the ClrSubject embeds no credentials")
        }
        let identifiers = subject?["identifier"]?.arrayValue ?? []
        if !identifiers.contains(where: { $0["hashed"]?.boolValue == true && $0["salt"]?.stringValue != nil }) {
            problems.append("the subject has no salted, hashed identifier")
        }
        if doc["credentialStatus"] == nil { problems.append("credentialStatus is missing") }
        if doc[LedgerLogEvidence.member] != nil && !contexts.contains(.string(Vocabulary.bekalLog)) {
            problems.append("ledgerLog without @context \(Vocabulary.bekalLog), which defines its terms")
        }
        return problems
    }

    private func achievementProblems(_ doc: JSONObject) -> [String] {
        var problems: [String] = []
        let subject = doc["credentialSubject"]
        if !Self.types(subject?["type"]).contains("AchievementSubject") {
            problems.append("credentialSubject is not an AchievementSubject")
        }
        if subject?["achievement"]?.objectValue == nil { problems.append("the AchievementSubject has no achievement") }
        if subject?["id"] == nil && (subject?["identifier"]?.arrayValue ?? []).isEmpty {
            problems.append("the AchievementSubject has neither id nor identifier")
        }
        return problems
    }

    static func types(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let s)?: [s]
        case .array(let items)?: items.compactMap(\.stringValue)
        default: []
        }
    }
}
