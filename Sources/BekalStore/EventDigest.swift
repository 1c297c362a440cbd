import BekalJSON
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
        var input = contentInput(columns)
        input.put(columns.previousHash)
        return hex(SHA256.hash(data: input.bytes))
    }

    /// The input of every column but `prev_hash`: the start of the chain digest's input, and all of the log's
    /// leaf entry (`LogLeaf`).
    static func contentInput(_ columns: Columns) -> Input {
        var input = Input()
        input.put(String(columns.sequence))
        input.put(columns.eventID)
        input.put(columns.type)
        input.put(columns.personID)
        input.put(columns.payload)
        input.put(columns.actor)
        input.put(columns.facilityCode)
        input.put(columns.recordedAt)
        input.put(columns.naturalKey)
        return input
    }

    /// The digest's input, column by column: each value as its UTF-8 length (8 bytes, big-endian) and bytes,
    /// NULL as a length no real value can have. One buffer, one digest call: per-column `update` calls cost
    /// more than the hashing at import rates; the bulk append reuses one `Input` for every event.
    package struct Input {
        private(set) var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1024) }

        mutating func reset() { bytes.removeAll(keepingCapacity: true) }

        mutating func put(_ text: String?) {
            guard var text else {
                putNull()
                return
            }
            text.withUTF8 { put($0) }
        }

        mutating func put(_ utf8: UnsafeBufferPointer<UInt8>) {
            withUnsafeBytes(of: UInt64(utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }

        mutating func put(_ utf8: [UInt8]) { utf8.withUnsafeBufferPointer { put($0) } }

        mutating func putNull() {
            withUnsafeBytes(of: UInt64.max.bigEndian) { bytes.append(contentsOf: $0) }
        }

        /// Writes the lowercase hex SHA-256 of the input into `hex` (replacing its contents).
        func digest(into hex: inout [UInt8]) {
            hex.removeAll(keepingCapacity: true)
            SHA256.hash(data: bytes).withUnsafeBytes { EventDigest.appendHex($0, to: &hex) }
        }
    }

    package static func hex(_ digest: some Sequence<UInt8>) -> String { Hex.encode(digest) }

    /// A digest's hex from its bytes in place (iterating a swift-crypto digest copies it into an array first).
    package static func hex(_ digest: SHA256.Digest) -> String { digest.withUnsafeBytes { Hex.encode($0) } }

    static func appendHex(_ digest: some Sequence<UInt8>, to out: inout [UInt8]) { Hex.append(digest, to: &out) }


    /// Lowercase hex SHA-256 of raw bytes (evidence files, CSV natural keys).
    package static func sha256(_ data: some DataProtocol) -> String { hex(SHA256.hash(data: data)) }
}
