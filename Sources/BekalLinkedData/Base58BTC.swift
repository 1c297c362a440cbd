/// Base58 with the Bitcoin alphabet, as multibase `z` uses it.
enum Base58BTC {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let values: [UInt8: UInt8] = {
        var map: [UInt8: UInt8] = [:]
        for (index, byte) in alphabet.enumerated() { map[byte] = UInt8(index) }
        return map
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [UInt8] = []  // little-endian base-58 digits
        for byte in bytes.dropFirst(zeros) {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let out = Array(repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: out, as: UTF8.self)
    }

    /// `nil` for characters outside the alphabet; bounded to short inputs (keys and signatures).
    static func decode(_ text: String, maxLength: Int = 256) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count <= maxLength else { return nil }
        let zeros = input.prefix { $0 == alphabet[0] }.count
        var bytes: [UInt8] = []  // little-endian
        for character in input.dropFirst(zeros) {
            guard let value = values[character] else { return nil }
            var carry = Int(value)
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return Array(repeating: 0, count: zeros) + bytes.reversed()
    }
}
