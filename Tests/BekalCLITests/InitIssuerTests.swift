import Foundation
import Testing

@Suite("bekal init: issuer key and issuer settings")
struct InitIssuerTests {
    @Test("init creates a 0600 key file in a 0700 keys directory and prints the issuer's did:key")
    func keyFileModes() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Issuer key: did:key:z6Mk"))
        let keys = cli.home.appendingPathComponent("keys")
        let fileMode = try FileManager.default.attributesOfItem(atPath: keys.appendingPathComponent("issuer-keys.json").path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: keys.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
        let second = try cli.run("keys", "create")
        #expect(second.status == 5, "a second key ring is refused as a conflict: \(second.stderr)")
    }

    @Test("with --issuer-id and --status-list-url, a revocation still reaches an export signed before a key rotation")
    func stableIssuer() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let issuer = "https://lapas-uji.example/issuer"
        let listURL = "https://lapas-uji.example/status/1"
        #expect(try cli.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji", "--issuer-id", "http://plain.example").status == 2)
        let initialized = try cli.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji",
                                      "--issuer-id", issuer, "--status-list-url", listURL)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(try cli.run("framework", "import", "--sample").status == 0)
        #expect(try cli.run("person", "add", "--register-number", CLI.register, "--name", CLI.name,
                            "--admitted", "2025-09-01", "--release", "2026-12-20").status == 0)
        #expect(try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                            "--assessor", "A", "--role", "bnsp-assessor", "--method", "observation",
                            "--date", "2026-03-02").status == 0)
        let old = cli.root.appendingPathComponent("old.json").path
        #expect(try cli.run("export", CLI.register, "--out", old).status == 0)
        let export = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: old))) as? [String: Any])
        #expect((export["issuer"] as? [String: Any])?["id"] as? String == issuer)
        #expect((export["credentialStatus"] as? [String: Any])?["statusListCredential"] as? String == listURL)
        let subject = try #require(export["credentialSubject"] as? [String: Any])
        let embedded = try #require((subject["verifiableCredential"] as? [[String: Any]])?.first?["id"] as? String)

        #expect(try cli.run("keys", "rotate").status == 0)
        let trust = cli.root.appendingPathComponent("trust.json").path
        #expect(try cli.run("keys", "trust-list", "--out", trust, "--issuer-id", issuer).status == 0)
        #expect(try cli.run("revoke", embedded, "--reason", "issued in error").status == 0)
        let list = cli.root.appendingPathComponent("status.json").path
        #expect(try cli.run("status-list", "export", "--out", list).status == 0)
        let verify = try cli.run("verify", old, "--trust", trust, "--status-list", list)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.hasPrefix("VALID WITH EXCEPTIONS"))
        #expect(verify.stdout.contains("REVOKED"))
        #expect(!verify.stdout.contains("FAIL  proof"))
        #expect(!verify.stdout.contains("FAIL  issuer-trust"))
    }
}
