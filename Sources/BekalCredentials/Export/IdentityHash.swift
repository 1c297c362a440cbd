import BekalDomain
import Crypto

/// The OB 3.0 `IdentityObject` for a register number: `sha256$` + hex SHA-256(register number ‖ salt).
/// The clear register number never appears in an export; whoever knows it can check the match.
public struct IdentityHash: Sendable, Hashable {
    public var salt: String
    public var identityHash: String

    public init(registerNumber: RegisterNumber, salt: String) {
        self.salt = salt
        identityHash = Self.hash(registerNumber.rawValue, salt: salt)
    }

    static func hash(_ value: String, salt: String) -> String {
        "sha256$" + Hex.encode(SHA256.hash(data: Array((value + salt).utf8)))
    }

    /// Whether `registerNumber` is the one hashed into `identityHash` with `salt`.
    public static func matches(registerNumber: RegisterNumber, identityHash: String, salt: String) -> Bool {
        let expected = Array(hash(registerNumber.rawValue, salt: salt).utf8)
        let given = Array(identityHash.lowercased().utf8)
        // Constant-time comparison: the hash is not secret, but there's no reason to leak timing either.
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
