import BekalDomain
import GRDB

/// Recomputes the hash chain from the stored bytes and reports the first event that fails a policy.
struct ChainVerifier: Sendable {
    var policies: [any ChainPolicy] = [SequencePolicy(), LinkPolicy(), DigestPolicy()]

    func verify(_ db: Database) throws -> ChainVerification {
        let events = try StoredEventReader.cursor(db)
        var previous: StoredEvent?
        var count = 0
        while let event = try events.next() {
            for policy in policies {
                if let failure = policy.check(event, after: previous) { return .broken(failure) }
            }
            previous = event
            count += 1
        }
        return .intact(count: count, headHash: previous?.hash ?? EventDigest.genesis)
    }
}
