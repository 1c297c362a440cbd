import ArgumentParser
@testable import bekal
import Testing

/// Argument parsing, in-process with `parseAsRoot`: which command and which values a command line becomes, and
/// what a mistyped one says. The binary-level tests keep to what only a process shows (exit codes, files, output).
@Suite("Argument parsing")
struct ArgumentParsingTests {
    @Test("an assessment line becomes the assess command with each value in its field")
    func assessment() throws {
        let command = try Bekal.parseAsRoot([
            "assess", "AII-0001/2025", "--unit", "BTK-CAP-03", "--outcome", "K", "--assessor", "Ani",
            "--role", "asesor", "--method", "observasi", "--date", "1 Februari 2026", "--notes", "rapi",
            "--home", "/data/bekal", "--actor", "wali.sari",
        ])
        let assess = try #require(command as? Assess)
        #expect(assess.person == "AII-0001/2025")
        #expect(assess.unit == "BTK-CAP-03")
        #expect(assess.outcome == "K")
        #expect(assess.method == "observasi")
        #expect(assess.date == "1 Februari 2026")
        #expect(assess.notes == "rapi")
        #expect(assess.framework == nil)
        #expect(assess.global.home == "/data/bekal")
        #expect(assess.global.actor == "wali.sari")
    }

    @Test("nested subcommands resolve to their own types: person add, ledger verify, keys trust-list")
    func nested() throws {
        let add = try #require(try Bekal.parseAsRoot([
            "person", "add", "--register-number", "AII-0001/2025", "--name", "Contoh", "--admitted", "2025-01-02",
            "--release", "2027-03-04",
        ]) as? PersonAdd)
        #expect(add.registerNumber == "AII-0001/2025")
        #expect(add.release == "2027-03-04")
        #expect(add.born == nil)
        #expect(try Bekal.parseAsRoot(["ledger", "verify"]) is LedgerVerify)
        #expect(!(try Bekal.parseAsRoot(["ledger", "verify"]) is LedgerRebuild))
    }

    @Test("export --all takes its filters; flags default to off")
    func exportAll() throws {
        let export = try #require(try Bekal.parseAsRoot([
            "export", "--all", "--due-within", "90", "--out-dir", "out", "--cryptosuite", "eddsa-jcs-2022",
        ]) as? ExportCommand)
        #expect(export.all)
        #expect(export.person == nil)
        #expect(export.cryptosuite == "eddsa-jcs-2022")
        #expect(!export.force)
        #expect(!export.includeName)
    }

    @Test("a missing required option is a usage error naming the option, never the values typed")
    func missingOption() throws {
        do {
            _ = try Bekal.parseAsRoot(["person", "add", "--name", "Rahasia Santoso", "--admitted", "2025-01-02",
                                       "--release", "2027-03-04"])
            Issue.record("parsed without --register-number")
        } catch {
            let message = Usage.redacted(Bekal.fullMessage(for: error))
            #expect(message.contains("--register-number"))
            #expect(!message.contains("Rahasia"))
            #expect(Bekal.exitCode(for: error) != .success)
        }
    }

    @Test("stray words are refused and the message shows neither of them")
    func strayWords() throws {
        do {
            _ = try Bekal.parseAsRoot(["portfolio", "AII-0001/2025", "Rahasia", "Santoso"])
            Issue.record("parsed stray words")
        } catch {
            let raw = Bekal.fullMessage(for: error)
            #expect(raw.contains("Rahasia"), "ArgumentParser quotes the typed values; the redaction must matter")
            let message = Usage.redacted(raw)
            #expect(!message.contains("Rahasia"))
            #expect(!message.contains("Santoso"))
            #expect(message.contains("‹value›"))
        }
    }

    @Test("an unknown subcommand is refused")
    func unknownSubcommand() {
        #expect(throws: (any Error).self) { try Bekal.parseAsRoot(["asses", "AII-0001/2025"]) }
    }

    @Test("help is written in sentences and names every option of the command")
    func help() {
        let help = Bekal.helpMessage(for: Assess.self)
        for option in ["--unit", "--outcome", "--assessor", "--role", "--method", "--date", "--evidence", "--home"] {
            #expect(help.contains(option), "\(option)")
        }
        #expect(help.hasPrefix("OVERVIEW: Records the assessment of one competency unit"))
    }

    @Test("export's combinations are checked before anything runs", arguments: [
        (["export", "AII-0001/2025", "--all", "--out-dir", "d"], "not both"),
        (["export", "--all", "--out-dir", "d", "--due-within", "4000"], "0 to 3660"),
        (["export", "--all"], "--all needs --out-dir"),
        (["export", "AII-0001/2025"], "give --out FILE"),
        (["export", "AII-0001/2025", "--out", "f", "--due-within", "3"], "need --all"),
    ])
    func exportCombinations(arguments: [String], expected: String) {
        do {
            _ = try Bekal.parseAsRoot(arguments)
            Issue.record("parsed: \(arguments.count) arguments")
        } catch {
            #expect(Bekal.fullMessage(for: error).contains(expected))
            #expect(Bekal.exitCode(for: error) != .success)
        }
    }
}
