import Foundation

/// Text forms of UUIDs without `uuidString`, which on Linux formats through `sprintf` (it showed in import
/// profiles at 100,000 rows).
enum UUIDText {
    private static let lowerDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The lowercase 8-4-4-4-12 form, as stored in the database.
    static func lowercase(_ id: UUID) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        append(id, uppercase: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the 8-4-4-4-12 form; uppercase is `UUID.uuidString`'s (and so `JSONEncoder`'s) form.
    static func append(_ id: UUID, uppercase: Bool, to bytes: inout [UInt8]) {
        let digits = uppercase ? upperDigits : lowerDigits
        withUnsafeBytes(of: id.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }

    /// Writes the lowercase form into 36 bytes (the buffer must hold at least 36).
    static func write(_ id: UUID, into text: UnsafeMutableBufferPointer<UInt8>) {
        precondition(text.count >= 36)
        var position = 0
        withUnsafeBytes(of: id.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[position] = UInt8(ascii: "-")
                    position += 1
                }
                text[position] = lowerDigits[Int(byte >> 4)]
                text[position + 1] = lowerDigits[Int(byte & 0x0F)]
                position += 2
            }
        }
    }
}
