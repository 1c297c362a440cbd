import BekalJSON
import Testing

@testable import BekalLinkedData

/// A small seeded generator, so every mutation run is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded mutation runs over the parsing, expansion and canonicalization paths: whatever the input, the
/// result is a value or a `LinkedDataError` (never a crash or hang), and what succeeds obeys invariants.
@Suite("Mutated input keeps the invariants")
struct MutationTests {
    static let interestingBytes = Array("<>\"\\_:.@^#\n \t-/u0".utf8)

    @Test("mutated N-Quads either fail to parse or canonicalize to a fixed point")
    func nquads() throws {
        var random = SplitMix64(state: 7)
        // A missing or unreadable seed fails the test: mutating an empty input would test nothing.
        let seeds = try ["rdf-canon/rdfc10/test020-in.nq", "rdf-canon/rdfc10/test060-in.nq", "rdf-canon/rdfc10/test044-in.nq"]
            .map { try TestFiles.text($0) }
        let canonicalizer = RDFCanonicalizer(limits: .init(maxWork: 5_000, maxDepth: 64))
        for seed in seeds {
            #expect(try !NQuadsParser().parse(seed).quads.isEmpty, "each seed must be a non-empty dataset")
        }
        var parsed = 0
        for _ in 0..<1_000 {
            var bytes = Array(seeds.randomElement(using: &random)!.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[index] = Self.interestingBytes.randomElement(using: &random)!
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
                }
            }
            guard let dataset = try? NQuadsParser().parse(String(decoding: bytes, as: UTF8.self)) else { continue }
            parsed += 1
            guard let first = try? canonicalizer.canonicalize(dataset) else { continue }
            let again = try canonicalizer.canonicalize(nquads: first.nquads)
            #expect(again.nquads == first.nquads)
        }
        #expect(parsed > 100)
    }

    static let replacements: [JSONValue] = [
        "@id", "@type", "@context", "@graph", "@list", "@value", "_:b0", "http://example.org/x", "", "relative",
        "https://www.w3.org/ns/credentials/v2", 1.5, 42, true, .null, [], [:], ["@value": 1], ["@list": ["a"]],
        ["@id": "_:x", "@type": "Profile"], ["@context": ["@vocab": "urn:v:"]],
    ]

    static func mutate(_ value: JSONValue, using random: inout SplitMix64, depth: Int = 0) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object {
                switch Int.random(in: 0..<40, using: &random) {
                case 0: continue
                case 1: result[["@id", "@type", "@reverse", "@nest", "@index", "@included"].randomElement(using: &random)!] = member
                case 2: result[key] = replacements.randomElement(using: &random)!
                default: result[key] = mutate(member, using: &random, depth: depth + 1)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map { mutate($0, using: &random, depth: depth + 1) })
        default:
            return Int.random(in: 0..<20, using: &random) == 0 ? replacements.randomElement(using: &random)! : value
        }
    }

    @Test("mutated credentials: safe mode only refuses, never changes the RDF, and canonical forms are fixed points")
    func credentials() throws {
        var random = SplitMix64(state: 11)
        let seeds = try ["di-cases/valid/selfmade_ob3_rdfc.json", "vc-di-eddsa/unsigned.json"].map { try TestFiles.json($0) }
        let plain = JSONLD(options: JSONLDOptions(safeMode: false))
        let safe = JSONLD(options: JSONLDOptions(safeMode: true))
        var converted = 0
        for _ in 0..<200 {
            let document = Self.mutate(seeds.randomElement(using: &random)!, using: &random)
            guard let dataset = try? plain.toRDF(document) else { continue }
            converted += 1
            if let safeDataset = try? safe.toRDF(document) {
                #expect(safeDataset == dataset)
            }
            if let canonical = try? RDFCanonicalizer().canonicalize(dataset) {
                #expect(try RDFCanonicalizer().canonicalize(nquads: canonical.nquads).nquads == canonical.nquads)
            }
        }
        #expect(converted > 30)
    }
}
