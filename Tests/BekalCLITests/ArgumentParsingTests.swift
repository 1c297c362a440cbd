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
        let arguments = ["person", "add", "--name", "Rahasia Santoso", "--admitted", "2025-01-02",
                         "--release", "2027-03-04"]
        do {
            _ = try Bekal.parseAsRoot(arguments)
            Issue.record("parsed without --register-number")
        } catch {
            let message = Usage.redacted(Bekal.fullMessage(for: error), arguments: arguments)
            #expect(message.contains("--register-number"))
            #expect(!message.contains("Rahasia"))
            #expect(Bekal.exitCode(for: error) != .success)
        }
    }

    @Test("stray words are refused and the message shows neither of them")
    func strayWords() throws {
        let arguments = ["portfolio", "AII-0001/2025", "Rahasia", "Santoso"]
        do {
            _ = try Bekal.parseAsRoot(arguments)
            Issue.record("parsed stray words")
        } catch {
            let raw = Bekal.fullMessage(for: error)
            #expect(raw.contains("Rahasia"), "ArgumentParser quotes the typed values; the redaction must matter")
            let message = Usage.redacted(raw, arguments: arguments)
            #expect(!message.contains("Rahasia"))
            #expect(!message.contains("Santoso"))
            #expect(message.contains("‹value›"))
            #expect(message.contains("See 'bekal portfolio --help' for more information."))
        }
    }

    @Test("redaction hides every typed value, apostrophes and quotes included, but keeps names and the help hint")
    func redactionByArguments() throws {
        let arguments = [
            "person", "add", "--name=Ma'ruf Amin", "Syafi'i", "Jum'at", "\"Ma'ruf\"", "--nama", "Ani Rahayu",
        ]
        let message = """
            Error: 3 unexpected arguments: 'Syafi'i', 'Jum'at', '"Ma'ruf"'
            Help:  --name <name>  The name.
            Usage: bekal person add --name <name>
              See 'bekal person add --help' for more information.
            """
        let redacted = Usage.redacted(message, arguments: arguments)
        for fragment in ["Ma", "ruf", "Syafi", "Jum", "Amin", "Ani"] {
            #expect(!redacted.contains(fragment), "\(fragment)")
        }
        #expect(redacted.hasPrefix("Error: 3 unexpected arguments: '‹value›', '‹value›', '‹value›'"))
        #expect(redacted.contains("Usage: bekal person add --name <name>"))
        #expect(redacted.hasSuffix("\n  See 'bekal person add --help' for more information."))
        #expect(Usage.withoutErrorLabel(redacted).hasPrefix("3 unexpected arguments"))
        // A hint holding a typed value is not a hint: the value goes.
        let forged = Usage.redacted("x\n  See 'bekal Jum'at --help' for more information.", arguments: ["Jum'at"])
        #expect(!forged.contains("Jum"))
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
