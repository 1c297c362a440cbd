import Foundation

/// UTF-8 bytes compared and hashed as raw bytes: exact code points (unlike `String` equality, which merges
/// canonically equivalent strings), hashed as one block rather than byte by byte as `[UInt8]` is.
struct ByteString: Hashable, Sendable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.count == rhs.bytes.count && ByteOrder.compare(lhs.bytes, rhs.bytes) == 0
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// Code-point (unsigned byte) order of UTF-8 byte strings, as RDFC-1.0 sorts lines and hashes.
enum ByteOrder {
    /// Negative, zero or positive as `a` sorts before, equal to, or after `b`.
    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = Int(memcmp(l, r, common))
                    if order != 0 { return order }
                }
                return left.count - right.count
            }
        }
    }
}
