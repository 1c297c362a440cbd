import Foundation
import Testing

@Suite("bekal: roles on the command line")
struct RoleCommandTests {
    @Test("keys rotate as a viewer or an unknown account exits 7 and leaves the key file as it was; the admin rotates")
    func rotateAsViewer() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        // petugas.uji ran init: the first admin.
        try #require(try cli.run("user", "add", "tamu", "--role", "viewer").status == 0)
        let keyFile = cli.home.appendingPathComponent("keys/issuer-keys.json")
        let before = try Data(contentsOf: keyFile)
        for actor in ["tamu", "nobody.at.all"] {
            let refused = try cli.run("keys", "rotate", "--actor", actor)
            #expect(refused.status == 7, "\(actor): \(refused.stderr)")
            #expect(refused.stdout.isEmpty)
            #expect(try Data(contentsOf: keyFile) == before)
        }
        // An unknown account does not see who is in the facility either.
        let list = try cli.run("person", "list", "--actor", "nobody.at.all")
        #expect(list.status == 7)
        #expect(!list.stdout.contains(CLI.register) && !list.stderr.contains(CLI.register))
        #expect(try cli.run("person", "list", "--actor", "tamu").stdout.contains(CLI.register))
        let rotated = try cli.run("keys", "rotate")
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(try Data(contentsOf: keyFile) != before)
    }
}
