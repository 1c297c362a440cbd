import BekalDomain
import GRDB

/// Recomputes the hash chain from the stored bytes and reports the first event that fails a policy.
struct ChainVerifier: Sendable {
    var policies: [any ChainPolicy] = [SequencePolicy(), LinkPolicy(), DigestPolicy()]

    func verify(_ db: Database) throws -> ChainVerification {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT sequence, event_id, type, person_id, payload, actor, facility_code, recorded_at, natural_key,
                   prev_hash, hash
            FROM ledger_event ORDER BY sequence
            """)
        var previous: StoredEvent?
        var count = 0
        while let row = try rows.next() {
            let event = StoredEvent(
                columns: EventDigest.Columns(
                    sequence: row["sequence"], eventID: text(row, "event_id"), type: text(row, "type"),
                    personID: optionalText(row, "person_id"),
                    payload: text(row, "payload"), actor: text(row, "actor"),
                    facilityCode: text(row, "facility_code"), recordedAt: text(row, "recorded_at"),
                    naturalKey: optionalText(row, "natural_key"),
                    previousHash: text(row, "prev_hash")),
                hash: text(row, "hash"))
            for policy in policies {
                if let failure = policy.check(event, after: previous) { return .broken(failure) }
            }
            previous = event
            count += 1
        }
        return .intact(count: count, headHash: previous?.hash ?? EventDigest.genesis)
    }

    /// A column as text; a value an attacker stored with another type still hashes (and so fails) instead of
    /// stopping the verification.
    private func text(_ row: Row, _ column: String) -> String { text(row[column] as DatabaseValue) }

    private func optionalText(_ row: Row, _ column: String) -> String? {
        let value: DatabaseValue = row[column]
        return value.isNull ? nil : text(value)
    }

    private func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let data): String(decoding: data, as: UTF8.self)
        }
    }
}
