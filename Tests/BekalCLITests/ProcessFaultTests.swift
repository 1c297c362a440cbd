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
    }

    @Test("kill -9 during a large import leaves a valid chain and none of the import")
    func killDuringImport() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let rows = 60_000
        let big = try cli.write("big.csv", trainingCSV(rows: rows, day: 1))
        let before = try cli.eventCount()
        let (process, _, _) = try cli.start(["import", big, "--kind", "training"])
        // Let it parse and start appending; the whole import takes several seconds in a debug build.
        Thread.sleep(forTimeInterval: 1.5)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasRunning, "the import finished before it could be killed; use more rows")
        #expect(process.terminationReason == .uncaughtSignal)
        let after = try cli.eventCount()
        #expect(after == before || after == before + rows)
        #expect(after == before)
        // And after the crash the same import runs to completion.
        #expect(try cli.run("import", big, "--kind", "training").status == 0)
        #expect(try cli.eventCount() == before + rows)
    }
}
