import BekalDomain
import BekalJSON
import BekalLog
import Foundation
import Testing

@testable import BekalCredentials

/// The export's ledger log proof (`ledgerLog`, under the export's own proof) and the verifier's `ledger-log`
/// check: a checkpoint signed by the issuer's key and inclusion proofs for every credential's events.
@Suite("The ledger log proof in an export")
struct LedgerLogPolicyTests {
    static let origin = "bekal.id/ledger/LAPAS-PWT"

    /// A log of 300 events in memory; each credential of the plan gets two of them.
    struct Log {
        var tree = InMemoryMerkleTree()
        var entries: [MerkleHash] = []

        init() {
            for i in 0..<300 {
                let entry = MerkleHashing.leafHash([UInt8(i & 0xff), UInt8(i >> 8), 0x42])
                entries.append(entry)
                tree.append(leafHash: MerkleHashing.leafHash(entry: entry))
            }
        }

        func event(_ sequence: Int64) throws -> LedgerLogEvidence.Event {
            LedgerLogEvidence.Event(
                sequence: sequence, leafEntry: entries[Int(sequence - 1)],
                inclusionProof: try tree.tree.inclusionProof(index: UInt64(sequence - 1), size: tree.size))
        }

        func evidence(_ ids: [String], key: IssuerKey = SamplePortfolio.key) throws -> LedgerLogEvidence {
            let head = TreeHead(size: tree.size, root: try tree.tree.root(size: tree.size))
            let note = try Checkpoint(origin: LedgerLogPolicyTests.origin, treeHead: head)
                .signed(by: try key.noteSigner(name: LedgerLogPolicyTests.origin))
            return LedgerLogEvidence(checkpoint: note.serialized, records: try ids.enumerated().map { offset, id in
                let first = Int64(offset * 5 + 1)
                return LedgerLogEvidence.Record(credentialID: id, events: [try event(first), try event(first + 150)])
            })
        }
    }

    /// The sample portfolio exported with `log` (made from the plan's ids by `make`), signed as usual.
    static func export(
        cryptosuite: ExportCryptosuite = .default, _ make: ([String]) throws -> LedgerLogEvidence?
    ) throws -> JSONValue {
        let portfolio = SamplePortfolio.make()
        var random = SeededRandom(state: 7)
        let plan = PortfolioExporter.plan(portfolio, random: &random)
        var allocation = StatusAllocation(listURL: SamplePortfolio.listURL)
        for id in plan.credentialIDs { _ = try allocation.index(for: id) }
        let options = ExportOptions(
            statusAllocation: allocation, cryptosuite: cryptosuite, ledgerLog: try make(plan.credentialIDs))
        return try PortfolioExporter.export(
            portfolio, plan: plan, key: SamplePortfolio.key, options: options, now: SamplePortfolio.now,
            random: &random
        ).credential
    }

    static func records(_ verification: CredentialVerification) -> [CheckRecord] {
        verification.checks.filter { $0.check == "ledger-log" }
    }

    @Test("a checkpoint signed by the issuer and every credential's inclusion proofs verify: nothing fails")
    func valid() throws {
        let export = try Self.export { try Log().evidence($0) }
        #expect(export["@context"]?.arrayValue?.last == .string(Vocabulary.bekalLog))
        let verification = SamplePortfolio.verify(export)
        // The sample's expired certificate is its one exception; nothing fails.
        #expect(verification.result.verdict == .validWithExceptions, "\(verification.result.failures)")
        #expect(verification.result.exceptions.map(\.credential.kind) == [.certificate])
        let records = Self.records(verification)
        #expect(records.contains { $0.code == .checkpointSigned && $0.credential.index == nil })
        let embedded = export["credentialSubject"]?["verifiableCredential"]?.arrayValue?.count ?? 0
        #expect(embedded == 25)
        // The export itself and every embedded credential: two events each, included.
        #expect(records.filter { $0.code == .includedInLog }.count == embedded + 1)
        #expect(records.allSatisfy { $0.status == .passed })
    }

