import Foundation
import Testing

/// A real `bekal serve` process on a loopback port the system picks (`--listen 127.0.0.1:0`), over a data
/// directory, at the tests' fixed "now" (`BEKAL_NOW`; no test depends on today's date).
struct BekalServer {
    let process: Process
    let baseURL: String

    /// The repository, found from this file's path (the Python fixtures run from the source tree).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `bekal` next to the test bundle (`.build/debug/bekal`), or `BEKAL_BINARY`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["BEKAL_BINARY"] { return URL(fileURLWithPath: path) }
        let bundle = Bundle.main.bundleURL
        for directory in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("bekal")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/bekal")
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts the server and returns once it has printed the address it listens on.
    static func start(home: URL, root: URL, arguments extra: [String] = []) throws -> BekalServer {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--listen", "127.0.0.1:0"] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["BEKAL_HOME"] = home.path
        environment["BEKAL_NOW"] = WebFixture.nowText
        environment.removeValue(forKey: "BEKAL_LOG_LEVEL")
        process.environment = environment
        let out = root.appendingPathComponent("serve.out")
        let err = root.appendingPathComponent("serve.err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let text = String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Listening on http") }) {
                let url = line.dropFirst("Listening on ".count).trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
                return BekalServer(process: process, baseURL: url)
            }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let stderr = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        throw Failure(description: "bekal serve did not start listening: \(stderr)")
    }

    /// The port from the base URL.
    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    struct ToolResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a command (found on `PATH` when not a path), output through files to avoid pipe stalls.
    static func runTool(_ command: [String], environment: [String: String] = [:], root: URL) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let id = UUID().uuidString
        let out = root.appendingPathComponent("\(id).out")
        let err = root.appendingPathComponent("\(id).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return ToolResult(status: process.terminationStatus,
                          stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
