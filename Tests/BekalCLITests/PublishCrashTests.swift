import Foundation
import Testing

/// "Killing `publish` at any point loses nothing" (README): the built binary is killed with SIGKILL at points the
/// test sees reached, then run again against the same receiver.
@Suite("kill -9 of publish at every observed point", .serialized)
struct PublishCrashTests {
    /// Where a publish run is killed, each a point the test sees reached before it kills.
    enum KillPoint: String, CaseIterable, CustomTestStringConvertible, Sendable {
        /// The first report is claimed (leased) and nothing is sent yet: the run logged "report claimed".
        case claimedBeforeSend
        /// The receiver has read the first request and holds it, neither accepted nor answered.
        case requestHeldAtReceiver
        /// The receiver has accepted the first report and is slow to answer.
        case acceptedBeforeAnswer
        /// The run has the receiver's 201 and has not yet marked the report sent: it logged "report response
        /// received".
        case answeredBeforeOutboxUpdate

        var testDescription: String { rawValue }
    }

    @Test("kill -9 of publish at each observed point, then a rerun: every report arrives, the receiver accepts each once",
          arguments: KillPoint.allCases)
    func killedPublish(_ point: KillPoint) throws {
        let cli = try MetricsCommandTests.demo()
        defer { cli.cleanUp() }
        let receiver = try ReportReceiver()
        let ids = try ["2026-Q3", "2026-Q2", "2026-08"].map { try MetricsCommandTests.queue(cli, $0) }
        let arguments = ["publish", "--endpoint", receiver.url]
        let process: Process
        switch point {
        case .claimedBeforeSend:
            let paused = try cli.startPaused(arguments, at: "report claimed")
            process = paused.process
            #expect(receiver.entries.isEmpty, "nothing reached the receiver before the kill")
        case .requestHeldAtReceiver:
            try receiver.inject(["hold"])
            process = try cli.start(arguments).0
            try Self.await("the receiver holds the first request") { receiver.entries.contains { $0["outcome"] as? String == "held" } }
            #expect(receiver.deliveredKeys.isEmpty)
        case .acceptedBeforeAnswer:
            try receiver.inject(["slow:30"])
            process = try cli.start(arguments).0
            try Self.await("the receiver accepted the first report") { !receiver.deliveredKeys.isEmpty }
            #expect(receiver.deliveredKeys.count == 1)
        case .answeredBeforeOutboxUpdate:
            let paused = try cli.startPaused(arguments, at: "report response received")
            process = paused.process
            #expect(receiver.deliveredKeys.count == 1, "the receiver accepted and answered the first report")
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let afterKill = try MetricsCommandTests.status(cli)
        #expect(ids.allSatisfy { afterKill[$0]?["state"] as? String == "pending" }, "a report was lost or marked sent")
        if point == .requestHeldAtReceiver {
            // The receiver goes on with the request of the dead sender, as a real endpoint would.
            try receiver.release()
            try Self.await("the held request is accepted") { receiver.deliveredKeys.count == 1 }
        }
        let rerun = try cli.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("Sent 3, failed 0, still pending 0."), "\(rerun.stdout)")
        #expect(receiver.deliveredKeys.sorted() == ids.sorted())
        // A report the receiver had accepted before the kill is sent again under its key and recognised as a
        // duplicate, not counted twice; one it never accepted arrives once.
        let duplicates = receiver.entries.filter { $0["outcome"] as? String == "duplicate" }.count
        #expect(duplicates == (point == .claimedBeforeSend ? 0 : 1))
        #expect(try MetricsCommandTests.status(cli).values.allSatisfy { $0["state"] as? String == "sent" })
    }

    /// Waits (up to 20 s) until `condition` holds.
    static func await(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while !condition() {
            guard Date() < deadline else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: what]) }
            usleep(20_000)
        }
    }
}
