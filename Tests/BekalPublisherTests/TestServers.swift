import BekalDomain
import BekalPublisher
import Foundation

/// A server process started by a test on a loopback port it picked itself (port 0) and stopped when the test ends.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let logURL: URL

    /// Where the server says which port it took.
    enum PortReport {
        /// The first line of standard output is the port (the Python receivers).
        case firstLine
        /// A line of standard error matching `pattern` whose first capture is the port (the Pushgateway logs
        /// `msg="Listening on" address=127.0.0.1:43551`).
        case log(String)
    }

    /// Starts `executable`, which must listen on a port of its own choosing and report it as `report` says.
    init(_ executable: String, _ arguments: [String], report: PortReport = .firstLine) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        // A file, not a pipe: a server that logs a lot never blocks on a full pipe nobody reads.
        process.standardError = try FileHandle(forWritingTo: logURL)
        try process.run()
        switch report {
        case .firstLine:
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                line.append(chunk)
            }
            guard let text = String(data: line, encoding: .utf8)?.split(separator: "\n").first, let port = Int(text) else {
                kill(process.processIdentifier, SIGKILL)
                throw CocoaError(.fileReadCorruptFile)
            }
            self.port = port
        case .log(let pattern):
            let expression = try NSRegularExpression(pattern: pattern)
            var found: Int?
            for _ in 0..<200 where found == nil && process.isRunning {
                let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
                let range = NSRange(text.startIndex..., in: text)
                if let match = expression.firstMatch(in: text, range: range), let port = Range(match.range(at: 1), in: text) {
                    found = Int(text[port])
                } else {
                    usleep(50_000)
                }
            }
            guard let found else {
                kill(process.processIdentifier, SIGKILL)
                throw CocoaError(.fileReadCorruptFile)
            }
            port = found
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: logURL)
    }

    func stop() {
        // SIGKILL: children of Foundation's Process can inherit a blocked SIGTERM, and these servers hold nothing
        // worth a graceful stop.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// The Python receiver of `Fixtures/receiver.py`.
final class Receiver: @unchecked Sendable {
    let server: ServerProcess
    let logURL: URL
    let scheme: String

    init(tlsCertificate: String? = nil, tlsKey: String? = nil) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("receiver-\(UUID()).jsonl")
        var arguments = [Receiver.script, "--log", logURL.path]
        if let tlsCertificate, let tlsKey { arguments += ["--tls-cert", tlsCertificate, "--tls-key", tlsKey] }
        scheme = tlsCertificate == nil ? "http" : "https"
        server = try ServerProcess("/usr/bin/python3", arguments)
    }

    static var script: String {
        Bundle.module.url(forResource: "receiver", withExtension: "py", subdirectory: "Fixtures")!.path
    }

    var url: String { "\(scheme)://127.0.0.1:\(server.port)/reports" }

    /// Queues faults for the next report requests.
    func inject(_ faults: [String], transport: CurlTransport) async throws {
        let body = try JSONSerialization.data(withJSONObject: faults)
        let response = try await transport.send(HTTPRequest(
            method: .post, url: "\(scheme)://127.0.0.1:\(server.port)/control/faults", headers: [], body: body))
        precondition(response.status == 204)
    }

    /// Every request the receiver logged.
    var entries: [[String: Any]] {
        guard let data = try? Data(contentsOf: logURL) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// The idempotency keys of accepted (first-time) deliveries.
    var deliveredKeys: [String] { entries.filter { $0["outcome"] as? String == "delivered" }.compactMap { $0["key"] as? String } }

    /// The body of a logged request.
    static func body(_ entry: [String: Any]) -> Data { Data(base64Encoded: entry["body"] as? String ?? "") ?? Data() }

    /// A header of a logged request.
    static func header(_ entry: [String: Any], _ name: String) -> String? {
        (entry["headers"] as? [[String]])?.first { $0.first?.lowercased() == name.lowercased() }?.last
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: logURL)
    }
}

/// Waits until `url` answers 200 (servers take a moment to listen).
func waitUntilReady(_ url: String, transport: CurlTransport) async throws {
    for _ in 0..<100 {
        if let response = try? await transport.send(HTTPRequest(method: .get, url: url, headers: [], body: Data())),
            response.status == 200
        {
            return
        }
        try await Task.sleep(for: .milliseconds(100))
    }
    throw CocoaError(.fileReadNoSuchFile)
}
