import BekalDomain
/// Sequence numbers start at 1 and have no gaps, so a deleted event shows as a missing number.
struct SequencePolicy: ChainPolicy {
    func check(_ event: StoredEvent, after previous: StoredEvent?) -> ChainBreak? {
        let expected = (previous?.columns.sequence ?? 0) + 1
        guard event.columns.sequence != expected else { return nil }
        return ChainBreak(
            sequence: expected, reason: .missingEvent,
            message: "SequencePolicy: event \(expected) is missing (the next stored event is \(event.columns.sequence))")
    }
}
