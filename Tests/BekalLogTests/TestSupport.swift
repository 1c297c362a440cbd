import Crypto
import Foundation
import Testing

@testable import BekalLog

enum Fixture {
    static func url(_ path: String) throws -> URL {
        try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    /// Every file under a fixture directory, sorted by path.
    static func files(under directory: String) throws -> [URL] {
        let root = try url(directory)
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }
}

/// The RFC 9162 tree recomputed the slow, obvious way, from the RFC's recursive definitions and nothing of
/// BekalLog: SHA-256 straight from swift-crypto, MTH/PATH/PROOF as written in §2.1. Memoized so that checking
/// every proof of every size up to 300 stays fast.
final class NaiveMerkle {
    let leaves: [[UInt8]]
    private var memo: [Int: [UInt8]] = [:]

    init(entries: [[UInt8]]) {
        leaves = entries.map { NaiveMerkle.sha256([0x00] + $0) }
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// The largest power of two smaller than n.
    static func k(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[start:end]).
    func mth(_ start: Int, _ end: Int) -> [UInt8] {
        if end == start { return NaiveMerkle.sha256([]) }
        if end - start == 1 { return leaves[start] }
        let key = start * 100_003 + end
        if let cached = memo[key] { return cached }
        let k = NaiveMerkle.k(end - start)
        let value = NaiveMerkle.sha256([0x01] + mth(start, start + k) + mth(start + k, end))
        memo[key] = value
        return value
    }

    /// PATH(m, D[start:end]).
    func path(_ m: Int, _ start: Int, _ end: Int) -> [[UInt8]] {
        let n = end - start
        if n == 1 { return [] }
        let k = NaiveMerkle.k(n)
        if m < k { return path(m, start, start + k) + [mth(start + k, end)] }
        return path(m - k, start + k, end) + [mth(start, start + k)]
    }

    /// SUBPROOF(m, D[start:end], b).
    func subproof(_ m: Int, _ start: Int, _ end: Int, _ b: Bool) -> [[UInt8]] {
        let n = end - start
        if m == n { return b ? [] : [mth(start, end)] }
        let k = NaiveMerkle.k(n)
        if m <= k { return subproof(m, start, start + k, b) + [mth(start + k, end)] }
        return subproof(m - k, start + k, end, false) + [mth(start, start + k)]
    }
}

func hash(_ bytes: [UInt8]) throws -> MerkleHash { try #require(MerkleHash(bytes)) }

func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func temporaryDirectory(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Fixed keys (not secrets: they sign test data only).
enum TestKeys {
    static func key(_ byte: UInt8) throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: byte, count: 32))
    }

    /// 2026-05-28T20:26:40Z, the store tests' fixed clock.
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
}
