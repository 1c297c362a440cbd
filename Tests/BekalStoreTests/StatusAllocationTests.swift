import BekalDomain
import Foundation
import Testing
@testable import BekalStore

@Suite("Status list indices and revocation in the store")
struct StatusAllocationTests {
    static let list = "https://lapas.example/status/1"

    func id() -> String { "urn:uuid:\(UUID().uuidString.lowercased())" }

    @Test("recorded indices are read back per list, and recording the same index again changes nothing")
    func roundTrip() throws {
        let scenario = try Scenario()
        let (a, b) = (id(), id())
        let records = [StatusIndexRecord(credentialID: a, index: 0, personID: scenario.person.id),
                       StatusIndexRecord(credentialID: b, index: 1, personID: scenario.person.id)]
        try scenario.ledger.recordStatusIndices(records, listURL: Self.list, allocatedAt: Scenario.now)
        try scenario.ledger.recordStatusIndices(records, listURL: Self.list, allocatedAt: Scenario.now)
        #expect(try scenario.ledger.statusIndices(listURL: Self.list) == [a: 0, b: 1])
        #expect(try scenario.ledger.statusIndices(listURL: "https://other.example/status/1").isEmpty)
    }

    @Test("asked for some ids, the store answers the indices of those on the list and nothing else")
    func someIDs() throws {
        let scenario = try Scenario()
        let (a, b, c, never) = (id(), id(), id(), id())
        try scenario.ledger.recordStatusIndices(
            [StatusIndexRecord(credentialID: a, index: 4, personID: scenario.person.id),
             StatusIndexRecord(credentialID: b, index: 9, personID: scenario.person.id)],
            listURL: Self.list, allocatedAt: Scenario.now)
        try scenario.ledger.recordStatusIndices(
            [StatusIndexRecord(credentialID: c, index: 0, personID: scenario.person.id)],
            listURL: "https://other.example/status/1", allocatedAt: Scenario.now)
        #expect(try scenario.ledger.statusIndices(listURL: Self.list, credentialIDs: [b, c, never, b]) == [b: 9])
        #expect(try scenario.ledger.statusIndices(listURL: Self.list, credentialIDs: [a, b]) == [a: 4, b: 9])
        #expect(try scenario.ledger.statusIndices(listURL: Self.list, credentialIDs: []).isEmpty)
    }

    @Test("a clash (an index taken by another id, or an id given another index) is a conflict and writes nothing")
    func clashes() throws {
        let scenario = try Scenario()
        let (a, b, c) = (id(), id(), id())
        try scenario.ledger.recordStatusIndices(
            [StatusIndexRecord(credentialID: a, index: 0, personID: nil)], listURL: Self.list, allocatedAt: Scenario.now)
        #expect(throws: StoreError(.conflict, "")) {
            try scenario.ledger.recordStatusIndices(
                [StatusIndexRecord(credentialID: c, index: 5, personID: nil),
                 StatusIndexRecord(credentialID: b, index: 0, personID: nil)],
                listURL: Self.list, allocatedAt: Scenario.now)
        }
        #expect(throws: StoreError(.conflict, "")) {
            try scenario.ledger.recordStatusIndices(
                [StatusIndexRecord(credentialID: a, index: 3, personID: nil)], listURL: Self.list, allocatedAt: Scenario.now)
        }
        #expect(try scenario.ledger.statusIndices(listURL: Self.list) == [a: 0])
    }

    @Test("revoking needs an exported id, happens once, and survives a projection rebuild with the indices")
    func revoke() throws {
        let scenario = try Scenario()
        let exported = id()
        #expect(throws: StoreError(.notFound, "")) {
            try scenario.ledger.revoke(credentialID: exported, reason: "error", actor: "a", recordedAt: Scenario.now)
        }
        try scenario.ledger.recordStatusIndices(
            [StatusIndexRecord(credentialID: exported, index: 7, personID: scenario.person.id)],
            listURL: Self.list, allocatedAt: Scenario.now)
        let event = try scenario.ledger.revoke(credentialID: exported, reason: "error", actor: "a", recordedAt: Scenario.now)
        #expect(event.type == "credential.revoked")
        #expect(try scenario.ledger.revokedCredentialIDs() == [exported: "error"])
        #expect(throws: StoreError(.conflict, "")) {
            try scenario.ledger.revoke(credentialID: exported, reason: "again", actor: "a", recordedAt: Scenario.now)
        }
        try scenario.ledger.rebuildProjections()
        #expect(try scenario.ledger.revokedCredentialIDs() == [exported: "error"])
        #expect(try scenario.ledger.statusIndices(listURL: Self.list) == [exported: 7])
    }
}
