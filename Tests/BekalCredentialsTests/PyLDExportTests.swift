import BekalCredentials
import BekalJSON
import BekalLinkedData
import Foundation
import Testing

/// Python pyld (PyPI) with the bundled contexts served from files: it must canonicalize a Bekal export to the same
/// N-Quads as Bekal, verify its eddsa-rdfc-2022 proofs (outer and embedded) with `cryptography` + `base58`, find no
/// value dropped by JSON-LD expansion, and reject a tampered export.
@Suite("Independent eddsa-rdfc-2022 check with pyld")
struct PyLDExportTests {
    struct Run {
        var status: Int32
        var output: String
        var canonical: JSONValue?
    }

    /// Writes the contexts exactly as BekalLinkedData serves them, with the URL map the script reads.
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

    static func run(_ export: JSONValue) throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-pyld-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let exportFile = directory.appendingPathComponent("export.json")
        try Data(JSONWriter.serialize(export)).write(to: exportFile)
        let outFile = directory.appendingPathComponent("canonical.json")
        let result = try runProcess(
            "/usr/bin/env",
            ["python3", try Fixture.url("verify_export_rdfc.py").path, try contextMap(in: directory).path, exportFile.path,
             outFile.path])
        let canonical = (try? Data(contentsOf: outFile)).flatMap { try? JSONParser.parse($0) }
        return Run(status: result.status, output: result.output, canonical: canonical)
    }

    static func unsecured(_ credential: JSONValue) throws -> JSONValue {
        var object = try #require(credential.objectValue)
        object["proof"] = nil
        return .object(object)
    }

    @Test("pyld canonicalizes the export and each embedded credential to Bekal's N-Quads and verifies all 26 proofs",
        arguments: [ExportCryptosuite.rdfc, .both])
    func sameNQuadsAndProofs(_ suite: ExportCryptosuite) throws {
        let export = try SamplePortfolio.export(includeName: true, cryptosuite: suite).credential
        let run = try Self.run(export)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("26 of 26 credentials verified"))
        let canonical = try #require(run.canonical)
        let bekal = RDFCProofAlgorithms()
        let outer = try bekal.canonicalize(try Self.unsecured(export))
        #expect(canonical["outer"]?.stringValue == outer)
        #expect(outer.utf8.count > 20_000)
        let embedded = export["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? []
        let theirs = canonical["embedded"]?.arrayValue ?? []
        #expect(theirs.count == embedded.count)
        for (index, credential) in embedded.enumerated() where index < theirs.count {
            #expect(theirs[index].stringValue == (try bekal.canonicalize(try Self.unsecured(credential))), "embedded[\(index)]")
        }
    }

    @Test("pyld rejects a tampered export and notices a member JSON-LD drops")
    func rejectsTampering() throws {
        var export = try #require(try SamplePortfolio.export().credential.objectValue)
        export["name"] = "Batik cap skills portfolio from somewhere else"
        let tampered = try Self.run(.object(export))
        #expect(tampered.status == 1)
        #expect(tampered.output.contains("outer: FAILED"))
        #expect(tampered.output.contains("25 of 26 credentials verified"))

        var dropped = try #require(try SamplePortfolio.export().credential.objectValue)
        dropped["bekalNote"] = "not in any context"
        let run = try Self.run(.object(dropped))
        // The signature still holds (JSON-LD drops the member before hashing), which is why Bekal refuses it.
        #expect(run.output.contains("26 of 26 credentials verified"))
        #expect(run.output.contains("coverage: DROPPED"))
        #expect(run.status == 1)
    }

    @Test("an export signed with eddsa-rdfc-2022 by pyld (not by Bekal) verifies VALID in Bekal, and not after a change")
    func pyldSignedVerifiesInBekal() throws {
        let document = try Fixture.json("pyld-signed/export-25-rdfc.json")
        #expect(RdfcExportTests.allCredentials(document).allSatisfy { RdfcExportTests.proofs($0) == ["eddsa-rdfc-2022"] })
        let verification = SamplePortfolio.verify(document)
        #expect(verification.result.isValid, "\(verification.checks.filter { $0.status == .failed })")
        #expect(verification.checks.filter { $0.check == "proof" && $0.status == .passed }.count == 26)
        var changed = try #require(document.objectValue)
        changed["validFrom"] = "2026-11-20T09:00:01Z"
        #expect(!SamplePortfolio.verify(.object(changed)).result.isValid)
    }
}
