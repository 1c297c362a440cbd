import Crypto
import Foundation

/// The hash of a ledger event: SHA-256 over a length-prefixed encoding of every stored column except `hash`,
/// in a fixed order, `prev_hash` included. Length prefixes make the encoding unambiguous (no column value can
/// borrow bytes from its neighbour), and a NULL is distinct from an empty string.
package enum EventDigest {
    /// The `prev_hash` of the first event.
    package static let genesis = String(repeating: "0", count: 64)

    /// The stored column values that the hash covers, in order.
    package struct Columns: Sendable {
        var sequence: Int64
        var eventID: String
        var type: String
        var personID: String?
        var payload: String
        var actor: String
        var facilityCode: String
        var recordedAt: String
        var naturalKey: String?
        var previousHash: String
    }

    package static func hash(_ columns: Columns) -> String {
        // One buffer, one digest call: per-column `update` calls cost more than the hashing at import rates.
        var input: [UInt8] = []
        input.reserveCapacity(columns.payload.utf8.count + 400)
        func put(_ text: String?) {
            guard var text else {
                // NULL: a length no real value can have.
                withUnsafeBytes(of: UInt64.max.bigEndian) { input.append(contentsOf: $0) }
                return
            }
            text.withUTF8 { utf8 in
                withUnsafeBytes(of: UInt64(utf8.count).bigEndian) { input.append(contentsOf: $0) }
                input.append(contentsOf: utf8)
            }
        }
        put(String(columns.sequence))
        put(columns.eventID)
        put(columns.type)
        put(columns.personID)
        put(columns.payload)
        put(columns.actor)
        put(columns.facilityCode)
        put(columns.recordedAt)
        put(columns.naturalKey)
        put(columns.previousHash)
        return hex(SHA256.hash(data: input))
    }

    package static func hex(_ digest: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lowercase hex SHA-256 of raw bytes (evidence files, CSV natural keys).
    package static func sha256(_ data: some DataProtocol) -> String { hex(SHA256.hash(data: data)) }
}
