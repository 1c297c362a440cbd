/// A person's secret verification code: 12 characters of Crockford's base-32 alphabet (60 random bits) and a
/// check character, printed for the person at release and kept in the ledger, never written into an export. The
/// export's identity hash is keyed with it (`IdentityHash.Form.registerNumberAndCode`), so the register number
/// cannot be recovered from the file by trying numbers: each guess would also need the code.
///
/// Written `7K3M-9QXA-2HPD-R` (three groups of four and the check character). Read leniently, as people type
/// it: any case, spaces and dashes anywhere, `O` for zero and `I` or `L` for one. The check character (Luhn mod
/// 32) catches any single mistyped character and most swapped neighbours.
///
/// Its `description` is redacted, so a code interpolated into a log line or error message does not leak; use
/// `formatted` to print it for the person.
public struct VerificationCode: Sendable, Hashable, CustomStringConvertible {
    /// Crockford's base-32 alphabet: digits and letters without I, L, O and U.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    /// Random characters in a code; 5 bits each.
    public static let randomCharacters = 12
    /// The code's entropy in bits (12 × 5).
    public static let entropyBits = 60

    /// The 13 characters in canonical form (upper case, no separators), check character last.
    public let canonical: String

    /// Reads a code as a person typed it.
    /// - Throws: `CredentialError.verificationCodeMalformed`, saying whether the length, a character or the check
    ///   character is wrong (never echoing the code).
    public init(_ text: String) throws(CredentialError) {
        var values: [Int] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            default:
                guard let value = Self.value(of: byte) else {
                    throw CredentialError(
                        .verificationCodeMalformed, "the verification code holds a character that is not in its alphabet")
                }
                values.append(value)
            }
        }
        guard values.count == Self.randomCharacters + 1 else {
            throw CredentialError(
                .verificationCodeMalformed, "a verification code has 13 characters (12 and a check character)")
        }
        guard Self.checkValue(values.dropLast()) == values.last else {
            throw CredentialError(
                .verificationCodeMalformed, "the verification code's check character does not match: a character was mistyped")
        }
        canonical = Self.text(values)
    }

    private init(values: [Int]) { canonical = Self.text(values + [Self.checkValue(values[...])]) }

    /// A fresh code: 12 characters drawn uniformly from `random` (inject the system's secure generator in the app,
    /// a seeded one in tests), and the check character.
    public static func generate(using random: inout some RandomNumberGenerator) -> VerificationCode {
        VerificationCode(values: (0..<randomCharacters).map { _ in Int.random(in: 0..<32, using: &random) })
    }

    /// `7K3M-9QXA-2HPD-R`, for printing on the person's release sheet.
    public var formatted: String {
        let characters = Array(canonical)
        return [0..<4, 4..<8, 8..<12, 12..<13].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// A fixed redacted text, so the code never reaches a log line through interpolation.
    public var description: String { "VerificationCode(redacted)" }

    /// The value of one typed character, folding case and Crockford's look-alikes.
    static func value(of byte: UInt8) -> Int? {
        var upper = byte
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { upper = byte - 32 }
        switch upper {
        case UInt8(ascii: "O"): upper = UInt8(ascii: "0")
        case UInt8(ascii: "I"), UInt8(ascii: "L"): upper = UInt8(ascii: "1")
        default: break
        }
        return alphabet.firstIndex(of: upper)
    }

    /// Luhn mod 32 over the values: the check value that makes the whole code sum to zero.
    static func checkValue(_ values: ArraySlice<Int>) -> Int {
        var factor = 2
        var sum = 0
        for value in values.reversed() {
            let addend = factor * value
            sum += addend / 32 + addend % 32
            factor = factor == 2 ? 1 : 2
        }
        return (32 - sum % 32) % 32
    }

    static func text(_ values: [Int]) -> String { String(decoding: values.map { alphabet[$0] }, as: UTF8.self) }
}
