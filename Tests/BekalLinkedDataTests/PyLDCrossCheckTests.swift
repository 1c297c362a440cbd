import BekalJSON
import Crypto
import Foundation
import Testing

@testable import BekalLinkedData

/// An independent implementation (Python pyld, from PyPI) must produce the same canonical N-Quads as
/// BekalLinkedData and accept the proofs BekalLinkedData creates.
@Suite("Cross-check with pyld")
struct PyLDCrossCheckTests {
    /// Writes every bundled context (as BekalLinkedData loads it) and a URL map for the script.
    static func contextMap(in directory: URL) throws -> URL {
        var map = JSONObject()
        let loader = BundledContexts()
        for (index, url) in loader.urls.enumerated() {
            let file = directory.appendingPathComponent("context-\(index).jsonld")
            try Data(JSONWriter.serialize(try loader.load(url))).write(to: file)
            map[url] = .string(file.path)
        }
        let mapFile = directory.appendingPathComponent("contexts.json")
        try Data(JSONWriter.serialize(.object(map))).write(to: mapFile)
        return mapFile
    }

    static func runPyLD(_ document: JSONValue) throws -> (output: String, status: Int32) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-pyld-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mapFile = try contextMap(in: directory)
        let documentFile = directory.appendingPathComponent("document.json")
        try Data(JSONWriter.serialize(document)).write(to: documentFile)
        let script = try #require(Bundle.module.url(forResource: "pyld_check", withExtension: "py", subdirectory: "Fixtures/pyld"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, mapFile.path, documentFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    static func split(_ output: String) -> (nquads: String, verdicts: [String]) {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var verdicts: [String] = []
        while let last = lines.last, last.isEmpty || last.hasPrefix("PROOF ") {
            if !last.isEmpty { verdicts.insert(last, at: 0) }
            lines.removeLast()
        }
        return (lines.map { $0 + "\n" }.joined(), verdicts)
    }

    @Test("pyld canonicalizes signed VCs to the same N-Quads and verifies their proofs",
        arguments: ["di-cases/valid/selfmade_clr_rdfc.json", "di-cases/valid/selfmade_ob3_rdfc.json",
                    "di-cases/valid/w3c_signedDataInt.json"])
    func sameCanonicalForm(_ path: String) throws {
        let document = try TestFiles.json(path)
        var unsecured = try #require(document.objectValue)
        unsecured["proof"] = nil
        let ours = try RDFCProofAlgorithms().canonicalize(.object(unsecured))
        let (output, status) = try Self.runPyLD(document)
        #expect(status == 0)
        let theirs = Self.split(output)
        #expect(theirs.nquads == ours)
        #expect(theirs.verdicts == ["PROOF 0 VALID"])
    }

    @Test("1EdTech examples canonicalize in safe mode to what pyld produces",
        arguments: ["examples/full_ex.json", "examples/minimal_valid_obv3.json", "examples/validator_test_simple.json"])
    func examples(_ path: String) throws {
        var document = try #require(try TestFiles.json(path).objectValue)
        document["proof"] = nil
        let ours = try RDFCProofAlgorithms().canonicalize(.object(document))
        let (output, status) = try Self.runPyLD(.object(document))
        #expect(status == 0)
        #expect(Self.split(output).nquads == ours)
        #expect(ours.utf8.count > 1_000)
    }

    @Test("pyld verifies a proof BekalLinkedData creates, and rejects it after a one-character change")
    func verifiesOurProof() throws {
        let keyPair = try TestFiles.json("vc-di-eddsa/keyPair.json")
        let seed = try #require(Base58.decode(String((keyPair["privateKeyMultibase"]?.stringValue ?? "").dropFirst())))
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed.dropFirst(2))
        var document = try #require(try TestFiles.json("di-cases/valid/selfmade_ob3_rdfc.json").objectValue)
        var options = try #require(document["proof"]?.objectValue)
        options["proofValue"] = nil
        options["created"] = "2026-11-29T00:00:00Z"
        document["proof"] = nil
        document["proof"] = .object(try RDFCProofAlgorithms().createProof(document: .object(document), proofOptions: options, privateKey: key))
        #expect(Self.split(try Self.runPyLD(.object(document)).output).verdicts == ["PROOF 0 VALID"])
        document["validFrom"] = "2026-11-29T00:00:01Z"
        #expect(Self.split(try Self.runPyLD(.object(document)).output).verdicts == ["PROOF 0 INVALID"])
    }
}
