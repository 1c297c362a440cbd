import Foundation

/// Ids for new ledger events that sort in the order the events are appended: version 7 UUIDs (RFC 9562
/// §5.7) whose 48-bit time is the recording time and whose next 40 bits hold the event's sequence number
/// (§6.2, method 1: a dedicated counter), then 34 random bits.
///
/// Two indexes hold event ids (`ledger_event.event_id` and each projection's primary key). Random (version 4)
/// ids land anywhere in those B-trees, so a large import rewrites pages all over them; ordered ids are added
/// at their right-hand edge. Ids stay unique within a ledger through the sequence number, even when the
/// clock stands still or goes back. They reveal the recording time and the sequence, which the event itself
/// stores beside them; record ids (`Assessment.id`, ..., the ones credentials carry) stay random.
struct OrderedEventIDs {
    private let milliseconds: UInt64
    private var random = RandomUUIDs()

    init(recordedAt: Date) {
        let since1970 = (recordedAt.timeIntervalSince1970 * 1000).rounded(.down)
        // Times before 1970 or after the year 10889 do not fit 48 bits; they are clamped (ids stay unique).
        milliseconds = since1970 <= 0 ? 0 : UInt64(min(since1970, Double((1 << 48) - 1)))
    }

    /// The id of the event with this sequence number.
    mutating func next(sequence: Int64) -> UUID {
        let counter = UInt64(bitPattern: sequence) & ((1 << 40) - 1)
        let noise = random.next()
        var id = noise.uuid
        withUnsafeMutableBytes(of: &id) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * index)) }
            raw[6] = 0x70 | UInt8(truncatingIfNeeded: counter >> 36)  // version 7, counter bits 39...36
            raw[7] = UInt8(truncatingIfNeeded: counter >> 28)  // counter bits 35...28
            raw[8] = 0x80 | UInt8(truncatingIfNeeded: (counter >> 22) & 0x3F)  // variant 10, bits 27...22
            raw[9] = UInt8(truncatingIfNeeded: counter >> 14)
            raw[10] = UInt8(truncatingIfNeeded: counter >> 6)
            // The low six counter bits, then two random bits; bytes 12...15 stay random.
            raw[11] = UInt8(truncatingIfNeeded: counter << 2) | (raw[11] & 0x03)
        }
        return UUID(uuid: id)
    }
}
