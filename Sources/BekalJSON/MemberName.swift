/// The order in which an object's members appear in its canonical form: by the UTF-16 code units of their names
/// (RFC 8785 §3.2.3).
///
/// Each name is read once into a `MemberName` holding its first 16 UTF-8 bytes packed into two integers, so most
/// comparisons are two integer comparisons instead of a walk over two strings; only names that agree on those 16
/// bytes, or that hold a byte where UTF-8 and UTF-16 order part (0xEE, 0xEF), are compared in full by
/// `UTF16Order`.
struct MemberName {
    /// UTF-8 bytes 0–7 of the name, first byte most significant, zero-padded.
    var high: UInt64 = 0
    /// UTF-8 bytes 8–15, likewise.
    var low: UInt64 = 0
    /// The name's length in UTF-8 bytes.
    var length = 0
    /// The member's position in the object.
    var position: Int
    /// No packed byte is 0xEE or 0xEF, so comparing the packed integers compares in UTF-16 order.
    var isOrderedByBytes = true
    /// The whole name is packed and none of it needs escaping, so its quoted form can be written from the
    /// packed bytes.
    var isWritable = false

    init(_ name: String, position: Int) {
        self.position = position
        let read: Void? = name.utf8.withContiguousStorageIfAvailable { pack($0) }
        if read == nil { Array(name.utf8).withUnsafeBufferPointer { pack($0) } }
    }

    private mutating func pack(_ utf8: UnsafeBufferPointer<UInt8>) {
        length = utf8.count
        guard let base = utf8.baseAddress else { return }
        let packed = min(length, 16)
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            raw.baseAddress?.copyMemory(from: base, byteCount: packed)
        }
        // In memory (little-endian) the first byte is the least significant: byte-swapped, it is the most.
        high = UInt64(littleEndian: words.0).byteSwapped
        low = UInt64(littleEndian: words.1).byteSwapped
        // For the byte tests, bytes past the name are filled with a letter, which none of the tests matches.
        let first = Self.filled(UInt64(littleEndian: words.0), validBytes: packed)
        let second = Self.filled(UInt64(littleEndian: words.1), validBytes: packed - 8)
        isOrderedByBytes = !(ByteScan.hasByte(equalTo: 0xEE, first) || ByteScan.hasByte(equalTo: 0xEF, first)
            || ByteScan.hasByte(equalTo: 0xEE, second) || ByteScan.hasByte(equalTo: 0xEF, second))
        isWritable = length <= 16 && !ByteScan.hasEscapable(first) && !ByteScan.hasEscapable(second)
    }

    /// `word` (first byte least significant) with the bytes beyond `validBytes` replaced by `A`.
    @inline(__always)
    private static func filled(_ word: UInt64, validBytes: Int) -> UInt64 {
        if validBytes >= 8 { return word }
        if validBytes <= 0 { return 0x4141_4141_4141_4141 }
        let mask: UInt64 = (1 << (8 * UInt64(validBytes))) - 1
        return word & mask | 0x4141_4141_4141_4141 & ~mask
    }

    /// Whether this name sorts before `other`; `names` gives the full names when the packed bytes cannot decide.
    @inline(__always)
    func precedes(_ other: MemberName, names: [String]) -> Bool {
        if isOrderedByBytes && other.isOrderedByBytes {
            if high != other.high { return high < other.high }
            if low != other.low { return low < other.low }
            // Equal first 16 bytes: a name that ends within them is a prefix of the other, so it comes first.
            if length <= 16 || other.length <= 16 { return length < other.length }
        }
        return UTF16Order.precedes(names[position], names[other.position])
    }

    /// Writes `"name"` from the packed bytes; only for `isWritable` names.
    @inline(__always)
    func writeQuoted(to output: inout JSONOutput) {
        output.reserve(18)
        output.write(UInt8(ascii: "\""))
        var bytes = (high.bigEndian, low.bigEndian)
        let length = length
        withUnsafeBytes(of: &bytes) { raw in
            guard let start = raw.baseAddress else { return }
            output.write(start.assumingMemoryBound(to: UInt8.self), count: length)
        }
        output.write(UInt8(ascii: "\""))
    }

    /// Sorts `members` into canonical order: insertion sort for the small objects signed documents are made
    /// of, the standard sort beyond that.
    static func sort(_ members: UnsafeMutableBufferPointer<MemberName>, names: [String]) {
        let count = members.count
        guard count > 1 else { return }
        if count > 24 {
            var members = members
            members.sort { $0.precedes($1, names: names) }
            return
        }
        for current in 1..<count {
            let moving = members[current]
            var slot = current
            while slot > 0, moving.precedes(members[slot - 1], names: names) {
                members[slot] = members[slot - 1]
                slot -= 1
            }
            members[slot] = moving
        }
    }
}
