/// Base58 with the Bitcoin alphabet (base58-btc), as multibase `z` values, `did:key` and `proofValue` use it.
/// The one implementation in the package: BekalCredentials adds `Base58.checkedDecode` and `Multibase` with its errors.
public enum Base58 {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let indexes: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = Int8(index) }
        return table
    }()

    /// The longest text `decode` accepts by default: keys and signatures are far shorter, and the work is quadratic.
    public static let defaultMaxLength = 512

    /// Encodes bytes; each leading zero byte becomes a leading `1`.
    ///
    /// Works in limbs rather than single digits: the number is held in base 58^5 (each limb < 2^30) and the input
    /// is fed 32 bits at a time, so a 64-byte signature takes 16 × 18 limb steps instead of 64 × 88 digit steps.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        let zeros = input.prefix { $0 == 0 }.count
        let significant = input[zeros...]
        // Each base-58^5 limb holds log(58^5)/log(256) ≈ 3.66 bytes.
        var limbs = [UInt64](repeating: 0, count: significant.count * 100 / 366 + 2)
        var used = 0
        var position = significant.startIndex
        // The leading chunk takes the remainder so every later chunk is a whole 32-bit word.
        var chunkLength = significant.count % 4 == 0 ? 4 : significant.count % 4
        while position < significant.endIndex {
            var word: UInt64 = 0
            for offset in 0..<chunkLength { word = word << 8 | UInt64(significant[position + offset]) }
            position += chunkLength
            var carry = word
            let scale: UInt64 = 1 << (8 * UInt64(chunkLength))
            for index in 0..<used {
                carry += limbs[index] * scale
                limbs[index] = carry % limbBase
                carry /= limbBase
            }
            while carry != 0 {
                limbs[used] = carry % limbBase
                carry /= limbBase
                used += 1
            }
            chunkLength = 4
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(zeros + used * limbDigits)
        digits.append(contentsOf: repeatElement(alphabet[0], count: zeros))
        // Most significant limb first, without its leading zero digits; the others padded to five digits.
        for index in stride(from: used - 1, through: 0, by: -1) {
            let limb = limbs[index]
            var divisor = limbBase / 58
            var leading = index == used - 1
            while divisor > 0 {
                let digit = Int(limb / divisor % 58)
                divisor /= 58
                if leading && digit == 0 { continue }
                leading = false
                digits.append(alphabet[digit])
            }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// 58^5: the largest power of 58 whose limbs, times 2^32, still fit 64 bits with the carry.
    private static let limbBase: UInt64 = 656_356_768
    private static let limbDigits = 5

    /// Why text is not base58-btc.
    public enum DecodingFailure: Error, Sendable, Hashable {
        /// The text is longer than `maxLength`; it was refused before decoding.
        case tooLong
        /// The text has a character outside the base58-btc alphabet.
        case invalidCharacter
    }

    /// Decodes base58-btc text, or says why it cannot.
    /// - Parameter maxLength: refuses longer text before doing quadratic work on it.
    public static func decoding(_ text: String, maxLength: Int = defaultMaxLength) -> Result<[UInt8], DecodingFailure> {
        let input = Array(text.utf8)
        guard input.count <= maxLength else { return .failure(.tooLong) }
        let zeros = input.prefix { $0 == alphabet[0] }.count
        let significant = input[zeros...]
        // The number in base 2^32, least significant word first; text is fed five digits (one 58^5 step) at a time.
        var words = [UInt64](repeating: 0, count: significant.count * 733 / 4000 + 2)
        var used = 0
        var position = significant.startIndex
        while position < significant.endIndex {
            let chunkEnd = min(position + limbDigits, significant.endIndex)
            var value: UInt64 = 0
            var scale: UInt64 = 1
            for character in significant[position..<chunkEnd] {
                guard character < 128, indexes[Int(character)] >= 0 else { return .failure(.invalidCharacter) }
                value = value * 58 + UInt64(indexes[Int(character)])
                scale *= 58
            }
            position = chunkEnd
            var carry = value
            for index in 0..<used {
                carry += words[index] * scale
                words[index] = carry & 0xFFFF_FFFF
                carry >>= 32
            }
            while carry != 0 {
                words[used] = carry & 0xFFFF_FFFF
                carry >>= 32
                used += 1
            }
        }
        var bytes = [UInt8](repeating: 0, count: zeros)
        bytes.reserveCapacity(zeros + used * 4)
        for index in stride(from: used - 1, through: 0, by: -1) {
            let word = words[index]
            for shift in stride(from: 24, through: 0, by: -8) {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                // Leading zero bytes of the most significant word are not part of the number.
                if index == used - 1 && bytes.count == zeros && byte == 0 { continue }
                bytes.append(byte)
            }
        }
        return .success(bytes)
    }

    /// Decodes base58-btc text; `nil` for characters outside the alphabet or text longer than `maxLength`.
    public static func decode(_ text: String, maxLength: Int = defaultMaxLength) -> [UInt8]? {
        try? decoding(text, maxLength: maxLength).get()
    }
}
