import Foundation
import Logging

/// For tests only: with `BEKAL_TEST_PAUSE=<log message>[#n]` and `BEKAL_TEST_PAUSE_MARKER=<file>`, the process
/// stops inside the step that logs that message (its n-th time, the first by default): it creates the marker
/// file and sleeps until it is killed. A crash test then kills it at a point it has seen reached (inside the
/// import's write transaction, between an endpoint's answer and the outbox update) rather than after a guessed
/// delay. Messages are the fixed texts of the log (README, "Logs"); nothing else is matched.
struct TestPause: Sendable {
    let message: String
    let occurrence: Int
    let marker: String
    private let seen = Counter()

    /// The pause the environment asks for, if any.
    static func fromEnvironment() -> TestPause? {
        guard let spec = Environment.value("BEKAL_TEST_PAUSE"), !spec.isEmpty,
            let marker = Environment.value("BEKAL_TEST_PAUSE_MARKER"), !marker.isEmpty
        else { return nil }
        let parts = spec.split(separator: "#", maxSplits: 1)
        let occurrence = parts.count == 2 ? Int(parts[1]) ?? 1 : 1
        return TestPause(message: String(parts[0]), occurrence: occurrence, marker: marker)
    }

    /// Pauses for good when `event` is the awaited message.
    func check(_ event: LogEvent) {
        guard event.message.description == message, seen.next() == occurrence else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: nil)
        while true { sleep(60) }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }
}

/// The log handler of the CLI: lines at or above the chosen level go to standard error; with a `TestPause`
/// every message is looked at (so a trace-level one can be awaited) but still only printed from that level.
struct PausingLogHandler: LogHandler {
    var printer: StreamLogHandler
    let printedLevel: Logger.Level
    let pause: TestPause

    var logLevel: Logger.Level {
        get { .trace }
        set { printer.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { printer.metadata }
        set { printer.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { printer.metadataProvider }
        set { printer.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { printer[metadataKey: key] }
        set { printer[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        if event.level >= printedLevel { printer.log(event: event) }
        pause.check(event)
    }
}
