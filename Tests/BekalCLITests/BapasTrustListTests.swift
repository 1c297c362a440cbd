import Foundation
import Testing

/// `bekal bapas trust list`: what a Bapas trusts now, from the built binary.
@Suite("Bapas trust list")
struct BapasTrustListTests {
    @Test("before any import bapas trust list lists nothing and says so; after a facility's trust list is imported, --json shows its code, name and key with its window and the import")
    func listsTheRegistry() throws {
        let bapas = try CLI()
        defer { bapas.cleanUp() }
        let initialized = try bapas.run("init", "--facility-code", "BAPAS-PWT", "--facility-name", "Bapas Purwokerto")
        try #require(initialized.status == 0, "\(initialized.stderr)")

        let empty = try bapas.run("bapas", "trust", "list")
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.contains("trusts no facility yet"), "\(empty.stdout)")
        #expect(empty.stdout.split(separator: "\n").count == 1, "\(empty.stdout)")
        let emptyJSON = try bapas.run("bapas", "trust", "list", "--json")
        #expect(emptyJSON.status == 0, "\(emptyJSON.stderr)")
        let nothing = try emptyJSON.json() as? [Any]
        #expect(nothing?.isEmpty == true, "\(emptyJSON.stdout)")

        // A facility: `bekal init` makes its issuer key; `keys trust-list` publishes it with its name and code.
        let facility = try CLI()
        defer { facility.cleanUp() }
        let made = try facility.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji")
        try #require(made.status == 0, "\(made.stderr)")
        let did = try facility.run("keys", "did")
        try #require(did.status == 0, "\(did.stderr)")
        let key = did.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(key.hasPrefix("did:key:z6Mk"), "\(key)")
        let file = facility.root.appendingPathComponent("trust.json").path
        let published = try facility.run("keys", "trust-list", "--out", file)
        try #require(published.status == 0, "\(published.stderr)")
        let imported = try bapas.run("bapas", "trust", "import", file)
        try #require(imported.status == 0, "\(imported.stderr)")

        let listed = try bapas.run("bapas", "trust", "list", "--json")
        #expect(listed.status == 0, "\(listed.stderr)")
        let facilities = try #require(try listed.json() as? [[String: Any]], "\(listed.stdout)")
        try #require(facilities.count == 1, "\(listed.stdout)")
        let trusted = facilities[0]
        #expect(trusted["code"] as? String == "LAPAS-UJI")
        #expect(trusted["name"] as? String == "Lapas Uji")
        let keys = try #require(trusted["keys"] as? [[String: Any]], "\(listed.stdout)")
        try #require(keys.count == 1, "\(listed.stdout)")
        #expect(keys[0]["didKey"] as? String == key)
        #expect(keys[0]["issuer"] as? String == key, "no issuer URL: the key is its own issuer")
        // The window the facility's list gives (its key made at `bekal init`, at the tests' fixed instant), open.
        #expect(keys[0]["validFrom"] as? String == CLI.now)
        #expect(keys[0]["validUntil"] is NSNull, "an open window is null, not left out: \(listed.stdout)")
        let lastImport = try #require(trusted["lastImport"] as? [String: Any], "\(listed.stdout)")
        #expect(lastImport["sequence"] as? Int == 1)
        #expect(lastImport["importedAt"] as? String == CLI.now)
        #expect(lastImport["importedBy"] as? String == "petugas.uji")
        #expect(lastImport["signedBy"] as? String == "facility \(key)")

        // The text form: a header row, then one tab-separated row per key, its open window said as such.
        let text = try bapas.run("bapas", "trust", "list")
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(text.stdout)")
        #expect(lines.first?.hasPrefix("code\tname\tdid_key\tvalid_from\tvalid_until") == true, "\(text.stdout)")
        #expect(lines.last?.hasPrefix("LAPAS-UJI\tLapas Uji\t\(key)\t\(CLI.now)\topen\t1\t") == true, "\(text.stdout)")
    }
}
