import BekalDomain
import BekalJSON
import Crypto

/// The OB 3.0 `IdentityObject` that says whom an export is about, without the register number in the file.
///
/// Two forms (`docs/credentials.md`, "Who the export is about"):
/// - **register number and code** (`identityType` `ext:BekalRegisterNumberAndCode`, written when the exporter is
///   given the person's `VerificationCode`): the identifier hashed is `hex(HMAC-SHA-256(key: code, "bekal-identity-v2:"
///   ‖ register number))`, and `identityHash = "sha256$" + hex(SHA-256(identifier ‖ salt))`, OB 3.0's IdentityHash
///   over that identifier. Without the code nobody can test a register number against it: the search space is
///   the register numbers times 2^60 codes.
/// - **register number only** (`identityType` `identifier`, exports made before codes, or without one):
///   `sha256$` + hex SHA-256(register number ‖ salt). The salt is in the file, so trying every plausible register
///   number recovers the person's (100,000 numbers in under a second): pseudonymous at best. Still checked, and
///   reported as the weaker form.
public struct IdentityHash: Sendable, Hashable {
    /// How the register number is bound.
    public enum Form: String, Sendable, Hashable {
        /// Keyed with the person's verification code; cannot be brute-forced from the file.
        case registerNumberAndCode
        /// The older plain salted hash; can be brute-forced from the file.
        case registerNumberOnly

        /// The `identityType` written for this form.
        public var identityType: String {
            switch self {
            case .registerNumberAndCode: IdentityHash.keyedIdentityType
            case .registerNumberOnly: "identifier"
            }
        }

        /// The form an `IdentityObject` declares, if it is a hashed Bekal identity.
        public init?(identityObject: JSONValue) {
            guard identityObject["hashed"]?.boolValue == true else { return nil }
            switch identityObject["identityType"]?.stringValue {
            case IdentityHash.keyedIdentityType?: self = .registerNumberAndCode
            case "identifier"?: self = .registerNumberOnly
            default: return nil
            }
        }
    }

    /// An OB 3.0 extension identity type (`ext:` + name, as the OB 3.0 schema allows).
    public static let keyedIdentityType = "ext:BekalRegisterNumberAndCode"
    /// Domain separation for the keyed identifier, so the HMAC is never confused with another use of the code.
    static let keyedLabel = "bekal-identity-v2:"

    /// Which of the two forms binds the register number: keyed with the verification code, or plain salted.
    public var form: Form
    /// The random salt written next to the hash in the export, so equal register numbers hash differently per export.
    public var salt: String
    /// The OB 3.0 identity hash, `sha256$` followed by lowercase hex SHA-256.
    public var identityHash: String

    /// The older form: SHA-256(register number ‖ salt). Kept for reading and for exports made without a code.
    public init(registerNumber: RegisterNumber, salt: String) {
        form = .registerNumberOnly
        self.salt = salt
        identityHash = Self.hash(registerNumber.rawValue, salt: salt)
    }

    /// The keyed form: SHA-256(hex(HMAC-SHA-256(code, label ‖ register number)) ‖ salt).
    public init(registerNumber: RegisterNumber, code: VerificationCode, salt: String) {
        form = .registerNumberAndCode
        self.salt = salt
        identityHash = Self.hash(Self.keyedIdentifier(registerNumber: registerNumber, code: code), salt: salt)
    }

    /// The `IdentityObject` as an export carries it.
    public var identityObject: JSONValue {
        [
            "type": "IdentityObject", "identityHash": .string(identityHash), "identityType": .string(form.identityType),
            "hashed": true, "salt": .string(salt),
        ]
    }

    static func hash(_ value: String, salt: String) -> String {
        "sha256$" + Hex.encode(SHA256.hash(data: Array((value + salt).utf8)))
    }

    static func keyedIdentifier(registerNumber: RegisterNumber, code: VerificationCode) -> String {
        let key = SymmetricKey(data: Array(code.canonical.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array((keyedLabel + registerNumber.rawValue).utf8), using: key)
        return Hex.encode(Array(mac))
    }

    /// Whether `registerNumber` is the one hashed into a register-number-only `identityHash` with `salt`.
    public static func matches(registerNumber: RegisterNumber, identityHash: String, salt: String) -> Bool {
        equal(hash(registerNumber.rawValue, salt: salt), identityHash)
    }

    /// Whether `registerNumber` and `code` are the ones bound into a keyed `identityHash` with `salt`.
    public static func matches(
        registerNumber: RegisterNumber, code: VerificationCode, identityHash: String, salt: String
    ) -> Bool {
        equal(hash(keyedIdentifier(registerNumber: registerNumber, code: code), salt: salt), identityHash)
    }

    /// Constant-time comparison: the hash is not secret, but there's no reason to leak timing either.
    private static func equal(_ expected: String, _ given: String) -> Bool {
        let expected = Array(expected.utf8)
        let given = Array(given.lowercased().utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
