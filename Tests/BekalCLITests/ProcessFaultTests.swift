import Foundation
import Testing

@Suite("Two processes at once, and kill -9 in the middle of an import")
struct ProcessFaultTests {
    func trainingCSV(rows: Int, day: Int) -> String {
        var text = "person,date,hours,topic,trainer\n"
        for i in 0..<rows { text += "\(CLI.register),2026-0\(day)-\(String(format: "%02d", 1 + i % 28)),1,Topik \(i),T\n" }
        return text
    }

    @Test("two bekal processes importing at the same time both succeed and the chain stays valid")
    func concurrentWriters() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let a = try cli.write("a.csv", trainingCSV(rows: 400, day: 2))
        let b = try cli.write("b.csv", trainingCSV(rows: 400, day: 3))
        let before = try cli.eventCount()
        let first = try cli.start(["import", a, "--kind", "training"])
        let second = try cli.start(["import", b, "--kind", "training"])
        var singles: [(Process, URL, URL)] = []
        for i in 0..<4 {
            singles.append(try cli.start(["train", CLI.register, "--date", "2026-04-0\(i + 1)", "--hours", "1",
                                          "--topic", "Paralel", "--trainer", "T"]))
        }
        for (process, _, err) in [first, second] + singles {
            process.waitUntilExit()
            let stderr = String(decoding: try Data(contentsOf: err), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(stderr)")
        }
        #expect(try cli.eventCount() == before + 804)
        let verified = try cli.run("ledger", "verify")
        #expect(verified.status == 0 && verified.stdout.contains("Ledger intact: \(before + 804) events"),
                "\(verified.stdout)\(verified.stderr)")
    }

    @Test("kill -9 inside the import's write transaction, after 10,000, 20,000 and all 30,000 rows: a valid chain and none of the import", arguments: [1, 2, 3])
    func killDuringImport(_ progress: Int) throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let rows = 30_000
        let big = try cli.write("big.csv", trainingCSV(rows: rows, day: 1))
        let before = try cli.eventCount()
        // The import logs "csv import progress" every 10,000 rows from inside its transaction; the process stops
        // in that call (the last one comes after the last row, before the commit).
        let paused = try cli.startPaused(["import", big, "--kind", "training"], at: "csv import progress", occurrence: progress)
        // Proof that the kill lands inside the write transaction: the ledger's write lock is held right now.
        let open = try cli.writeTransactionOpen()
        paused.kill()
        #expect(open, "the import was not inside its write transaction when killed")
        #expect(paused.process.terminationReason == .uncaughtSignal)
        #expect(try cli.writeTransactionOpen() == false, "the lock died with the process")
        #expect(try cli.eventCount() == before, "part of a killed import was committed")
        let verified = try cli.run("ledger", "verify")
        #expect(verified.status == 0 && verified.stdout.contains("Ledger intact: \(before) events"),
                "\(verified.stdout)\(verified.stderr)")
        // And after the crash the same import runs to completion.
        let again = try cli.run("import", big, "--kind", "training")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Imported \(rows)"), "\(again.stdout)")
        #expect(try cli.eventCount() == before + rows)
    }
}
