import BekalApp
import BekalCredentials
import BekalDomain
import BekalJSON
import BekalLog
import BekalMetrics
import Foundation
import Testing

/// The log use cases in process: the report's checkpoint read in its own transaction, the export's log proof,
/// and the checkpoint a witness is given.
@Suite("The ledger log through the app layer")
struct LedgerLogUseCaseTests {
    static let today = LocalDate("2026-11-14")!

    /// The facility's checkpoint verifier for `note`, and the verified checkpoint.
    static func verified(_ text: String, _ app: FacilityApp) async throws -> Checkpoint {
        let log = try await app.facilityLog(context: ActionContext(actor: AppFixture.actor, now: AppFixture.now))
        let note = try SignedNote(parsing: text)
        guard case .verified(let checkpoint) = CheckpointVerifier(
            origin: log.origin, logKeys: try log.keys().map(\.verifier)).verify(note)
        else { throw AppError(.invalidInput, "the checkpoint does not verify") }
        return checkpoint.checkpoint
    }

    @Test("each report signs the ledger as committed in its transaction, before its own budget spend, and proves consistency from the previous one")
    func reports() async throws {
        let fixture = try AppFixture(demoPeople: 30, seed: 5, today: Self.today)
        defer { fixture.cleanUp() }
        let app = fixture.app
        let before = Int64(try await app.storage.eventCount())
        let noisy = try DisclosurePolicy(epsilon: try Epsilon("0.5"))
        let first = try await app.queueReport(period: ReportingPeriod("2026-Q2")!, policy: noisy, context: fixture.context)
        // The spend event is appended after the report is decided: the checkpoint does not cover it.
        #expect(Int64(try await app.storage.eventCount()) == before + 1)
        let firstLog = try #require(first.report.ledgerLog)
        #expect(first.report.formatVersion == 2)
        #expect(firstLog.consistency == nil)
        let firstCheckpoint = try await Self.verified(firstLog.checkpoint, app)
        #expect(firstCheckpoint.origin == "bekal.id/ledger/DEMO-LAPAS-01")
        #expect(firstCheckpoint.treeHead.size == UInt64(before))

        let second = try await app.queueReport(period: ReportingPeriod("2026-Q3")!, policy: .ons105, context: fixture.context)
        let log = try #require(second.report.ledgerLog)
        let checkpoint = try await Self.verified(log.checkpoint, app)
        #expect(checkpoint.treeHead.size == UInt64(before + 1), "the second covers the first's spend")
        let consistency = try #require(log.consistency)
        #expect(consistency.fromReportID == first.report.reportID)
        #expect(consistency.fromSize == before)
        let proof = try consistency.proof.map { try MerkleHash(base64: $0) }
        #expect(MerkleProof.verifyConsistency(
            oldSize: firstCheckpoint.treeHead.size, newSize: checkpoint.treeHead.size,
            oldRoot: firstCheckpoint.treeHead.root, newRoot: checkpoint.treeHead.root, proof: proof).isValid)

        // A report parked as failed never reached the receiver: the next proof starts from the one before it.
        try await app.storage.markReportFailed(second.report.reportID, reason: "refused", at: fixture.context.now)
        let third = try await app.queueReport(period: ReportingPeriod("2026-07")!, policy: .ons105, context: fixture.context)
        #expect(third.report.ledgerLog?.consistency?.fromReportID == first.report.reportID)
        // The preview shows the same kind of log, from the same previous report.
        let preview = try await app.previewReport(period: ReportingPeriod("2026-08")!, policy: .ons105, context: fixture.context)
        #expect(preview.report.ledgerLog?.consistency?.fromReportID == third.report.reportID)
    }

    @Test("an export's log proof lists each credential's events, corrections included, and verifies")
    func export() async throws {
        let fixture = try await AppFixture()
        defer { fixture.cleanUp() }
        let app = fixture.app
        let context = fixture.context
        let (_, person) = try await app.addPerson(NewPerson(
            registerNumber: "AII-0042/2025", fullName: "Rahmat Uji", admissionDate: LocalDate("2025-09-01")!,
            expectedReleaseDate: LocalDate("2026-12-20")!), context: context)
        let unit = try #require(try await app.storage.frameworks().last?.units.first?.code)
        let assessment = try await app.recordAssessment(AssessmentInput(
            person: .id(person.id), unitCode: unit, outcome: .kompeten, assessorName: "Ibu Asesor",
            assessorRole: .bnspAssessor, method: .observation, date: LocalDate("2026-03-01")!), context: context)
        let training = try await app.recordTraining(TrainingInput(
            person: .id(person.id), date: LocalDate("2026-03-02")!, hours: 3, topic: "Cap", trainer: "Mentor"), context: context)
        var changes = RecordChanges()
        changes.hours = 4
        let correction = try await app.correct(eventID: training.id, changes: changes, reason: "typo", context: context)
        let export = try await app.exportPortfolio(.id(person.id), settings: ExportSettings(), context: context)
        let document = try UnverifiedCredential(parsing: export.bytes).document
        let log = try LedgerLogEvidence(json: try #require(document[LedgerLogEvidence.member]))
        let assessed = try #require(try await app.storage.portfolio(of: .id(person.id)).assessments.first?.id)
        let competency = "urn:uuid:" + assessed.uuidString.lowercased()
        #expect(log.events(of: competency).map(\.sequence) == [assessment.sequence])
        let record = try #require(export.embeddedCredentialIDs.last)
        #expect(Set(log.events(of: record).map(\.sequence)).isSuperset(of: [training.sequence, correction.sequence]))
        #expect(log.events(of: export.exportID).map(\.sequence).count == 1, "the person's registration")

        let trust = TrustAnchors(trustList: TrustList.facility(
            issuerID: nil, name: "Lapas Uji", ring: try KeyRing.load(from: app.directory.keys)))
        let verification = CredentialVerifier().verify(
            bytes: export.bytes, context: VerificationContext(at: context.now, trust: trust))
        #expect(verification.result.isValid, "\(verification.result.failures)")
        #expect(verification.checks.filter { $0.check == "ledger-log" && $0.status == .passed }.count == export.credentialCount + 1)
    }

    @Test("the checkpoint bundle proves consistency from the witness's size; a larger size is refused")
    func bundle() async throws {
        let fixture = try AppFixture(demoPeople: 5, seed: 2, today: Self.today)
        defer { fixture.cleanUp() }
        let size = Int64(try await fixture.app.storage.eventCount())
        let checkpoint = try await fixture.app.checkpoint(since: 100, context: fixture.context)
        let request = try #require(checkpoint.request)
        #expect(request.oldSize == 100 && checkpoint.treeHead.size == UInt64(size))
        let old = try await fixture.app.storage.logState(provingFrom: nil)
        #expect(old.size == size)
        let parsed = try WitnessRequest(parsing: request.body)
        #expect(parsed == request)
        await #expect(throws: AppError(.conflict, "")) {
            _ = try await fixture.app.checkpoint(since: size + 1, context: fixture.context)
        }
    }
}
