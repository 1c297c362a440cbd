import BekalCredentials
import Foundation
import Testing

@Suite("Key windows at whole seconds")
struct KeyRotationSecondTests {
    @Test("an export signed in the same second as a rotation is covered by the key that signed it")
    func sameSecond() throws {
        let created = Date(timeIntervalSince1970: 1_780_000_000)  // what a proof's `created` says (whole second)
        var ring = KeyRing(current: .generate(), currentValidFrom: Date(timeIntervalSince1970: 1_779_000_000))
        let old = ring.current.didKey
        ring.rotate(now: created.addingTimeInterval(0.4))
        let windows = Dictionary(uniqueKeysWithValues: ring.keys.map { ($0.didKey, $0) })
        #expect(try #require(windows[old]).covers(created))
        #expect(try #require(windows[ring.current.didKey]).covers(created))
        #expect(!(try #require(windows[old]).covers(created.addingTimeInterval(1))))
    }

    @Test("a new ring's window starts at the whole second, so a proof created in that second is covered")
    func creation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ring-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let ring = try KeyRing.create(at: directory, now: Date(timeIntervalSince1970: 1_780_000_000.7))
        #expect(ring.keys[0].covers(Date(timeIntervalSince1970: 1_780_000_000)))
    }
}
