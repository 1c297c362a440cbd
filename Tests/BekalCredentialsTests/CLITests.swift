import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// Runs the built `bekal` binary: `verify` and `keys`.
@Suite("bekal verify and bekal keys")
struct CLITests {
    static var binary: String {
        // The resource bundle sits next to the products in .build/<config>/.
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("bekal").path
    }

    func bekal(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["BEKAL_REGISTER_NUMBER"] = nil
        env["BEKAL_VERIFICATION_CODE"] = nil
        // Every run happens at the same instant (`at`), whatever today's date.
        env["BEKAL_NOW"] = at
        env.merge(environment) { $1 }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    let did = SamplePortfolio.key.didKey.did
    let at = "2026-11-21T00:00:00Z"

    @Test("an export verifies VALID (exit 0) with a line per check, and a tampered one INVALID (exit 1)")
    func verifyExport() throws {
        let export = try SamplePortfolio.export().credential
        let file = try writeTemporary(export, name: "export.json")
        let ok = try bekal(["verify", file.path, "--issuer", did, "--at", at])
        #expect(ok.status == 0, "\(ok.output)")
        let lines = ok.output.split(separator: "\n").map(String.init)
        // The verdict first, naming the issuer (here a did:key whose name no trust list confirms) and the counts.
        #expect(lines.first == "VALID WITH EXCEPTIONS — issued by \(did) (calls itself “Lapas Kelas IIA Purwokerto”; no trust list confirms that name): 22 competencies, 2 certificates; expired: certificate Tukang Celup (BTK-2023-0007) on 10 January 2026. The rest stands. (revocation NOT checked)")
        #expect(lines.dropFirst().first == "Revocation NOT checked: no status list was given.")
        #expect(ok.output.contains("PASS  proof  [credential]"))
        #expect(ok.output.contains("EXCP  validity"))
        #expect(try #require(lines.firstIndex(of: "Checks:")) > 1)

        var text = String(decoding: JSONWriter.serialize(export, pretty: true), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"value\": \"K\"", with: "\"value\": \"BK\"")
        let tampered = file.deletingLastPathComponent().appendingPathComponent("tampered.json")
        try Data(text.utf8).write(to: tampered)
        let bad = try bekal(["verify", tampered.path, "--issuer", did, "--at", at])
        #expect(bad.status == 1)
        #expect(bad.output.contains("FAIL  proof"))
        #expect(bad.output.contains("INVALID"))
    }

    @Test("--json gives a machine-readable report with the verdict")
    func json() throws {
        let file = try writeTemporary(try SamplePortfolio.export().credential, name: "export.json")
        let run = try bekal(["verify", file.path, "--issuer", did, "--at", at, "--json"])
        #expect(run.status == 0)
        let report = try JSONParser.parse(Array(run.output.utf8))
        #expect(report["verdict"] == "VALID WITH EXCEPTIONS")
        #expect(report["contents"]?["competencies"] == 22)
        #expect(report["revocation"]?["notChecked"]?["no-status-list"] == 26)
        #expect(report["exceptions"]?.arrayValue?.first?["credential"]?["scheme"] == "Tukang Celup")
        #expect((report["checks"]?.arrayValue?.count ?? 0) > 100)
    }

    @Test("--json errors are JSON too: a missing file (exit 3) or a bad trust list (exit 2) gives an object with the error")
    func jsonErrors() throws {
        let missing = try bekal(["verify", "/nonexistent/file.json", "--json"])
        #expect(missing.status == 3)
        let report = try JSONParser.parse(Array(missing.output.utf8))
        #expect(report["verdict"] == .null)
        #expect(report["error"]?["exitCode"] == 3)
        #expect(report["error"]?["message"]?.stringValue?.contains("cannot read") == true)
        let file = try writeTemporary(try SamplePortfolio.export().credential, name: "export.json")
        let badTrust = try bekal(["verify", file.path, "--trust", file.path, "--json"])
        #expect(badTrust.status == 2)
        #expect(try JSONParser.parse(Array(badTrust.output.utf8))["error"]?["message"]?.stringValue?.hasPrefix("a trust list cannot be used") == true)
        let badAt = try bekal(["verify", file.path, "--at", "yesterday", "--json"])
        #expect(badAt.status == 2)
        #expect(try JSONParser.parse(Array(badAt.output.utf8))["error"] != nil)
    }

    @Test("the register number from a file or the environment is matched; the plain option warns")
    func registerNumber() throws {
        let file = try writeTemporary(try SamplePortfolio.export().credential, name: "export.json")
        let numberFile = file.deletingLastPathComponent().appendingPathComponent("rn.txt")
        try Data("BI.2024.0117\n".utf8).write(to: numberFile)
        let fromFile = try bekal(["verify", file.path, "--issuer", did, "--at", at, "--register-number-file", numberFile.path])
        #expect(fromFile.status == 0)
        #expect(fromFile.output.contains("matches the subject's identity hash"))
        let fromEnv = try bekal(["verify", file.path, "--issuer", did, "--at", at], environment: ["BEKAL_REGISTER_NUMBER": "BI.9999"])
        #expect(fromEnv.status == 1)
        #expect(fromEnv.output.contains("does NOT match"))
        #expect(!fromEnv.output.contains("BI.9999"))
        let plain = try bekal(["verify", file.path, "--issuer", did, "--at", at, "--register-number", "BI.2024.0117"])
        #expect(plain.status == 0)
        #expect(plain.output.contains("warning: --register-number is visible"))
    }

    @Test("a revoked credential with the status list given is named as an exception; the rest stands (exit 0)")
    func revoked() throws {
        let result = try SamplePortfolio.export()
        let list = try result.statusAllocation.statusList(revoked: [result.embeddedCredentialIDs[0]])
        let statusDoc = try StatusListCredential.make(id: SamplePortfolio.listURL, issuer: did, list: list, key: SamplePortfolio.key, now: SamplePortfolio.now)
        let file = try writeTemporary(result.credential, name: "export.json")
        let statusFile = file.deletingLastPathComponent().appendingPathComponent("status.json")
        try Data(JSONWriter.serialize(.object(statusDoc))).write(to: statusFile)
        let run = try bekal(["verify", file.path, "--issuer", did, "--at", at, "--status-list", statusFile.path])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("VALID WITH EXCEPTIONS — "))
        #expect(run.output.contains("withdrawn: competency C.13BTK01.001.2;"))
        #expect(!run.output.contains("Revocation NOT checked"))
        #expect(!run.output.contains("FAIL "))
        #expect(run.output.contains("EXCP  revocation  [embedded[0] \(result.embeddedCredentialIDs[0])]  REVOKED"))
    }

