import BekalCredentials
import BekalJSON
import BekalLinkedData
import Foundation
import Testing

/// Tampering with an eddsa-rdfc-2022 export (the default). Its signature covers the RDF dataset, not the JSON text:
/// a change that alters any statement is INVALID; a change that leaves the dataset as it was (array order in a set,
/// a member stating a fact the graph already states elsewhere) is the same signed content and may verify. These
/// tests hold the verifier to exactly that line.
@Suite("Attacks on eddsa-rdfc-2022 exports")
struct RdfcAttackTests {
    typealias Step = AttackTests.Step

    static let small: JSONValue = try! SamplePortfolio.export(SamplePortfolio.make(units: 3)).credential

    /// The canonical N-Quads of the document without its proofs (plain mode, so a dropped term shows as absent).
    static func canonical(_ document: JSONValue) -> String? {
        guard var object = document.objectValue else { return nil }
        object["proof"] = nil
        return try? RDFCProofAlgorithms(safeMode: false).canonicalize(.object(object))
    }

    /// The changes the verifier accepts although they alter the signed dataset (must be none), and how many it refused.
    static func acceptedWithNewMeaning(_ changes: [(String, JSONValue)]) -> (labels: [String], refused: Int) {
        let original = canonical(small)
        var labels: [String] = []
        var refused = 0
        for (label, changed) in changes {
            guard SamplePortfolio.verify(changed).result.isValid else {
                refused += 1
                continue
            }
            if canonical(changed) != original { labels.append(label) }
        }
        return (labels, refused)
    }

    @Test("changing any character of any value anywhere in an rdfc export is INVALID with a named check")
    func everyLeaf() {
        let paths = AttackTests.leaves(Self.small)
        #expect(paths.count > 300)
        var accepted: [String] = []
        for path in paths {
            let verdict = SamplePortfolio.verify(AttackTests.modify(Self.small, at: path[...], AttackTests.mutate))
            if verdict.result.isValid { accepted.append(path.map(\.description).joined(separator: "/")) }
            else if !verdict.checks.contains(where: { $0.status == .failed && !$0.check.isEmpty }) { accepted.append("unnamed failure") }
        }
        #expect(accepted.isEmpty, "accepted after tampering: \(accepted.prefix(10))")
    }

    @Test("dropping a member is INVALID unless the graph states the same fact elsewhere (the signed dataset is unchanged)")
    func dropAnyMember() {
        let drops = AttackTests.members(Self.small).map { path in
            (path.map(\.description).joined(separator: "/"), AttackTests.modify(Self.small, at: path[...], { _ in nil }))
        }
        #expect(drops.count > 300)
        let outcome = Self.acceptedWithNewMeaning(drops)
        #expect(outcome.labels.isEmpty, "accepted with a changed dataset: \(outcome.labels.prefix(10))")
        // Not vacuous: most drops are refused.
        #expect(outcome.refused > drops.count * 3 / 4)
    }

    @Test("reordering arrays never changes what an accepted export says")
    func reorder() {
        let paths: [[Step]] = [
            [.key("credentialSubject"), .key("verifiableCredential")], [.key("@context")],
            [.key("credentialSubject"), .key("verifiableCredential"), .index(0), .key("credentialSubject"), .key("result")],
        ]
        let swaps = paths.map { path in
            ("\(path)", AttackTests.modify(Self.small, at: path[...]) { value in
                guard case .array(var a) = value, a.count > 1 else { return value }
                a.swapAt(0, 1)
                return .array(a)
            })
        }
        #expect(Self.acceptedWithNewMeaning(swaps).labels.isEmpty)
    }

    @Test("a member no context defines, added to the outer credential, an embedded one or a proof, is undefined-term")
    func addUndefinedMember() {
        let targets: [[Step]] = [
            [], [.key("credentialSubject")], [.key("credentialSubject"), .key("verifiableCredential"), .index(1)],
            [.key("credentialSubject"), .key("verifiableCredential"), .index(1), .key("credentialSubject"), .key("achievement")],
            [.key("proof"), .index(0)],
        ]
        for target in targets {
            let added = AttackTests.modify(Self.small, at: target[...]) { value in
                guard case .object(var o) = value else { return value }
                o["note"] = "added"
                return .object(o)
            }
            let verdict = SamplePortfolio.verify(added)
            #expect(!verdict.result.isValid, "added at \(target)")
            #expect(verdict.checks.contains { $0.check == "proof" && $0.detail.contains("undefined-term") }, "added at \(target)")
        }
    }

    @Test("a jcs proof relabelled eddsa-rdfc-2022, or the reverse, is INVALID")
    func relabelledSuite() throws {
        for (suite, other) in [(ExportCryptosuite.jcs, "eddsa-rdfc-2022"), (.rdfc, "eddsa-jcs-2022")] {
            let export = try SamplePortfolio.export(SamplePortfolio.make(units: 3), cryptosuite: suite).credential
            let relabelled = AttackTests.modify(export, at: [.key("proof"), .index(0), .key("cryptosuite")][...]) { _ in .string(other) }
            let verdict = SamplePortfolio.verify(relabelled)
            #expect(!verdict.result.isValid)
            #expect(verdict.checks.contains { $0.check == "proof" && $0.subject == "credential" && $0.status == .failed })
        }
    }
}
