import Foundation

/// The on-disk form of a `KeyRing` (JSON): the current seed in hex, retired public keys as multibase.
enum KeyRingFile {
    static let format = "bekal-issuer-keys/1"

    private struct Stored: Codable {
        struct Current: Codable {
            var seedHex: String
            var publicKeyMultibase: String
            var validFrom: String
        }
        struct Retired: Codable {
            var publicKeyMultibase: String
            var validFrom: String
            var validUntil: String
        }
        var format: String
        var current: Current
        var retired: [Retired]
    }

    static func encode(_ ring: KeyRing) throws(CredentialError) -> Data {
        let stored = Stored(
            format: format,
            current: .init(
                seedHex: Hex.encode(ring.current.seed),
                publicKeyMultibase: ring.current.didKey.publicKeyMultibase,
                validFrom: Timestamp.format(ring.currentValidFrom)),
            retired: ring.retired.map {
                .init(
                    publicKeyMultibase: $0.didKey.publicKeyMultibase, validFrom: Timestamp.format($0.validFrom),
                    validUntil: Timestamp.format($0.validUntil ?? $0.validFrom))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(stored)
        } catch {
            throw CredentialError(.keyFileWrite, "the key ring could not be encoded")
        }
    }

    static func decode(_ data: Data) throws(CredentialError) -> KeyRing {
        let stored: Stored
        do {
            stored = try JSONDecoder().decode(Stored.self, from: data)
        } catch {
            throw CredentialError(.keyFileMalformed, "the key file is not a Bekal key ring")
        }
        guard stored.format == format else {
            throw CredentialError(.keyFileMalformed, "the key file has an unknown format")
        }
        guard let seed = Hex.decode(stored.current.seedHex), seed.count == 32 else {
            throw CredentialError(.keyFileMalformed, "the key file's seed is not 32 bytes of hex")
        }
        let key = try IssuerKey(seed: seed)
        guard key.didKey.publicKeyMultibase == stored.current.publicKeyMultibase else {
            throw CredentialError(.keyFileMalformed, "the key file's public key does not match its seed")
        }
        guard let validFrom = Timestamp.parse(stored.current.validFrom) else {
            throw CredentialError(.keyFileMalformed, "the key file has an unreadable date")
        }
        var retired: [KeyValidity] = []
        for entry in stored.retired {
            guard let from = Timestamp.parse(entry.validFrom), let until = Timestamp.parse(entry.validUntil) else {
                throw CredentialError(.keyFileMalformed, "the key file has an unreadable date")
            }
            retired.append(
                KeyValidity(
                    didKey: try DIDKey(publicKeyMultibase: entry.publicKeyMultibase), validFrom: from,
                    validUntil: until))
        }
        return KeyRing(current: key, currentValidFrom: validFrom, retired: retired)
    }
}

/// Lowercase hexadecimal.
public enum Hex {
    /// The bytes as lowercase hexadecimal, two digits per byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a hexadecimal string (either case), or `nil` for an odd length or a non-hex digit.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
