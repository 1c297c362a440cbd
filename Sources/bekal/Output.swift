import BekalCredentials
import BekalDomain
import BekalApp
import Foundation

/// What the CLI prints: results on standard output, failures on standard error with the one prefix.
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("bekal: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("bekal: warning: \(message)\n".utf8))
    }

    /// Writes a value as JSON to standard output: sorted keys, for scripts and tests.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Writes bytes to standard output exactly.
    static func bytes(_ bytes: some Sequence<UInt8>) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
