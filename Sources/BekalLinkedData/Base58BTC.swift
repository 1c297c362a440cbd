/// Base58 with the Bitcoin alphabet (base58-btc), as multibase `z` values, `did:key` and `proofValue` use it.
/// The one implementation in the package: BekalCredentials' `Base58`/`Multibase` wrap it with their errors.
public enum Base58BTC {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let indexes: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = Int8(index) }
        return table
    }()

    /// The longest text `decode` accepts by default: keys and signatures are far shorter, and the work is quadratic.
    public static let defaultMaxLength = 512

    /// Encodes bytes; each leading zero byte becomes a leading `1`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        let zeros = input.prefix { $0 == 0 }.count
        // log(256)/log(58) ≈ 1.37
        var digits = [UInt8](repeating: 0, count: (input.count - zeros) * 138 / 100 + 1)
        var length = 0
        for byte in input[zeros...] {
            var carry = Int(byte)
            var step = 0
            var position = digits.count - 1
            while (carry != 0 || step < length) && position >= 0 {
                carry += 256 * Int(digits[position])
                digits[position] = UInt8(carry % 58)
                carry /= 58
                step += 1
                position -= 1
            }
            length = step
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.append(contentsOf: digits.drop { $0 == 0 }.map { alphabet[Int($0)] })
        return String(decoding: out, as: UTF8.self)
    }

    /// Why text is not base58-btc.
    public enum DecodingFailure: Error, Sendable, Hashable {
        case tooLong
        case invalidCharacter
    }

    /// Decodes base58-btc text, or says why it cannot.
    /// - Parameter maxLength: refuses longer text before doing quadratic work on it.
    public static func decoding(_ text: String, maxLength: Int = defaultMaxLength) -> Result<[UInt8], DecodingFailure> {
        let input = Array(text.utf8)
        guard input.count <= maxLength else { return .failure(.tooLong) }
        let zeros = input.prefix { $0 == alphabet[0] }.count
        var bytes = [UInt8](repeating: 0, count: (input.count - zeros) * 733 / 1000 + 1)
        var length = 0
        for character in input[zeros...] {
            guard character < 128, indexes[Int(character)] >= 0 else { return .failure(.invalidCharacter) }
            var carry = Int(indexes[Int(character)])
            var step = 0
            var position = bytes.count - 1
            while (carry != 0 || step < length) && position >= 0 {
                carry += 58 * Int(bytes[position])
                bytes[position] = UInt8(carry % 256)
                carry /= 256
                step += 1
                position -= 1
            }
            length = step
        }
        return .success([UInt8](repeating: 0, count: zeros) + bytes.drop { $0 == 0 })
    }

    /// Decodes base58-btc text; `nil` for characters outside the alphabet or text longer than `maxLength`.
    public static func decode(_ text: String, maxLength: Int = defaultMaxLength) -> [UInt8]? {
        try? decoding(text, maxLength: maxLength).get()
    }
}