    @Test("a wrong hash in one competency's inclusion proof makes the export INVALID, naming that competency")
    func tamperedProof() throws {
        let export = try Self.export { ids in
            var evidence = try Log().evidence(ids)
            var event = evidence.records[4].events[1]
            event.inclusionProof[2] = MerkleHashing.leafHash([1, 2, 3])
            evidence.records[4].events[1] = event
            return evidence
        }
        // Signed after the change: every signature holds, only the log proof fails.
        let verification = SamplePortfolio.verify(export)
        #expect(verification.result.verdict == .invalid)
        let failures = verification.result.failures
        #expect(failures.count == 1, "\(failures)")
        let failure = try #require(failures.first)
        #expect(failure.check == "ledger-log")
        #expect(failure.code == .inclusionProofInvalid)
        #expect(failure.credential.index == 4)
        #expect(failure.credential.kind == .competency)
        #expect(failure.credential.unitCode == "C.13BTK01.005.2")
        #expect(failure.message.contains("event 171"))
        #expect(verification.summary.invalidCause == .alteredOrForged)
    }

    @Test("a changed leaf entry, a checkpoint signed by another key, or an unknown credential each fail")
    func otherFailures() throws {
        let entry = try Self.export { ids in
            var evidence = try Log().evidence(ids)
            evidence.records[0].events[0].leafEntry = MerkleHashing.leafHash([9])
            return evidence
        }
        #expect(SamplePortfolio.verify(entry).result.failures.map(\.code) == [.inclusionProofInvalid])

        let stranger = try IssuerKey(seed: Array(repeating: 9, count: 32))
        let forged = try Self.export { try Log().evidence($0, key: stranger) }
        let forgedFailures = SamplePortfolio.verify(forged).result.failures
        #expect(forgedFailures.map(\.code) == [.checkpointNotSigned])
        #expect(forgedFailures.first?.credential.index == nil)

        let unknown = try Self.export { ids in try Log().evidence(ids + ["urn:uuid:00000000-0000-4000-8000-000000000000"]) }
        #expect(SamplePortfolio.verify(unknown).result.failures.map(\.code) == [.logProofUnknownCredential])

        let missing = try Self.export { ids in try Log().evidence(Array(ids.dropFirst())) }
        let missingFailures = SamplePortfolio.verify(missing).result.failures
        #expect(missingFailures.map(\.code) == [.logProofMissing])
        #expect(missingFailures.first?.credential.index == 0)
    }

    @Test("an issuer no trust list binds (a look-alike's real export): INVALID as untrusted, not as altered; a trusted issuer's checkpoint signed by another key: altered")
    func untrustedIssuer() throws {
        let validFrom = try #require(Timestamp.parse("2026-01-01T00:00:00Z"))
        let export = try Self.export { try Log().evidence($0) }
        #expect(export[LedgerLogEvidence.member] != nil)
        // A look-alike list: the same name and code, another key. The export's issuer is bound to nothing.
        let stranger = try IssuerKey(seed: Array(repeating: 9, count: 32))
        let lookAlike = TrustList.facility(
            issuerID: nil, name: "Lapas Kelas IIA Purwokerto", code: "LAPAS-PWT",
            ring: KeyRing(current: stranger, currentValidFrom: validFrom))
        let untrusted = SamplePortfolio.verify(export, trust: TrustAnchors(trustList: lookAlike))
        #expect(untrusted.result.verdict == .invalid)
        let logFailures = untrusted.result.failures.filter { $0.check == "ledger-log" }
        #expect(logFailures.map(\.code) == [.checkpointIssuerUntrusted], "\(logFailures)")
        #expect(logFailures.first?.credential.index == nil)
        #expect(untrusted.result.failures.contains { $0.check == "issuer-trust" && $0.code == .issuerNotTrusted })
        #expect(!untrusted.result.failures.contains { $0.code == .checkpointNotSigned })
        #expect(untrusted.summary.invalidCause == .untrustedIssuer)

        // The same file with its issuer trusted stands (its one exception is the sample's lapsed certificate).
        let ring = KeyRing(current: SamplePortfolio.key, currentValidFrom: validFrom)
        let genuine = TrustList.facility(issuerID: nil, name: "Lapas Kelas IIA Purwokerto", code: "LAPAS-PWT", ring: ring)
        let trusted = SamplePortfolio.verify(export, trust: TrustAnchors(trustList: genuine))
        #expect(trusted.result.isValid, "\(trusted.result.failures)")

        // The issuer trusted, the checkpoint signed by a key that is not the issuer's: altered or forged.
        let forged = try Self.export { try Log().evidence($0, key: stranger) }
        let forgedVerification = SamplePortfolio.verify(forged, trust: TrustAnchors(trustList: genuine))
        #expect(forgedVerification.result.verdict == .invalid)
        #expect(forgedVerification.result.failures.map(\.code) == [.checkpointNotSigned])
        #expect(forgedVerification.summary.invalidCause == .alteredOrForged)
    }