    @Test("register number and verification code from files or the environment confirm a keyed export; a wrong code is INVALID, a mistyped one a usage error")
    func verificationCode() throws {
        var random = SeededRandom(state: 2026)
        let code = VerificationCode.generate(using: &random)
        var exportRandom = SeededRandom(state: 8)
        let export = try PortfolioExporter.export(
            SamplePortfolio.make(), key: SamplePortfolio.key,
            options: ExportOptions(statusAllocation: StatusAllocation(listURL: SamplePortfolio.listURL), verificationCode: code),
            now: SamplePortfolio.now, random: &exportRandom)
        let file = try writeTemporary(export.credential, name: "export.json")
        let directory = file.deletingLastPathComponent()
        let numberFile = directory.appendingPathComponent("rn.txt")
        try Data("BI.2024.0117\n".utf8).write(to: numberFile)
        let codeFile = directory.appendingPathComponent("code.txt")
        try Data((code.formatted.lowercased() + "\n").utf8).write(to: codeFile)
        let base = ["verify", file.path, "--issuer", did, "--at", at, "--register-number-file", numberFile.path]

        let matched = try bekal(base + ["--verification-code-file", codeFile.path])
        #expect(matched.status == 0, "\(matched.output)")
        #expect(matched.output.contains("\nThe register number and verification code match this file's holder.\n"))
        let fromEnv = try bekal(base, environment: ["BEKAL_VERIFICATION_CODE": code.canonical])
        #expect(fromEnv.output.contains("verification code match"))
        let numberOnly = try bekal(base)
        #expect(numberOnly.status == 0)
        #expect(numberOnly.output.contains("SKIP  identity  [credential]  this export binds the person with their verification code"))

        let other = VerificationCode.generate(using: &random)
        let wrong = try bekal(base, environment: ["BEKAL_VERIFICATION_CODE": other.formatted])
        #expect(wrong.status == 1)
        #expect(wrong.output.hasPrefix("INVALID — the register number (and verification code) given do not match"))
        #expect(!wrong.output.contains(other.canonical) && !wrong.output.contains(other.formatted))

        var typo = Array(code.canonical)
        typo[3] = typo[3] == "A" ? "B" : "A"
        let mistyped = try bekal(base, environment: ["BEKAL_VERIFICATION_CODE": String(typo)])
        #expect(mistyped.status == 2)
        #expect(mistyped.output.contains("check character does not match"))
        #expect(!mistyped.output.contains(String(typo)))
    }

