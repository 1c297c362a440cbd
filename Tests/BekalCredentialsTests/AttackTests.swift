import BekalCredentials
import BekalLinkedData
import BekalJSON
import Foundation
import Testing

/// Tampering with a real export must give INVALID with the failing check named. These run on an eddsa-jcs-2022
/// export, whose signature covers the JSON as written; `RdfcAttackTests` holds the eddsa-rdfc-2022 counterparts.
@Suite("Attacks on exports")
struct AttackTests {
    /// A real export of a smaller portfolio (3 units, 2 certificates, the record) so every leaf can be mutated.
    static let small: JSONValue = try! SamplePortfolio.export(SamplePortfolio.make(units: 3), cryptosuite: .jcs).credential

    enum Step: Hashable, CustomStringConvertible {
        case key(String), index(Int)
        var description: String { switch self { case .key(let k): k; case .index(let i): "\(i)" } }
    }

    static func leaves(_ value: JSONValue, _ path: [Step] = []) -> [[Step]] {
        switch value {
        case .object(let o): o.members.flatMap { leaves($0.value, path + [.key($0.key)]) }
        case .array(let a): a.enumerated().flatMap { leaves($0.element, path + [.index($0.offset)]) }
        default: [path]
        }
    }

    static func members(_ value: JSONValue, _ path: [Step] = []) -> [[Step]] {
        switch value {
        case .object(let o): o.members.flatMap { [path + [.key($0.key)]] + members($0.value, path + [.key($0.key)]) }
        case .array(let a): a.enumerated().flatMap { members($0.element, path + [.index($0.offset)]) }
        default: []
        }
    }

    /// Applies `change` at `path`; `nil` from `change` removes the member.
    static func modify(_ value: JSONValue, at path: ArraySlice<Step>, _ change: (JSONValue) -> JSONValue?) -> JSONValue {
        guard let step = path.first else { return change(value) ?? .null }
        switch (value, step) {
        case (.object(var o), .key(let k)):
            if path.count == 1 { o[k] = o[k].flatMap(change) } else if let child = o[k] { o[k] = modify(child, at: path.dropFirst(), change) }
            return .object(o)
        case (.array(var a), .index(let i)):
            a[i] = modify(a[i], at: path.dropFirst(), change)
            return .array(a)
        default: return value
        }
    }

    static func mutate(_ leaf: JSONValue) -> JSONValue {
        switch leaf {
        case .string(let s):
            guard let last = s.unicodeScalars.last else { return "x" }
            let replacement: Character = last == "a" ? "b" : "a"
            return .string(String(s.unicodeScalars.dropLast()) + String(replacement))
        case .number(let n): return .number(n + 1)
        case .bool(let b): return .bool(!b)
        default: return "x"
        }
    }

    func expectInvalid(_ doc: JSONValue, _ what: String, check: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let verdict = SamplePortfolio.verify(doc)
        #expect(!verdict.result.isValid, "\(what) was accepted", sourceLocation: sourceLocation)
        if let check {
            #expect(verdict.checks.contains { $0.check == check && $0.status == .failed }, "\(what): \(check) did not fail", sourceLocation: sourceLocation)
        }
    }

    @Test("the unmodified small export is VALID (the baseline of every attack)")
    func baseline() {
        #expect(SamplePortfolio.verify(Self.small).result.isValid)
    }

    @Test("changing any character of any string, number or boolean value anywhere in an export is INVALID")
    func everyLeaf() {
        let paths = Self.leaves(Self.small)
        #expect(paths.count > 400)
        var accepted: [String] = []
        for path in paths {
            let tampered = Self.modify(Self.small, at: path[...], Self.mutate)
            let verdict = SamplePortfolio.verify(tampered)
            if verdict.result.isValid { accepted.append(path.map(\.description).joined(separator: "/")) }
            else if !verdict.checks.contains(where: { $0.status == .failed && !$0.check.isEmpty }) { accepted.append("unnamed failure") }
        }
        #expect(accepted.isEmpty, "accepted after tampering: \(accepted.prefix(10))")
    }

