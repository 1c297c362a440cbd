import BekalDomain
import Foundation
import Testing
@testable import BekalStore

@Suite("The read contract other modules use")
struct LedgerReadTests {
    @Test("events page after a sequence number, in chain order, with decoded payloads and stamps")
    func eventsPaging() throws {
        let scenario = try Scenario()
        for day in 1...5 { try scenario.record(scenario.training(date: "2026-02-0\(day)")) }
        let firstPage = try scenario.ledger.events(after: nil, limit: 3)
        #expect(firstPage.map(\.sequence) == [1, 2, 3])
        #expect(firstPage[0].type == "facility.initialized")
        #expect(firstPage[2].payload == .personAdded(scenario.person))
        #expect(firstPage[2].personID == scenario.person.id)
        #expect(firstPage.allSatisfy { $0.actor == Scenario.actor && $0.facilityCode == Scenario.facility.code })
        #expect(firstPage[0].recordedAt.timeIntervalSince1970 == Scenario.now.timeIntervalSince1970)
        let rest = try scenario.ledger.events(after: 3, limit: 100)
        #expect(rest.map(\.sequence) == [4, 5, 6, 7, 8])
        #expect(try scenario.ledger.events(after: 8, limit: 10).isEmpty)
        #expect(try scenario.ledger.events(after: nil, limit: 0).isEmpty)
    }

    @Test("an entry can carry its own event id, actor and facility, for demo data and corrections naming it")
    func entryOverrides() throws {
        let scenario = try Scenario()
        let id = UUID()
        let result = try scenario.ledger.append(
            contentsOf: [LedgerEntry(scenario.training(), eventID: id, actor: "demo.wali", facilityCode: "DEMO-1")],
            actor: "batch", facilityCode: "BATCH", recordedAt: Scenario.now)
        let event = try scenario.ledger.event(id: id)
        #expect(result.appended.first?.id == id)
        #expect(event.actor == "demo.wali")
        #expect(event.facilityCode == "DEMO-1")
        #expect(try scenario.ledger.verifyChain().isIntact)
    }

    @Test("revocations are listed with their reasons; persons filter by status and order by release date")
    func revocationsAndPersons() throws {
        let scenario = try Scenario()
        var later = Scenario.person(register: "REG-0002")
        later.expectedReleaseDate = LocalDate("2027-01-01")!
        var sooner = Scenario.person(register: "REG-0003")
        sooner.expectedReleaseDate = LocalDate("2026-06-01")!
        try scenario.record(.personAdded(later))
        try scenario.record(.personAdded(sooner))
        try scenario.record(.released(Release(personID: sooner.id, date: LocalDate("2026-05-01")!, kind: .parole)))
        let credential = "urn:uuid:\(UUID().uuidString.lowercased())"
        try scenario.record(.credentialRevoked(CredentialRevocation(credentialID: credential, reason: "superseded")))
        #expect(try scenario.ledger.revokedCredentialIDs() == [credential: "superseded"])
        #expect(try scenario.ledger.persons(status: nil).map(\.registerNumber.rawValue) == ["REG-0003", "REG-0001", "REG-0002"])
        #expect(try scenario.ledger.persons(status: .active).map(\.registerNumber.rawValue) == ["REG-0001", "REG-0002"])
        #expect(try scenario.ledger.persons(status: .released).map(\.id) == [sooner.id])
        #expect(throws: StoreError(.conflict, "")) {
            try scenario.record(.released(Release(personID: sooner.id, date: LocalDate("2026-05-02")!, kind: .parole)))
        }
    }

    @Test("portfolios of several people in one read equal each one read alone, in the order asked")
    func portfoliosTogether() throws {
        let scenario = try Scenario()
        let other = Scenario.person(register: "REG-0002")
        try scenario.ledger.append(.personAdded(other), actor: Scenario.actor, facilityCode: Scenario.facility.code,
                                   recordedAt: Scenario.now)
        try scenario.record(scenario.assessment())
        try scenario.record(scenario.training(hours: 4))
        let references: [PersonReference] = [.id(other.id), .registerNumber(scenario.person.registerNumber), .id(other.id)]
        let together = try scenario.ledger.portfolios(of: references)
        #expect(together == (try references.map { try scenario.ledger.portfolio(of: $0) }))
        #expect(together.map(\.person.id) == [other.id, scenario.person.id, other.id])
        #expect(together[1].assessments.count == 1 && together[1].training.count == 1 && together[0].assessments.isEmpty)
        #expect(try scenario.ledger.portfolios(of: []).isEmpty)
        #expect(throws: StoreError(.notFound, "")) {
            try scenario.ledger.portfolios(of: [.id(other.id), .registerNumber(RegisterNumber("NOBODY")!)])
        }
    }

    @Test("a portfolio needs an imported framework and a known person")
    func portfolioErrors() throws {
        let ledger = try Ledger.inMemory()
        try ledger.append(.facilityInitialized(Scenario.facility), actor: "a", facilityCode: "F", recordedAt: Scenario.now)
        let person = Scenario.person(register: "REG-1")
        try ledger.append(.personAdded(person), actor: "a", facilityCode: "F", recordedAt: Scenario.now)
        #expect(throws: StoreError(.notFound, "")) { try ledger.portfolio(of: .id(person.id)) }
        #expect(throws: StoreError(.notFound, "")) { try ledger.portfolio(of: .registerNumber(RegisterNumber("X")!)) }
    }
}
