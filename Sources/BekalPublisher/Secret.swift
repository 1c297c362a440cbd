import BekalDomain
import Foundation

/// A shared secret (bearer token or HMAC key). It comes from a file or an environment variable, never from a
/// command-line argument, and its description is redacted so it can never reach a log line.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let bytes: [UInt8]

    /// Wraps bytes already read by the caller (tests, or a future keychain), unchecked. The transport still refuses
    /// to send a header with a control character in it (`PublisherError.invalidHeader`).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Always `‹secret›`, so a secret interpolated into a log line is never revealed.
    public var description: String { "‹secret›" }
    /// The same redacted text as `description`.
    public var debugDescription: String { description }

    /// Reads a secret from a regular file that only its owner can read (mode `0600` or stricter), like a key file.
    /// A trailing line break is removed; any other character that is not visible ASCII is refused
    /// (`secretMalformed`).
    public static func fromFile(_ path: String) throws(PublisherError) -> Secret {
        guard let mode = FileMode(ofFileAt: path), mode.isRegularFile else {
            throw PublisherError(.secretUnreadable, "the secret file cannot be read")
        }
        guard mode.isOwnerOnly else {
            throw PublisherError(.secretInsecure, "the secret file is readable by group or others; make it mode 0600")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PublisherError(.secretUnreadable, "the secret file cannot be read")
        }
        return try trimmed(Array(data), empty: PublisherError(.secretUnreadable, "the secret file is empty"))
    }

    /// Reads a secret from an environment variable, with the same rules as a file.
    public static func fromEnvironment(
        _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PublisherError) -> Secret {
        guard let value = environment[name] else {
            throw PublisherError(.secretMissing, "the environment variable \(name) is not set")
        }
        return try trimmed(Array(value.utf8), empty: PublisherError(.secretMissing, "the environment variable \(name) is empty"))
    }

    /// The secret without its trailing line break; refused when empty or when anything else in it is not visible
    /// ASCII (0x21–0x7E). Tokens and `whsec_` keys are visible ASCII; a CR or LF inside one would end the header
    /// line it is sent in and start another (`tokA\r\nX-Injected: yes`), and tabs, spaces or other invisible
    /// characters are a copy-and-paste accident at best.
    private static func trimmed(_ bytes: [UInt8], empty: PublisherError) throws(PublisherError) -> Secret {
        var bytes = bytes
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw empty }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw PublisherError(
                .secretMalformed,
                "the secret contains a line break, a space or another character that is not visible ASCII; "
                    + "it must be one line of printable characters")
        }
        return Secret(bytes: bytes)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