    @Test("dropping any member anywhere is INVALID")
    func dropAnyMember() {
        var accepted: [String] = []
        for path in Self.members(Self.small) {
            if SamplePortfolio.verify(Self.modify(Self.small, at: path[...], { _ in nil })).result.isValid {
                accepted.append(path.map(\.description).joined(separator: "/"))
            }
        }
        #expect(accepted.isEmpty, "accepted after dropping: \(accepted.prefix(10))")
    }

    @Test("adding a member to the outer credential, an embedded one or a proof is INVALID")
    func addMember() {
        let targets: [[Step]] = [[], [.key("credentialSubject")], [.key("credentialSubject"), .key("verifiableCredential"), .index(1)],
                                 [.key("credentialSubject"), .key("verifiableCredential"), .index(1), .key("credentialSubject"), .key("achievement")]]
        for target in targets {
            let added = Self.modify(Self.small, at: target[...]) { value in
                guard case .object(var o) = value else { return value }
                o["note"] = "added"
                return .object(o)
            }
            expectInvalid(added, "added member at \(target)", check: "proof")
        }
        let proofAdded = Self.modify(Self.small, at: [.key("proof"), .index(0)][...]) { value in
            guard case .object(var o) = value else { return value }
            o["domain"] = "example.org"
            return .object(o)
        }
        expectInvalid(proofAdded, "member added to the proof", check: "proof")
    }

    @Test("reordering array items (embedded credentials, @context, results) is INVALID")
    func reorder() {
        for path: [Step] in [[.key("credentialSubject"), .key("verifiableCredential")], [.key("@context")],
                             [.key("credentialSubject"), .key("verifiableCredential"), .index(0), .key("credentialSubject"), .key("result")]] {
            let swapped = Self.modify(Self.small, at: path[...]) { value in
                guard case .array(var a) = value, a.count > 1 else { return value }
                a.swapAt(0, 1)
                return .array(a)
            }
            expectInvalid(swapped, "reordered \(path)", check: "proof")
        }
    }

    @Test("swapping an embedded credential with one from another person's export is INVALID")
    func swapBetweenExports() throws {
        let other = try SamplePortfolio.export(
            SamplePortfolio.make(register: "BI.2025.0999", name: "Other Person", units: 3, seed: 2), seed: 77, cryptosuite: .jcs
        ).credential
        let foreign = try #require(other["credentialSubject"]?["verifiableCredential"]?.arrayValue?.first)
        // The foreign credential verifies on its own...
        #expect(SamplePortfolio.verify(foreign).result.isValid)
        // ...but not inside this export.
        let swapped = Self.modify(Self.small, at: [.key("credentialSubject"), .key("verifiableCredential"), .index(0)][...]) { _ in foreign }
        let verdict = SamplePortfolio.verify(swapped)
        #expect(!verdict.result.isValid)
        #expect(verdict.checks.contains { $0.check == "proof" && $0.subject == "credential" && $0.status == .failed })
        #expect(verdict.checks.contains { $0.check == "identity" && $0.status == .failed })
    }

