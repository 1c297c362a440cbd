import BekalDomain
import Dispatch
import Foundation
import HummingbirdBcrypt

/// A password as typed, checked: 12 to 72 bytes of UTF-8 (bcrypt reads 72 bytes at most, so a longer one would be
/// silently cut), no control characters (a NUL would end it early in bcrypt's C code). It is never shown, logged
/// or stored: `description` is redacted and only its bcrypt hash is kept.
public struct Password: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The fewest characters accepted (OWASP ASVS 2.1.1).
    public static let minimumLength = 12
    /// The most bytes bcrypt reads.
    public static let maximumBytes = 72

    let text: String

    /// - Throws: `AppError.invalidInput` (field `password`) for a password too short, too long or with control
    ///   characters.
    public init(_ text: String) throws(AppError) {
        guard text.count >= Self.minimumLength else {
            throw AppError(.invalidInput, "password: at least \(Self.minimumLength) characters", field: "password",
                           reason: .passwordTooShort)
        }
        guard text.utf8.count <= Self.maximumBytes else {
            throw AppError(.invalidInput, "password: at most \(Self.maximumBytes) bytes", field: "password", reason: .tooLong)
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AppError(.invalidInput, "password: contains a control character (a line break?)", field: "password",
                           reason: .passwordControlCharacter)
        }
        self.text = text
    }

    public var description: String { "‹password›" }
    public var debugDescription: String { description }
}

/// bcrypt through hummingbird-auth's `HummingbirdBcrypt`, run off the cooperative thread pool (each call takes a
/// quarter of a second of CPU on purpose).
enum PasswordHashing {
    /// log2 of bcrypt's rounds: 12 (about 0.2 s per hash on the office PC this was measured on; ASVS asks 10 or
    /// more).
    static let cost: UInt8 = 12

    private static let queue = DispatchQueue(label: "bekal.bcrypt", qos: .userInitiated, attributes: .concurrent)

    static func hash(_ password: Password) async -> String {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Bcrypt.hash(password.text, cost: cost)) }
        }
    }

    /// Whether `text` matches `hash`. With no hash (an unknown account, or one without a password) a hash of
    /// the same cost is still checked, so the answer takes as long and tells nothing about which accounts exist.
    static func verify(_ text: String, hash: String?) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async {
                let matches = Bcrypt.verify(text, hash: hash ?? unknownAccountHash)
                continuation.resume(returning: matches && hash != nil)
            }
        }
    }

    /// A hash of a random password nobody knows, made once per process.
    private static let unknownAccountHash = Bcrypt.hash(UUID().uuidString + UUID().uuidString, cost: cost)
}
