import Foundation

/// N-Quads lines written one after another into one byte buffer, then sorted and joined in code-point order.
///
/// RDFC-1.0 sorts lines twice: every quad of the dataset for the canonical form, and the quads of each blank node
/// for its first-degree hash. Sorting an array of `[UInt8]` lines retains and releases two arrays per comparison
/// (≈ 4% of an export's canonicalization in the profile) and allocates one array per line; here a line is a
/// range of one buffer and a comparison is one `memcmp`.
struct LineBuffer {
    /// The lines' bytes, each line ending with its line feed.
    var bytes: [UInt8] = []
    /// Where each line starts in `bytes`; a line ends where the next starts (the last at `bytes.count`).
    private var starts: [Int] = []

    init(lines: Int = 0, bytes byteCount: Int = 0) {
        starts.reserveCapacity(lines)
        bytes.reserveCapacity(byteCount)
    }

    /// Empties the buffer, keeping its storage for the next lines.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
    }

    /// Starts a new line; the caller then appends its bytes to `bytes`.
    mutating func beginLine() { starts.append(bytes.count) }

    /// The lines in code-point (unsigned byte) order, joined; with `droppingDuplicates`, equal lines (exact
    /// bytes, not `String` equality, which merges canonically equivalent strings) appear once.
    func sortedJoined(droppingDuplicates: Bool) -> [UInt8] {
        var joined: [UInt8] = []
        sortedJoined(droppingDuplicates: droppingDuplicates, into: &joined)
        return joined
    }

    /// ``sortedJoined(droppingDuplicates:)`` written over `joined`, whose storage is reused.
    func sortedJoined(droppingDuplicates: Bool, into joined: inout [UInt8]) {
        joined.removeAll(keepingCapacity: true)
        joined.reserveCapacity(bytes.count)
        var ranges: [(start: Int, count: Int)] = []
        ranges.reserveCapacity(starts.count)
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            ranges.append((start, end - start))
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            func compare(_ a: (start: Int, count: Int), _ b: (start: Int, count: Int)) -> Int {
                let order = memcmp(base + a.start, base + b.start, min(a.count, b.count))
                return order != 0 ? Int(order) : a.count - b.count
            }
            ranges.sort { compare($0, $1) < 0 }
            var previous: (start: Int, count: Int)?
            for range in ranges {
                if droppingDuplicates, let previous, compare(previous, range) == 0 { continue }
                joined.append(contentsOf: UnsafeBufferPointer(start: base + range.start, count: range.count))
                previous = range
            }
        }
    }
}
