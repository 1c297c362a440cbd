import BekalDomain
/// The stored columns hash to the stored hash, so an edit to any column of an event shows.
struct DigestPolicy: ChainPolicy {
    func check(_ event: StoredEvent, after previous: StoredEvent?) -> ChainBreak? {
        guard EventDigest.hash(event.columns) != event.hash else { return nil }
        return ChainBreak(
            sequence: event.columns.sequence, reason: .editedEvent,
            message: "DigestPolicy: event \(event.columns.sequence) was changed after it was recorded")
    }
}