    @Test("keys trust-list writes a signed list naming the facility; verify names it; a look-alike list beside it is refused")
    func signedTrustList() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-home-\(UUID().uuidString)")
        let ring = try KeyRing.create(at: home.appendingPathComponent("keys"), now: Timestamp.parse("2026-01-01T00:00:00Z")!)
        let trust = home.appendingPathComponent("trust.json")
        let written = try bekal([
            "keys", "trust-list", "--home", home.path, "--out", trust.path, "--name", "Lapas Kelas IIA Purwokerto",
            "--code", "LAPAS-PWT",
        ])
        #expect(written.status == 0, "\(written.output)")
        let json = try JSONParser.parse(Array(try Data(contentsOf: trust)))
        let verified = try VerifiedTrustList(json: json, at: try #require(Timestamp.parse(at)))
        guard case .facility(let key, _) = verified.signature else {
            Issue.record("the trust list is not signed by the facility: \(verified.signature)")
            return
        }
        #expect(key == ring.current.didKey)
        #expect(verified.list.issuers.first?.facilityCode == "LAPAS-PWT")

        var random = SeededRandom(state: 4)
        let export = try PortfolioExporter.export(
            SamplePortfolio.make(), key: ring.current,
            options: ExportOptions(statusAllocation: StatusAllocation(listURL: SamplePortfolio.listURL)),
            now: SamplePortfolio.now, random: &random)
        let file = try writeTemporary(export.credential, name: "export.json")
        let run = try bekal(["verify", file.path, "--trust", trust.path, "--at", at])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasPrefix("VALID WITH EXCEPTIONS — issued by Lapas Kelas IIA Purwokerto: 22 competencies, 2 certificates;"))

