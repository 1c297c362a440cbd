import BekalDomain
/// One check on one stored event, given the event before it. A small policy type per rule, combined by
/// `ChainVerifier`.
protocol ChainPolicy: Sendable {
    func check(_ event: StoredEvent, after previous: StoredEvent?) -> ChainBreak?
}

/// The stored columns of an event, exactly as read from the file.
struct StoredEvent: Sendable {
    var columns: EventDigest.Columns
    var hash: String
}
