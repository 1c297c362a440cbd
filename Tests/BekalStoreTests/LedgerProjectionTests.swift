import BekalDomain
import Foundation
import GRDB
import Testing
@testable import BekalStore

@Suite("Projections, corrections and reads")
struct LedgerProjectionTests {
    @Test("a portfolio shows the records of its person only, by register number or id")
    func portfolio() throws {
        let scenario = try Scenario()
        let other = Scenario.person(register: "REG-0002")
        try scenario.record(.personAdded(other))
        try scenario.record(scenario.assessment())
        try scenario.record(scenario.training(hours: 2.5))
        try scenario.record(scenario.training(hours: 1))
        let byNumber = try scenario.ledger.portfolio(of: .registerNumber(RegisterNumber("REG-0001")!))
        let byID = try scenario.ledger.portfolio(of: .id(scenario.person.id))
        #expect(byNumber == byID)
        #expect(byNumber.assessments.count == 1)
        #expect(byNumber.trainingHours == 3.5)
        #expect(byNumber.framework.id == CompetencyFramework.sampleBatikCap.id)
        #expect(try scenario.ledger.portfolio(of: .id(other.id)).training.isEmpty)
    }

    @Test("a correction replaces the record and a retraction removes it; the originals stay in the ledger")
    func corrections() throws {
        let scenario = try Scenario()
        let assessed = try scenario.record(scenario.assessment(outcome: .belumKompeten))
        let trained = try scenario.record(scenario.training(hours: 8))
        guard case .assessmentRecorded(var fixed) = assessed.payload else {
            Issue.record("the recorded event is not an assessment: \(assessed.payload)")
            return
        }
        fixed.outcome = .kompeten
        try scenario.record(.corrected(Correction(
            correctedEventID: assessed.id, personID: scenario.person.id, reason: "wrong box ticked",
            replacement: .assessmentRecorded(fixed))))
        try scenario.record(.corrected(Correction(
            correctedEventID: trained.id, personID: scenario.person.id, reason: "session cancelled",
            replacement: nil)))
        let portfolio = try scenario.ledger.portfolio(of: .id(scenario.person.id))
        #expect(portfolio.assessments.map(\.outcome) == [.kompeten])
        #expect(portfolio.training.isEmpty)
        #expect(try scenario.ledger.eventCount() == 7)
        #expect(try scenario.ledger.event(id: assessed.id).payload == assessed.payload)
    }

