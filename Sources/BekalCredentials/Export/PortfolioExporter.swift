import BekalDomain
import BekalJSON
import Foundation

/// Exports a portfolio as a signed CLR 2.0 `ClrCredential` whose subject embeds one individually signed OB 3.0
/// `AchievementCredential` per achievement. The file stands alone: nothing is linked, everything is embedded.
/// Each credential is signed with `options.cryptosuite` (default `eddsa-rdfc-2022`).
public enum PortfolioExporter {
    /// Builds and signs the export, allocating status indices from `options.statusAllocation` as it goes. Kept
    /// beside `plan` + `export(_:plan:...)` (the only path the application uses: the store allocates the indices
    /// first, in its own transaction) because the benchmark and tests export without a store, where this is that
    /// path's one-call equivalent.
    /// - Parameters:
    ///   - key: the facility's current signing key.
    ///   - now: the issuance time, written as `validFrom` and as each proof's `created`.
    ///   - random: the source of the identity salt and new credential ids (inject a seeded one in tests).
    ///   - options: how to export; `options.verificationCode` selects the keyed identity form.
    public static func export(
        _ portfolio: Portfolio, key: IssuerKey, options: ExportOptions, now: Date,
        random: inout some RandomNumberGenerator
    ) throws(CredentialError) -> ExportResult {
        try export(portfolio, key: key, options: options, now: now, newIDs: NewIDs(&random), random: &random)
    }

    /// Chooses the ids a new export of `portfolio` will carry, before anything is signed, so that the store can
    /// give each its status-list index first (in its own transaction) and the export is then signed with
    /// exactly those indices.
    /// - Parameter random: the source of the new ids (the CLR's and the training record's).
    public static func plan(_ portfolio: Portfolio, random: inout some RandomNumberGenerator) -> ExportPlan {
        let ids = NewIDs(&random)
        return ExportPlan(credentialIDs: credentialIDs(portfolio, newIDs: ids), newIDs: ids)
    }

    /// Builds and signs the export planned by `plan(_:random:)`.
    /// - Parameters:
    ///   - options: their `statusAllocation` must hold an index for every id of `plan`.
    ///   - random: the source of the identity salt.
    /// - Throws: `CredentialError.exportFailed` when an id of the plan has no index.
    public static func export(
        _ portfolio: Portfolio, plan: ExportPlan, key: IssuerKey, options: ExportOptions, now: Date,
        random: inout some RandomNumberGenerator
    ) throws(CredentialError) -> ExportResult {
        for id in plan.credentialIDs where options.statusAllocation.indices[id] == nil {
            throw CredentialError(.exportFailed, "a credential of the export has no status-list index")
        }
        return try export(portfolio, key: key, options: options, now: now, newIDs: plan.newIDs, random: &random)
    }

    /// The ids an export mints (the others come from the records).
    struct NewIDs: Sendable, Hashable {
        var clr: String
        var record: String

        init(_ random: inout some RandomNumberGenerator) {
            clr = PortfolioExporter.newID(&random)
            record = PortfolioExporter.newID(&random)
        }
    }

