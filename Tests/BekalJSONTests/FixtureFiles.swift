import Foundation

/// Reads test data copied from cyberphone/json-canonicalization (RFC 8785's reference test data).
enum FixtureFiles {
    struct Missing: Error { let name: String }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "Fixtures/jcs/\(path)", withExtension: nil) else {
            throw Missing(name: path)
        }
        return Array(try Data(contentsOf: url))
    }

    static let jcsCases = ["arrays", "french", "structures", "unicode", "values", "weird"]

    /// Parses an `outhex` file: bytes as whitespace-separated hex pairs.
    static func hexBytes(_ path: String) throws -> [UInt8] {
        let text = String(decoding: try bytes(path), as: UTF8.self)
        return text.split(whereSeparator: \.isWhitespace).compactMap { UInt8($0, radix: 16) }
    }
}