    @Test("the proof is under the export's signature: changing it after signing breaks the outer proof")
    func underTheProof() throws {
        var export = try #require(try Self.export { try Log().evidence($0) }.objectValue)
        var log = try #require(export[LedgerLogEvidence.member]?.objectValue)
        var records = try #require(log["records"]?.arrayValue)
        var first = try #require(records[0].objectValue)
        var events = try #require(first["events"]?.arrayValue)
        var event = try #require(events[0].objectValue)
        // The same hashes in another order: a JSON-LD set would not notice; the one string does.
        let hashes = try #require(event["inclusionProof"]?.stringValue).split(separator: " ")
        event["inclusionProof"] = .string(hashes.reversed().joined(separator: " "))
        events[0] = .object(event)
        first["events"] = .array(events)
        records[0] = .object(first)
        log["records"] = .array(records)
        export[LedgerLogEvidence.member] = .object(log)
        let verification = SamplePortfolio.verify(.object(export))
        #expect(verification.result.verdict == .invalid)
        #expect(verification.result.failures.contains { $0.check == "proof" && $0.credential.index == nil })
        #expect(verification.result.failures.contains { $0.check == "ledger-log" && $0.code == .inclusionProofInvalid })
    }

    @Test("an export without a log proof is not failed: the check says it was skipped")
    func withoutLog() throws {
        let verification = SamplePortfolio.verify(try Self.export { _ in nil })
        #expect(verification.result.isValid && verification.result.failures.isEmpty)
        #expect(Self.records(verification).map(\.code) == [.noLogProof])
        #expect(Self.records(verification).first?.status == .skipped)
    }

    @Test("every member of the log proof is defined by Bekal's context (JSON-LD expansion in safe mode)")
    func covered() throws {
        var export = try #require(try Self.export(cryptosuite: .jcs) { try Log().evidence($0) }.objectValue)
        export["proof"] = nil
        #expect((try? EddsaRdfc2022().checkCoverage(export)) != nil)
        var log = try #require(export[LedgerLogEvidence.member]?.objectValue)
        log["undefinedTerm"] = "x"
        export[LedgerLogEvidence.member] = .object(log)
        #expect((try? EddsaRdfc2022().checkCoverage(export)) == nil, "a term outside the context is refused")
    }

    @Test("a log proof without Bekal's log context breaks the export profile")
    func contextRequired() throws {
        var export = try #require(try Self.export(cryptosuite: .jcs) { try Log().evidence($0) }.objectValue)
        export["@context"] = .array(Vocabulary.clrContexts.map { .string($0) })
        let failures = SamplePortfolio.verify(.object(export)).result.failures
        #expect(failures.contains { $0.check == "profile" && $0.message.contains("ledgerLog without @context") })
    }

    @Test("pyld canonicalizes an export with a log proof as Bekal does and verifies its proofs, dropping nothing")
    func pyld() throws {
        let run = try PyLDExportTests.run(try Self.export { try Log().evidence($0) })
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("26 of 26 credentials verified"))
    }
}
