import Foundation
import Testing

@testable import BekalDomain

@Suite("Person reference")
struct PersonReferenceTests {
    @Test("a UUID is an internal id, other text a register number, blank text nothing")
    func parsing() {
        let id = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
        #expect(PersonReference("00000000-0000-4000-8000-000000000001") == .id(id))
        #expect(PersonReference(" DEMO-0001/2026 ") == .registerNumber(RegisterNumber("DEMO-0001/2026")!))
        #expect(PersonReference("   ") == nil)
        #expect(PersonReference("")?.description == nil)
    }

    @Test("matches the person it names, and never prints a register number")
    func matchingAndRedaction() {
        let person = Build.person()
        #expect(PersonReference("TEST-1/2025")?.matches(person) == true)
        #expect(PersonReference(person.id.uuidString)?.matches(person) == true)
        #expect(PersonReference("TEST-2/2025")?.matches(person) == false)
        #expect(!"\(PersonReference("TEST-1/2025")!)".contains("TEST-1"))
    }
}
