import Foundation

/// A W3C Bitstring Status List: bit `i` set means the credential with `statusListIndex` `i` is revoked.
/// Bit 0 is the most significant bit of byte 0.
public struct StatusList: Sendable, Hashable {
    /// The spec's minimum length, for herd privacy: 131,072 bits (16 KiB).
    public static let minimumBitCount = 131_072
    /// The largest list Bekal reads (8 Mbit = 1 MiB inflated); larger ones are refused as a likely gzip bomb.
    public static let maximumBitCount = 8 * 1024 * 1024

    /// The status bits, eight to a byte, most significant bit first.
    public private(set) var bytes: [UInt8]

    /// An all-zero list of `bitCount` bits (rounded up to whole bytes, at least the minimum).
    public init(bitCount: Int = minimumBitCount) {
        bytes = [UInt8](repeating: 0, count: (max(bitCount, Self.minimumBitCount) + 7) / 8)
    }

    /// The number of status bits in the list, a multiple of 8.
    public var bitCount: Int { bytes.count * 8 }

    /// The bit at `index`; `nil` when the index lies outside the list.
    public func bit(at index: Int) -> Bool? {
        guard index >= 0, index < bitCount else { return nil }
        return bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0
    }

    /// Sets the bit at `index` (to revoke) or clears it; throws `statusListMalformed` for an index outside the list.
    public mutating func setBit(at index: Int, _ value: Bool = true) throws(CredentialError) {
        guard index >= 0, index < bitCount else {
            throw CredentialError(.statusListMalformed, "status list index \(index) is outside the list")
        }
        if value { bytes[index / 8] |= 0x80 >> UInt8(index % 8) } else { bytes[index / 8] &= ~(0x80 >> UInt8(index % 8)) }
    }

    /// `"u"` + base64url (no padding) of the GZIP of the bitstring.
    public func encodedList() throws(CredentialError) -> String {
        "u" + Base64URL.encode(try Gzip.compress(bytes))
    }

    /// Reads an `encodedList`, refusing lists shorter than the minimum or inflating beyond the maximum.
    public init(encodedList: String) throws(CredentialError) {
        guard encodedList.first == "u", let compressed = Base64URL.decode(String(encodedList.dropFirst())) else {
            throw CredentialError(.statusListMalformed, "encodedList is not 'u' + base64url")
        }
        let inflated = try Gzip.decompress(compressed, maxOutput: Self.maximumBitCount / 8)
        guard inflated.count * 8 >= Self.minimumBitCount else {
            throw CredentialError(.statusListMalformed, "the status list is shorter than 131,072 bits")
        }
        bytes = inflated
    }
}

/// Base64 with the URL alphabet and no padding (RFC 4648 §5).
public enum Base64URL {
    /// Encodes without padding (RFC 4648 §5), directly: each export writes one per evidence file, and Foundation's
    /// base64 followed by three `replacingOccurrences` cost more than the rest of the evidence entry.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0..<3 {
                group = group << 8 | (offset < remaining ? UInt32(bytes[index + offset]) : 0)
            }
            for position in 0...remaining {
                out.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3f)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The bytes of unpadded base64url text, or `nil` for padding, standard base64 characters or an impossible length.
    public static func decode(_ text: String) -> [UInt8]? {
        guard !text.contains("+"), !text.contains("/"), !text.contains("=") else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard standard.count % 4 != 1 else { return nil }
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map(Array.init)
    }
}
