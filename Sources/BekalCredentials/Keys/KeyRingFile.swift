import BekalJSON
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
