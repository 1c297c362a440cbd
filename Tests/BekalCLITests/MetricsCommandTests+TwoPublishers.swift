import Foundation
import Testing

/// Two `bekal publish` processes at once on one data directory ("two runs on one data directory never send the
/// same report", `bekal publish --help`): the disclosure issue's symptoms, a report sent twice and exit 8 although
/// everything was sent, seen from outside with the built binary and the Python receiver. In the suite of the
/// metrics commands, so that the faketime pass of scripts/test.sh leaves it out with the other network tests.
extension MetricsCommandTests {
    /// Eight finished months of 2026 (the CLI tests run at 15 November 2026), each its own privacy budget.
    static let finishedMonths = ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]

    @Test("two publish runs started together on one outbox both exit 0, and the receiver gets every queued report exactly once")
    func twoPublishersAtOnce() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let receiver = try ReportReceiver()
        let ids = try Self.finishedMonths.map { try Self.queue(cli, $0) }
        try #require(Set(ids).count == ids.count)
        // Each run's first request is held at the receiver until both are there: two requests held at once can
        // only come from two runs (a run sends one report at a time), so the runs surely overlap, each with a
        // report of its own claimed. The other reports are answered a little slowly, so the runs go on
        // interleaving their claims.
        try receiver.inject(["hold", "hold"] + Array(repeating: "slow:0.2", count: ids.count - 2))
        let arguments = ["publish", "--endpoint", receiver.url]
        let runs = [try cli.start(arguments), try cli.start(arguments)]
        defer {
            // Only on a failure before both ended: no run outlives the test.
            for (process, _, _) in runs where process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        try PublishCrashTests.await("each run has a request held at the receiver") { Self.heldKeys(receiver).count == 2 }
        let held = Self.heldKeys(receiver)
        #expect(held.isSubset(of: Set(ids)), "\(held)")
        #expect(receiver.deliveredKeys.isEmpty, "nothing is accepted while both first requests are held")
        try receiver.release()

        var sentByRun: [Int] = []
        for (process, out, err) in runs {
            process.waitUntilExit()
            let result = CLI.Result(
                status: process.terminationStatus,
                stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
            // Exit 8 would say a report stays pending, although the other run sent it.
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(!result.stderr.contains("pending"), "\(result.stderr)")
            let sent = Self.sentCount(result.stdout)
            #expect(sent != nil, "a run's summary is \"Sent N, failed 0, still pending 0.\": \(result.stdout)")
            sentByRun.append(sent ?? 0)
        }
        // Each run delivered at least the report it had held at the receiver; together, every report once.
        #expect(sentByRun.allSatisfy { $0 >= 1 }, "\(sentByRun)")
        #expect(sentByRun.reduce(0, +) == ids.count, "\(sentByRun)")

        // The receiver accepted each report exactly once, under its id, and was never sent one a second time:
        // its requests are the eight deliveries and the two held requests that became two of them.
        let delivered = receiver.deliveredKeys
        #expect(delivered.count == ids.count, "\(delivered)")
        #expect(Set(delivered).count == delivered.count, "a report was accepted twice: \(delivered)")
        #expect(delivered.sorted() == ids.sorted())
        let outcomes = receiver.entries.map { $0["outcome"] as? String ?? "" }
        #expect(!outcomes.contains("duplicate") && !outcomes.contains("conflict"), "\(outcomes)")
        #expect(outcomes.count == ids.count + 2, "\(outcomes)")

        // The outbox agrees: every report sent, after one attempt (no run tried another's report).
        let status = try Self.status(cli)
        #expect(Set(status.keys) == Set(ids))
        for id in ids {
            #expect(status[id]?["state"] as? String == "sent", "\(id): \(status[id] ?? [:])")
            #expect(status[id]?["attempts"] as? Int == 1, "\(id): \(status[id] ?? [:])")
        }
        let text = try cli.run("publish", "--status")
        #expect(text.stdout.contains("0 pending, \(ids.count) sent, 0 failed"), "\(text.stdout)")
        // Nothing is left for a third run.
        let again = try cli.run("publish", "--endpoint", receiver.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Sent 0, failed 0, still pending 0."), "\(again.stdout)")
        #expect(receiver.entries.count == ids.count + 2)
    }

    /// The reports whose request the receiver holds (logged as "held").
    static func heldKeys(_ receiver: ReportReceiver) -> Set<String> {
        Set(receiver.entries.filter { $0["outcome"] as? String == "held" }.compactMap { $0["key"] as? String })
    }

    /// N of a run's "Sent N, failed 0, still pending 0." line; nil for any other summary.
    static func sentCount(_ stdout: String) -> Int? {
        guard let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("Sent ") }),
            line.hasSuffix(", failed 0, still pending 0.")
        else { return nil }
        return Int(line.dropFirst("Sent ".count).prefix { $0.isNumber })
    }
}