    static func export(
        _ portfolio: Portfolio, key: IssuerKey, options: ExportOptions, now: Date, newIDs: NewIDs,
        random: inout some RandomNumberGenerator
    ) throws(CredentialError) -> ExportResult {
        var allocation = options.statusAllocation
        let issuerID = options.issuerID ?? key.didKey.did
        let issuer: JSONValue = [
            "id": .string(issuerID), "type": ["Profile"], "name": .string(portfolio.facility.name),
        ]
        let salt = Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &random) })
        let identity = options.verificationCode.map {
            IdentityHash(registerNumber: portfolio.person.registerNumber, code: $0, salt: salt)
        } ?? IdentityHash(registerNumber: portfolio.person.registerNumber, salt: salt)
        var identifiers: [JSONValue] = [identity.identityObject]
        if options.includeName {
            identifiers.append([
                "type": "IdentityObject", "identityHash": .string(portfolio.person.fullName.rawValue),
                "identityType": "name", "hashed": false,
            ])
        }
        let builder = AchievementCredentialBuilder(
            portfolio: portfolio, issuer: issuer, subjectIdentifiers: identifiers, now: now)

        var embedded: [JSONObject] = []
        var competencyAchievementIDs: [String: String] = [:]
        let kompeten = portfolio.latestAssessmentByUnit.values
            .filter { $0.outcome == .kompeten }
            .sorted { $0.unitCode < $1.unitCode }
        for assessment in kompeten {
            let id = "urn:uuid:" + assessment.id.uuidString.lowercased()
            let doc = try builder.competency(assessment, id: id, status: try statusEntry(id, &allocation))
            competencyAchievementIDs[assessment.unitCode] = doc["credentialSubject"]?["achievement"]?["id"]?.stringValue
            embedded.append(doc)
        }
        var associations: [JSONValue] = []
        for certificate in portfolio.standingCertificates.sorted(by: { $0.issuedOn < $1.issuedOn }) {
            let id = "urn:uuid:" + certificate.id.uuidString.lowercased()
            let doc = try builder.certificate(certificate, id: id, status: try statusEntry(id, &allocation))
            if let certificateAchievement = doc["credentialSubject"]?["achievement"]?["id"]?.stringValue {
                for code in certificate.unitCodes {
                    guard let unitAchievement = competencyAchievementIDs[code] else { continue }
                    associations.append([
                        "type": "Association", "associationType": "isPartOf",
                        "sourceId": .string(unitAchievement), "targetId": .string(certificateAchievement),
                    ])
                }
            }
            embedded.append(doc)
        }
        if hasRecordCredential(portfolio) {
            let id = newIDs.record
            embedded.append(builder.trainingAndProduction(id: id, status: try statusEntry(id, &allocation)))
        }

        let clrID = newIDs.clr
        let clrStatus = try statusEntry(clrID, &allocation)
        func clr(_ credentials: [JSONObject]) -> JSONObject {
            var subject = JSONObject([
                ("type", ["ClrSubject"]),
                ("identifier", .array(identifiers)),
                ("verifiableCredential", .array(credentials.map { .object($0) })),
            ])
            subject["achievement"] = .array(builder.frameworkUnits())
            if !associations.isEmpty { subject["association"] = .array(associations) }
            let contexts = Vocabulary.clrContexts + (options.ledgerLog == nil ? [] : [Vocabulary.bekalLog])
            var outer = JSONObject([
                ("@context", .array(contexts.map { .string($0) })),
                ("id", .string(clrID)),
                ("type", ["VerifiableCredential", "ClrCredential"]),
                ("name", .string("Batik cap skills portfolio from \(portfolio.facility.name)")),
                ("issuer", issuer),
                ("validFrom", .string(Timestamp.format(now))),
                ("credentialSubject", .object(subject)),
                (
                    "credentialSchema",
                    [
                        ["id": .string(Vocabulary.clrCredentialSchema), "type": .string(Vocabulary.schemaValidatorType)],
                        ["id": .string(Vocabulary.bekalExportProfile), "type": .string(Vocabulary.schemaValidatorType)],
                    ]
                ),
                ("credentialStatus", clrStatus),
            ])
            if let log = options.ledgerLog { outer[LedgerLogEvidence.member] = log.json }
            return outer
        }
        // Safe mode's guarantee without expanding every export: the names and types are fixed and covered by the
        // bundled contexts (a test expands a complete export), the ids Bekal mints are absolute IRIs by
        // construction, and the caller's issuer id and status list URL are checked here, for every suite.
        try ExportCoverage.check(issuerID: issuerID, statusListURL: allocation.listURL)
        let signer = ExportSigner(key: key, now: now, suites: options.cryptosuite.suites)
        let signed = try embedded.map { doc throws(CredentialError) in try signer.signEmbedded(doc) }
        let secured = try signer.signOuter(clr(signed.map(\.document)), embedded: signed)
        return ExportResult(
            credential: .object(secured.document), statusAllocation: allocation,
            embeddedCredentialIDs: embedded.compactMap { $0["id"]?.stringValue }, canonicalBytes: secured.form?.bytes)
    }

    /// The ids of the credentials an export of `portfolio` contains, in the order the exporter allocates them.
    static func credentialIDs(_ portfolio: Portfolio, newIDs: NewIDs) -> [String] {
        var ids = portfolio.latestAssessmentByUnit.values.filter { $0.outcome == .kompeten }
            .sorted { $0.unitCode < $1.unitCode }.map { "urn:uuid:" + $0.id.uuidString.lowercased() }
        ids += portfolio.standingCertificates.sorted { $0.issuedOn < $1.issuedOn }.map { "urn:uuid:" + $0.id.uuidString.lowercased() }
        if hasRecordCredential(portfolio) { ids.append(newIDs.record) }
        ids.append(newIDs.clr)
        return ids
    }

    /// A `BitstringStatusListEntry` for the credential, allocating its index.
    static func statusEntry(_ credentialID: String, _ allocation: inout StatusAllocation) throws(CredentialError)
        -> JSONValue
    {
        let index = try allocation.index(for: credentialID)
        return [
            "id": .string("\(allocation.listURL)#\(index)"),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": .string(String(index)),
            "statusListCredential": .string(allocation.listURL),
        ]
    }

    /// A version-4 `urn:uuid:` from the injected random source.
    static func newID(_ random: inout some RandomNumberGenerator) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[6] = bytes[6] & 0x0f | 0x40
        bytes[8] = bytes[8] & 0x3f | 0x80
        let hex = Hex.encode(bytes)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return "urn:uuid:" + parts.joined(separator: "-")
    }
}
