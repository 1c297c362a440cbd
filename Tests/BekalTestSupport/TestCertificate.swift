import Foundation

/// A self-signed certificate for 127.0.0.1, made with openssl at test time, for the HTTPS receivers.
public struct TestCertificate: Sendable {
    /// The certificate (PEM), also the CA file a client must be given to trust it.
    public let certificate: String
    /// The private key (PEM, unencrypted).
    public let key: String
    /// The temporary directory holding both; `remove()` deletes it.
    public let directory: URL

    /// Makes a fresh key and certificate in a new temporary directory.
    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificate = directory.appendingPathComponent("cert.pem").path
        key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Deletes the directory.
    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
