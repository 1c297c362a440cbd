import BekalDomain
import Foundation
import Testing
@testable import BekalStore

/// `PersonIndex` is the hash table behind the per-person tallies of the stats: it must find exactly the persons
/// put in, keep them in the order first met with their values, and stay right as it grows.
@Suite("Person index")
struct PersonIndexTests {
    /// A stored-id-shaped text for `number`, so ids differ in the last characters as generated ones may.
    static func id(_ number: Int, prefix: String = "0190a1b2-c3d4-7e5f-8a9b-") -> String {
        prefix + String(format: "%012x", number)
    }

    static func key(_ text: String) throws -> PersonKey {
        try #require(PersonTallyTests.key(text))
    }

    @Test("values are folded per person, in the order first met, the same as a Dictionary folds them")
    func foldsLikeADictionary() throws {
        var index = PersonIndex<Double>(expected: 4)
        var reference: [String: Double] = [:]
        var order: [String] = []
        var generator = DemoRandom(seed: 7)
        // 20,000 rows over 3,000 persons: the index starts with 16 slots and doubles many times on the way.
        for _ in 0..<20_000 {
            // Persons share their first or their last characters with many others, so every word must decide.
            let number = Int(generator.next() % 3_000)
            let text = Self.id(number % 16, prefix: String(format: "%08x-c3d4-7e5f-8a9b-", number / 16))
            let hours = Double(generator.next() % 8) + 0.5
            index.update(try Self.key(text), initial: 0) { $0 += hours }
            if reference[text] == nil { order.append(text) }
            reference[text, default: 0] += hours
        }
        #expect(index.count == reference.count)
        #expect(index.entries.map(\.key) == (try order.map(Self.key)))
        #expect(index.entries.map(\.value) == order.map { reference[$0]! })
    }

    @Test("contains finds every person put in and none other, including ids that differ in one character")
    func containsExactly() throws {
        var index = PersonIndex<Void>(expected: 16)
        let members = (0..<1_000).map { Self.id($0 * 2) }
        for text in members { index.update(try Self.key(text), initial: ()) { _ in } }
        for text in members { #expect(index.contains(try Self.key(text))) }
        // Odd numbers: each differs from a member in its last character only.
        let strangers = (0..<1_000).map { Self.id($0 * 2 + 1) }
        #expect(try strangers.filter { index.contains(try Self.key($0)) }.isEmpty)
        // The same tail under another prefix: differs in the first words only.
        let elsewhere = members.prefix(100).map { "f" + $0.dropFirst() }
        #expect(try elsewhere.filter { index.contains(try Self.key($0)) }.isEmpty)
        #expect(index.count == members.count)
    }

    @Test("a person met again keeps its first position and is not added twice")
    func repeatsKeepTheirPlace() throws {
        var index = PersonIndex<Int>()
        let texts = ["b", "a", "c", "a", "b", "a"].map { Self.id(Int($0.unicodeScalars.first!.value)) }
        for text in texts { index.update(try Self.key(text), initial: 0) { $0 += 1 } }
        #expect(index.entries.map(\.key) == (try [texts[0], texts[1], texts[2]].map(Self.key)))
        #expect(index.entries.map(\.value) == [2, 3, 1])
    }
}