        let forger = try IssuerKey(seed: Array(repeating: 0x66, count: 32))
        let fake = TrustList.facility(
            issuerID: nil, name: "Lapas Kelas IIA Purwokerto", code: nil,
            ring: KeyRing(current: forger, currentValidFrom: Timestamp.parse("2026-01-01T00:00:00Z")!))
        let fakeFile = try writeTemporary(try fake.signed(with: forger, created: SamplePortfolio.now), name: "fake.json")
        let both = try bekal(["verify", file.path, "--trust", trust.path, "--trust", fakeFile.path, "--at", at])
        #expect(both.status == 2)
        #expect(both.output.contains("look-alike"))
    }

    @Test("keys trust-list names the facility from the ledger when no --name is given")
    func trustListFromLedger() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-home-\(UUID().uuidString)")
        let demo = try bekal(["demo", "--home", home.path, "--people", "2", "--seed", "3"])
        try #require(demo.status == 0, "\(demo.output)")
        let out = home.appendingPathComponent("trust.json")
        #expect(try bekal(["keys", "trust-list", "--home", home.path, "--out", out.path]).status == 0)
        let list = try TrustList(json: try JSONParser.parse(Array(try Data(contentsOf: out))))
        #expect(list.issuers.first?.name == "DEMO Lapas Contoh (fiktif)")
        #expect(list.issuers.first?.facilityCode == "DEMO-LAPAS-01")
    }

    @Test("signedJCS.json: VALID with the trust list binding its key to its issuer, INVALID without")
    func w3cVector() throws {
        let signed = try Fixture.url("vc-di-eddsa/eddsa-jcs-2022/signedJCS.json").path
        let list = TrustList(issuers: [.init(id: "https://vc.example/issuers/5678", keys: [
            KeyValidity(didKey: try DIDKey("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"), validFrom: Timestamp.parse("2023-01-01T00:00:00Z")!, validUntil: nil)
        ])])
        let trust = try writeTemporary(list.json, name: "trust.json")
        let with = try bekal(["verify", signed, "--trust", trust.path])
        #expect(with.status == 0, "\(with.output)")
        let without = try bekal(["verify", signed])
        #expect(without.status == 1)
        #expect(without.output.contains("FAIL  issuer-trust"))
        let didOnly = try bekal(["verify", signed, "--issuer", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"])
        #expect(didOnly.status == 1)
    }

    @Test("a missing file exits 3, usage errors 2; malformed JSON is INVALID (exit 1) naming well-formed")
    func badInput() throws {
        #expect(try bekal(["verify", "/nonexistent/file.json"]).status == 3)
        let file = try writeTemporary("x", name: "x.json")
        #expect(try bekal(["verify", file.path, "--at", "yesterday"]).status == 2)
        #expect(try bekal(["verify", file.path, "--issuer", "did:web:example.org"]).status == 2)
        #expect(try bekal(["verify", file.path, "--trust", file.path]).status == 2)
        let garbage = file.deletingLastPathComponent().appendingPathComponent("garbage.json")
        try Data("{\"a\":1,\"a\":2}".utf8).write(to: garbage)
        let run = try bekal(["verify", garbage.path])
        #expect(run.status == 1)
        #expect(run.output.contains("FAIL  well-formed"))
        let deep = file.deletingLastPathComponent().appendingPathComponent("deep.json")
        try Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8).write(to: deep)
        #expect(try bekal(["verify", deep.path]).status == 1)
    }

    @Test("keys did prints the DID (and --document its DID document); rotate keeps the old key in the trust list; an insecure key file exits 7")
    func keys() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-home-\(UUID().uuidString)")
        let ring = try KeyRing.create(at: home.appendingPathComponent("keys"), now: SamplePortfolio.now)
        let didRun = try bekal(["keys", "did", "--home", home.path])
        #expect(didRun.status == 0)
        #expect(didRun.output.trimmingCharacters(in: .whitespacesAndNewlines) == ring.current.didKey.did)
        let document = try bekal(["keys", "did", "--document", "--home", home.path])
        #expect(try JSONParser.parse(Array(document.output.utf8))["id"]?.stringValue == ring.current.didKey.did)
        let rotated = try bekal(["keys", "rotate"], environment: ["BEKAL_HOME": home.path])
        #expect(rotated.status == 0)
        #expect(rotated.output.hasPrefix("did:key:z6Mk"))
        #expect(!rotated.output.contains(ring.current.didKey.did))
        let out = home.appendingPathComponent("trust.json")
        #expect(try bekal(["keys", "trust-list", "--home", home.path, "--out", out.path, "--issuer-id", "https://lapas.example/issuer"]).status == 0)
        let list = try TrustList(json: try JSONParser.parse(Array(try Data(contentsOf: out))))
        #expect(list.keys(for: "https://lapas.example/issuer").map(\.didKey).contains(ring.current.didKey))
        #expect(list.keys(for: "https://lapas.example/issuer").count == 2)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: home.appendingPathComponent("keys/\(KeyRing.fileName)").path)
        let insecure = try bekal(["keys", "did", "--home", home.path])
        #expect(insecure.status == 7)
        #expect(insecure.output.contains("chmod 600"))
    }
}
