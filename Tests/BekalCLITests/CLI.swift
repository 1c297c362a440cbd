import Foundation
import Testing

/// Runs the built `bekal` binary in a fresh temporary data directory.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// `.build/debug/bekal`, next to the test bundle, else found from this file's path.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["BEKAL_BINARY"] { return URL(fileURLWithPath: path) }
        let bundleDirectory = Bundle.main.bundleURL
        for directory in [bundleDirectory, bundleDirectory.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("bekal")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/bekal")
    }()

    /// The instant every CLI test runs at: 15 November 2026, 10:00 WIB.
    static let now = "2026-11-15T03:00:00Z"

    let root: URL
    var home: URL { root.appendingPathComponent("home") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    /// Starts `bekal` with `--home` set through the environment; output goes to files to avoid pipe stalls.
    /// - Parameter wrapper: a command that runs `bekal` (e.g. `setpriv` with options), or none.
    func start(_ arguments: [String], environment: [String: String] = [:], wrapper: [String] = []) throws
        -> (Process, URL, URL)
    {
        let process = Process()
        if let command = wrapper.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = Array(wrapper.dropFirst()) + [CLI.binary.path] + arguments
        } else {
            process.executableURL = CLI.binary
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["BEKAL_HOME"] = home.path
        env["BEKAL_ACTOR"] = "petugas.uji"
        // Every run happens at the same instant, whatever today's date: no test may depend on the clock.
        env["BEKAL_NOW"] = CLI.now
        env.removeValue(forKey: "BEKAL_LOG_LEVEL")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let id = UUID().uuidString
        let out = root.appendingPathComponent("\(id).out")
        let err = root.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)  // FileHandle(forWritingTo:) below throws if it failed
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)  // FileHandle(forWritingTo:) below throws if it failed
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return (process, out, err)
    }

    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
        try run(arguments, environment: environment)
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], wrapper: [String] = []) throws -> Result {
        let (process, out, err) = try start(arguments, environment: environment, wrapper: wrapper)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// A `bekal` process stopped at a point of its run (`BEKAL_TEST_PAUSE`), waiting to be killed.
    struct Paused {
        let process: Process
        let stderr: URL

        /// Kills it with SIGKILL, as a power cut or the OOM killer would, and waits for it to be gone.
        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Starts `bekal` so that it stops inside the step that logs `message` (its `occurrence`-th time) and returns
    /// once it is there: the process has created the marker file from that very log call and sleeps.
    /// - Throws: when the process ends, or does not get there within a minute.
    func startPaused(
        _ arguments: [String], at message: String, occurrence: Int = 1, environment: [String: String] = [:]
    ) throws -> Paused {
        let marker = root.appendingPathComponent("pause-\(UUID().uuidString)")
        var environment = environment
        environment["BEKAL_TEST_PAUSE"] = "\(message)#\(occurrence)"
        environment["BEKAL_TEST_PAUSE_MARKER"] = marker.path
        let (process, _, err) = try start(arguments, environment: environment)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker.path) {
            guard process.isRunning, Date() < deadline else {
                if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                let stderr = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
                throw PauseNotReached(message: message, occurrence: occurrence, stderr: stderr)
            }
            usleep(10_000)
        }
        return Paused(process: process, stderr: err)
    }

    struct PauseNotReached: Error, CustomStringConvertible {
        var message: String
        var occurrence: Int
        var stderr: String
        var description: String { "bekal never logged \"\(message)\" \(occurrence) time(s): \(stderr)" }
    }

    /// Whether another connection holds the ledger's write lock right now (a write transaction is open): a
    /// second writer's `BEGIN IMMEDIATE` fails at once with "database is locked". Asked through Python's sqlite3.
    func writeTransactionOpen() throws -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        probe.arguments = ["-c", """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                print("locked" if "locked" in str(error) else "error: %s" % error)
            else:
                connection.execute("ROLLBACK")
                print("free")
            """, home.appendingPathComponent("bekal.sqlite").path]
        let output = Pipe()
        probe.standardOutput = output
        try probe.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        probe.waitUntilExit()
        switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "locked": return true
        case "free": return false
        default: throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: text])
        }
    }

    func write(_ name: String, _ bytes: Data) throws -> String {
        let url = root.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    /// Bytes that start as a JPEG file does (the evidence check looks at the content, not the name).
    static func jpegBytes(_ marker: String) -> Data {
        Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF \(marker)".utf8)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A facility with the sample framework and one person admitted 2025-09-01.
    static let register = "AII-0042/2025"
    static let name = "Rahmat Pengujian"

    static func withPerson() throws -> CLI {
        let cli = try CLI()
        try #require(try cli.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji").status == 0)
        try #require(try cli.run("framework", "import", "--sample").status == 0)
        try #require(try cli.run(
            "person", "add", "--register-number", register, "--name", name, "--admitted", "2025-09-01",
            "--release", "2026-12-20").status == 0)
        return cli
    }

    func eventCount() throws -> Int {
        let result = try run("ledger", "verify", "--json")
        let object = try #require(try result.json() as? [String: Any])
        #expect(object["intact"] as? Bool == true)
        return try #require(object["count"] as? Int)
    }

    static func eventID(_ result: Result) -> String? {
        result.stdout.split(separator: "(").last.map { String($0.prefix(36)) }
    }
}

extension CLI {
    /// Runs one SQL statement with the `sqlite3` shell (as someone editing the file behind Bekal's back would).
    static func sqlite(_ file: String, _ sql: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", file, sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
