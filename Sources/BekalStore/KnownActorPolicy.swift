import BekalDomain

/// Which actors the ledger knows at each event, walking the events in order: an actor is known when an
/// `account.created` event before it created an account of that name.
///
/// Events from before the facility had any account are not judged: a ledger made before accounts existed, or the
/// events `init` and the demo record before their first account (the facility itself), name whoever ran Bekal.
/// The first `account.created` event is the bootstrap (the first admin, recorded as created by itself) and is not
/// judged either. From then on Bekal records only for an existing account, so an event naming anyone else was
/// written outside Bekal.
struct KnownActors {
    /// The accounts created so far.
    private(set) var accounts: Set<String> = []
    /// Whether an `account.created` event has been seen.
    private(set) var hasAccounts = false

    /// Takes the next event in sequence order.
    /// - Returns: whether its actor is known (always true before the first account exists, and for that account's
    ///   own creation).
    mutating func admit(_ event: EventDigest.Columns) -> Bool {
        let known = !hasAccounts || accounts.contains(event.actor)
        if event.type == "account.created", let created = Self.createdAccount(event) {
            hasAccounts = true
            accounts.insert(created)
        }
        return known
    }

    /// The account an `account.created` event creates, `nil` when its payload cannot be read as one (such an event
    /// creates nothing; other checks report it).
    static func createdAccount(_ event: EventDigest.Columns) -> String? {
        guard case .account(let account)? = try? PayloadCoding.decode(event.payload, sequence: event.sequence),
            account.action == .created
        else { return nil }
        return account.account
    }
}

/// Every event names an actor the ledger knows at that point (`KnownActors`): an account created, by an
/// `account.created` event, before it. An event forged with SQL naming an account that never existed ("eve"),
/// chain hash and all, is found anywhere in the ledger, before or after the checkpoint, even when the insider also
/// wrote its leaf in the stored tree. It does not catch a forgery that names a real account: that one is only
/// attributable (see docs/ledger.md).
struct KnownActorPolicy: AuditPolicy {
    /// At most this many runs of consecutive events are named one by one; the rest are summed up in one finding.
    static let namedRuns = 20

    func check(_ context: AuditContext) throws -> [AuditFailure] {
        // Runs of consecutive positions.
        var runs: [ClosedRange<UInt64>] = []
        for position in context.unknownActors {
            if let last = runs.last, last.upperBound + 1 == position {
                runs[runs.count - 1] = last.lowerBound...position
            } else {
                runs.append(position...position)
            }
        }
        // One run more than the limit is named rather than summed up: a summary always covers two events or more.
        let named = runs.count > Self.namedRuns + 1 ? Self.namedRuns : runs.count
        var failures = runs.prefix(named).map { run -> AuditFailure in
            let range = AuditContext.events(run.lowerBound, run.upperBound)
            return failure(range, AuditContext.describe(
                range,
                "names an actor that was not an account of the facility at that point (no earlier account.created "
                    + "event created it): Bekal records only for existing accounts, so it was written outside Bekal",
                "name actors that were not accounts of the facility at that point (no earlier account.created "
                    + "event created them): Bekal records only for existing accounts, so they were written outside "
                    + "Bekal"))
        }
        let rest = runs.dropFirst(named)
        if let first = rest.first, let last = rest.last {
            let count = rest.reduce(UInt64(0)) { $0 + ($1.upperBound - $1.lowerBound + 1) }
            failures.append(failure(
                AuditContext.events(first.lowerBound, last.upperBound),
                "\(count) more events, between event \(first.lowerBound + 1) and event \(last.upperBound + 1), name "
                    + "actors that were not accounts of the facility at that point: they were written outside Bekal"))
        }
        return failures
    }

    private func failure(_ events: ClosedRange<Int64>, _ message: String) -> AuditFailure {
        AuditFailure(reason: .unknownActor, events: events, message: "KnownActorPolicy: \(message)")
    }
}
