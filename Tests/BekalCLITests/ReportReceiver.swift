import BekalTestSupport
import Foundation

/// The publisher tests' metrics receiver (`Tests/BekalPublisherTests/Fixtures/receiver.py`), on a loopback port
/// it picks itself and prints.
final class ReportReceiver: @unchecked Sendable {
    let process = Process()
    let port: Int
    let logURL: URL
    let scheme: String

    /// Starts the receiver; with `tls` it serves HTTPS with that certificate.
    init(tls: TestCertificate? = nil) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("cli-receiver-\(UUID()).jsonl")
        // One receiver for both test targets: read from the source tree rather than copied into this bundle.
        let script = try existingResource(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("BekalPublisherTests/Fixtures/receiver.py"))
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, "--log", logURL.path]
            + (tls.map { ["--tls-cert", $0.certificate, "--tls-key", $0.key] } ?? [])
        scheme = tls == nil ? "http" : "https"
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
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
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: logURL)
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var url: String { "\(scheme)://127.0.0.1:\(port)/reports" }

    /// Queues faults for the next report requests (through Python, so the test needs no HTTP client of its own).
    func inject(_ faults: [String]) throws {
        try control("faults", String(decoding: try JSONSerialization.data(withJSONObject: faults), as: UTF8.self))
    }

    /// Lets a request held by the "hold" fault go on.
    func release() throws { try control("release", "") }

    /// POSTs `body` to `/control/<name>` (plain HTTP receivers only).
    private func control(_ name: String, _ body: String) throws {
        precondition(scheme == "http", "the control calls are made over plain HTTP")
        let post = Process()
        post.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        post.arguments = ["-c", """
            import sys, urllib.request
            r = urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method="POST"))
            sys.exit(0 if r.status == 204 else 1)
            """, "http://127.0.0.1:\(port)/control/\(name)", body]
        try post.run()
        post.waitUntilExit()
        guard post.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Every request the receiver logged.
    var entries: [[String: Any]] {
        guard let data = try? Data(contentsOf: logURL) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// Idempotency keys of first-time (accepted) deliveries, one per accepted report.
    var deliveredKeys: [String] {
        entries.filter { $0["outcome"] as? String == "delivered" }.compactMap { $0["key"] as? String }
    }

    /// Every byte the receiver got: request lines, header fields and bodies.
    var everyByteReceived: Data {
        var all = Data()
        for entry in entries {
            all.append(Data((entry["requestline"] as? String ?? "").utf8))
            for header in entry["headers"] as? [[String]] ?? [] { all.append(Data(header.joined(separator: ": ").utf8)) }
            all.append(Data(base64Encoded: entry["body"] as? String ?? "") ?? Data())
        }
        return all
    }
}

/// A resource URL or a thrown error, never a crash.
func existingResource(_ url: URL?) throws -> URL {
    guard let url else { throw CocoaError(.fileNoSuchFile) }
    return url
}
