import Foundation
import Testing

/// What a counselor reads at the command line after two everyday mistakes and one revocation: the rule first
/// (never a batch position for a single record), and a revoked unit counted apart in the portfolio's summary.
@Suite("Messages and summaries at the command line")
struct EverydayMessagesTests {
    @Test("a record dated after the person left names the field and the rule, not an entry of a batch")
    func dateAfterExit() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        #expect(try cli.run("release", CLI.register, "--date", "2026-10-01", "--kind", "bebas").status == 0)
        let train = try cli.run("train", CLI.register, "--date", "2026-10-05", "--hours", "3", "--topic", "Malam",
                                "--trainer", "Mentor")
        #expect(train.status == 4)
        #expect(train.stderr.contains(
            "bekal: date: The date is after the person left the facility (released or transferred). [dateAfterExit]"),
                "\(train.stderr)")
        #expect(!train.stderr.contains("entry"))
        #expect(!train.stderr.contains(CLI.register) && !train.stderr.contains(CLI.name))
    }

    @Test("a revoked unit leaves the Kompeten count and is counted as revoked in the portfolio's summary")
    func revokedUnitCounted() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let assess = try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                                 "--assessor", "A", "--role", "asesor", "--method", "observasi", "--date", "2026-03-02")
        let event = try #require(CLI.eventID(assess))
        let before = try cli.run("portfolio", CLI.register).stdout
        #expect(before.contains(": 1 Kompeten, 0 Belum Kompeten, 7 never assessed\n"), "\(before)")
        #expect(try cli.run("export", CLI.register, "--out", cli.root.appendingPathComponent("p.json").path).status == 0)
        let revoke = try cli.run("revoke", event, "--reason", "issued in error")
        #expect(revoke.status == 0, "\(revoke.stderr)")
        let after = try cli.run("portfolio", CLI.register).stdout
        #expect(after.contains(": 0 Kompeten, 0 Belum Kompeten, 7 never assessed, 1 revoked\n"), "\(after)")
        #expect(after.contains("REVOKED (dicabut)"))
    }
}
