import BekalDomain
/// Each event's `prev_hash` is the stored hash of the event before it (64 zeros for the first), so removing,
/// inserting or swapping events breaks a link.
struct LinkPolicy: ChainPolicy {
    func check(_ event: StoredEvent, after previous: StoredEvent?) -> ChainBreak? {
        let expected = previous?.hash ?? EventDigest.genesis
        guard event.columns.previousHash != expected else { return nil }
        return ChainBreak(
            sequence: event.columns.sequence, reason: .brokenLink,
            message: "LinkPolicy: event \(event.columns.sequence) does not link to the event before it")
    }
}
