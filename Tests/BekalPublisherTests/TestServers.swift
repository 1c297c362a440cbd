import BekalDomain
import BekalPublisher
import Foundation

/// A server process started by a test on a loopback port and stopped when the test ends.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int

    /// Starts `executable`; the port is the first line of its stdout, or `port` when given.
    init(_ executable: String, _ arguments: [String], port knownPort: Int? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let knownPort {
            port = knownPort
            return
        }
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        guard let text = String(data: line, encoding: .utf8)?.split(separator: "\n").first, let port = Int(text) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit { stop() }

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

/// A free TCP port on 127.0.0.1 (bound, read and released).
func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
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