    @Test("replacing the issuer, with or without re-signing by the attacker, is INVALID")
    func replaceIssuer() throws {
        let attacker = try IssuerKey(seed: Array(repeating: 0x66, count: 32))
        let renamed = Self.modify(Self.small, at: [.key("issuer"), .key("id")][...]) { _ in .string(attacker.didKey.did) }
        expectInvalid(renamed, "issuer replaced", check: "proof")
        // Re-signed by the attacker as itself: signatures verify, but the attacker is not trusted.
        var object = try #require(renamed.objectValue)
        object["proof"] = nil
        let resigned = try DataIntegrity.sign(object, key: attacker, created: SamplePortfolio.now)
        expectInvalid(.object(resigned), "issuer replaced and re-signed", check: "issuer-trust")
        // Re-signed by the attacker under the facility's issuer id: key not bound to the issuer.
        let underFacility = try DataIntegrity.sign(try #require(Self.small.objectValue).removingProof(), key: attacker, created: SamplePortfolio.now)
        expectInvalid(.object(underFacility), "attacker signing for the facility", check: "issuer-trust")
    }

    @Test("a proof copied onto another document is INVALID")
    func copiedProof() throws {
        let other = try SamplePortfolio.export(SamplePortfolio.make(units: 3), seed: 5, cryptosuite: .jcs).credential
        let transplanted = Self.modify(other, at: [.key("proof")][...]) { _ in Self.small["proof"]! }
        expectInvalid(transplanted, "transplanted proof", check: "proof")
    }

    func proofVariant(_ change: @escaping (inout JSONObject) -> Void) -> JSONValue {
        Self.modify(Self.small, at: [.key("proof"), .index(0)][...]) { value in
            guard case .object(var o) = value else { return value }
            change(&o)
            return .object(o)
        }
    }

    @Test("malformed proofs give a named failure, never a crash", arguments: [
        "other cryptosuite", "other type", "https verification method", "short key", "truncated proofValue",
        "non-base58 proofValue", "proofValue not multibase", "proofValue a number", "no created", "other purpose",
    ])
    func malformedProof(_ variant: String) {
        let doc: JSONValue = switch variant {
        case "other cryptosuite": proofVariant { $0["cryptosuite"] = "eddsa-rdfc-2022" }
        case "other type": proofVariant { $0["type"] = "Ed25519Signature2020" }
        case "https verification method": proofVariant { $0["verificationMethod"] = "https://lapas.example/keys/1" }
        case "short key": proofVariant {
            let short = "z" + Base58.encode([0xed, 0x01] + Array(repeating: 1, count: 31))
            $0["verificationMethod"] = .string("did:key:\(short)#\(short)")
        }
        case "truncated proofValue": proofVariant { $0["proofValue"] = .string(String($0["proofValue"]!.stringValue!.dropLast(10))) }
        case "non-base58 proofValue": proofVariant { $0["proofValue"] = .string("z0OIl" + String($0["proofValue"]!.stringValue!.dropFirst(5))) }
        case "proofValue not multibase": proofVariant { $0["proofValue"] = .string("u" + String($0["proofValue"]!.stringValue!.dropFirst())) }
        case "proofValue a number": proofVariant { $0["proofValue"] = 42 }
        case "no created": proofVariant { $0["created"] = nil }
        default: proofVariant { $0["proofPurpose"] = "authentication" }
        }
        expectInvalid(doc, variant, check: "proof")
    }

    @Test("a proof that is a string, a number, or missing is a named failure")
    func proofNotObject() throws {
        for replacement: JSONValue? in ["z3abc", 7, nil, []] {
            let doc = Self.modify(Self.small, at: [.key("proof")][...]) { _ in replacement }
            expectInvalid(doc, "proof = \(String(describing: replacement))", check: "proof")
        }
    }

    @Test("whitespace and member order changes are still VALID (JCS)")
    func reformatted() throws {
        func reversed(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let o): .object(JSONObject(o.members.reversed().map { ($0.key, reversed($0.value)) }))
            case .array(let a): .array(a.map(reversed))
            default: value
            }
        }
        let pretty = JSONWriter.serialize(reversed(Self.small), pretty: true)
        let reparsed = try JSONParser.parse(pretty)
        #expect(pretty != JSONWriter.serialize(Self.small, pretty: false))
        #expect(SamplePortfolio.verify(reparsed).result.isValid)
    }
}

extension JSONObject {
    func removingProof() -> JSONObject {
        var copy = self
        copy["proof"] = nil
        return copy
    }
}