    @Test("a retracted record cannot be corrected again, and a correction cannot change the kind")
    func correctionConflicts() throws {
        let scenario = try Scenario()
        let trained = try scenario.record(scenario.training())
        try scenario.record(.corrected(Correction(
            correctedEventID: trained.id, personID: scenario.person.id, reason: "duplicate", replacement: nil)))
        #expect(throws: StoreError(.conflict, "")) {
            try scenario.record(.corrected(Correction(
                correctedEventID: trained.id, personID: scenario.person.id, reason: "again", replacement: nil)))
        }
        let assessed = try scenario.record(scenario.assessment())
        #expect(throws: StoreError(.conflict, "")) {
            try scenario.record(.corrected(Correction(
                correctedEventID: assessed.id, personID: scenario.person.id, reason: "x",
                replacement: scenario.training())))
        }
        #expect(throws: StoreError(.notFound, "")) {
            try scenario.record(.corrected(Correction(
                correctedEventID: UUID(), personID: scenario.person.id, reason: "x", replacement: nil)))
        }
    }

    @Test("rebuilding the projections from the ledger gives the same state as appending did")
    func rebuildEqualsIncremental() throws {
        let scenario = try Scenario()
        let assessed = try scenario.record(scenario.assessment(outcome: .belumKompeten))
        try scenario.record(scenario.assessment(unit: "SAMPLE.BTKCAP.003"))
        let trained = try scenario.record(scenario.training())
        try scenario.record(.corrected(Correction(
            correctedEventID: trained.id, personID: scenario.person.id, reason: "dup", replacement: nil)))
        guard case .assessmentRecorded(var fixed) = assessed.payload else {
            Issue.record("the recorded event is not an assessment: \(assessed.payload)")
            return
        }
        fixed.outcome = .kompeten
        try scenario.record(.corrected(Correction(
            correctedEventID: assessed.id, personID: scenario.person.id, reason: "fix",
            replacement: .assessmentRecorded(fixed))))
        try scenario.record(.transferred(Transfer(
            personID: scenario.person.id, fromFacility: "LAPAS-TEST", toFacility: "LAPAS-LAIN",
            date: LocalDate("2026-05-01")!)))
        try scenario.record(.credentialRevoked(CredentialRevocation(
            credentialID: "urn:uuid:\(UUID().uuidString.lowercased())", reason: "issued in error")))
        let before = try dump(scenario.ledger)
        #expect(try scenario.ledger.rebuildProjections() == 10)
        #expect(try dump(scenario.ledger) == before)
        #expect(try scenario.ledger.persons(status: .transferred).count == 1)
        #expect(try scenario.ledger.revokedCredentialIDs().values.first == "issued in error")
    }

    @Test("a rebuild also repairs a projection that drifted")
    func rebuildRepairs() throws {
        let scenario = try Scenario()
        try scenario.record(scenario.training(hours: 5))
        try scenario.ledger.writer.write { db in try db.execute(sql: "DELETE FROM training") }
        #expect(try scenario.ledger.portfolio(of: .id(scenario.person.id)).trainingHours == 0)
        try scenario.ledger.rebuildProjections()
        #expect(try scenario.ledger.portfolio(of: .id(scenario.person.id)).trainingHours == 5)
    }

    @Test("unknown persons and units, duplicate register numbers and impossible dates are refused, nothing written")
    func refusals() throws {
        let scenario = try Scenario()
        let stranger = Scenario.person(register: "REG-9999")
        var payload = scenario.training()
        if case .trainingRecorded(var t) = payload { t.personID = stranger.id; payload = .trainingRecorded(t) }
        #expect(throws: DomainError(.unknownPerson, path: "", message: "")) { try scenario.record(payload) }
        #expect(throws: DomainError.unknownUnitSample) { try scenario.record(scenario.assessment(unit: "NOPE")) }
        #expect(throws: StoreError(.conflict, "")) {
            try scenario.record(.personAdded(Scenario.person(register: "REG-0001")))
        }
        #expect(throws: DomainError.beforeAdmissionSample) { try scenario.record(scenario.assessment(date: "2025-01-01")) }
        #expect(throws: DomainError.inFutureSample) { try scenario.record(scenario.assessment(date: "2027-01-01")) }
        #expect(try scenario.ledger.eventCount() == 3)
        #expect(try scenario.ledger.verifyChain().isIntact)
    }

    @Test("a batch is all-or-nothing: one bad entry leaves the ledger as it was")
    func batchAllOrNothing() throws {
        let scenario = try Scenario()
        let entries = [LedgerEntry(scenario.training()), LedgerEntry(scenario.assessment(unit: "NOPE"))]
        #expect(throws: DomainError.self) {
            try scenario.ledger.append(contentsOf: entries, actor: "a", facilityCode: "LAPAS-TEST",
                                       recordedAt: Scenario.now)
        }
        #expect(try scenario.ledger.eventCount() == 3)
        #expect(try scenario.ledger.portfolio(of: .id(scenario.person.id)).training.isEmpty)
    }

    @Test("entries whose natural key is present are skipped, within a batch and across batches")
    func naturalKeys() throws {
        let scenario = try Scenario()
        let entries = [
            LedgerEntry(scenario.training(), naturalKey: "k1"), LedgerEntry(scenario.training(), naturalKey: "k1"),
            LedgerEntry(scenario.training(), naturalKey: "k2"),
        ]
        let first = try scenario.ledger.append(contentsOf: entries, actor: "a", facilityCode: "F", recordedAt: Scenario.now)
        #expect(first.appended.count == 2)
        #expect(first.skipped == 1)
        let second = try scenario.ledger.append(contentsOf: entries, actor: "a", facilityCode: "F", recordedAt: Scenario.now)
        #expect(second.appended.isEmpty)
        #expect(second.skipped == 3)
    }

    /// Every projection table's rows, as text, in a stable order.
    func dump(_ ledger: Ledger) throws -> [String: [String]] {
        try ledger.writer.read { db in
            var result: [String: [String]] = [:]
            for table in LedgerSchema.projectionTables {
                result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
            }
            return result
        }
    }
}

extension DomainError {
    static let unknownUnitSample = DomainError(.unknownUnit, path: "", message: "")
    static let beforeAdmissionSample = DomainError(.dateBeforeAdmission, path: "", message: "")
    static let inFutureSample = DomainError(.dateInFuture, path: "", message: "")
}
