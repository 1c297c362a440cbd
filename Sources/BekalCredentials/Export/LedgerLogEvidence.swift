import BekalJSON
import BekalLog

/// What an export carries, under its own proof, to show that the records its credentials were built from are in
/// the facility's ledger: the ledger's signed checkpoint at export time and, for each credential, the inclusion
/// proof of every event it was built from (RFC 9162 §2.1.3). The `ledgerLog` member of the outer `ClrCredential`,
/// defined by Bekal's context `https://bekal.id/contexts/log/v1` (docs/credentials.md, "The ledger log proof"):
///
/// ```json
/// "ledgerLog": {
///   "checkpoint": "bekal.id/ledger/lapas-pwt\n5122\nCsUY…=\n\n— bekal.id/ledger/lapas-pwt AbCd…\n",
///   "records": [
///     { "credential": "urn:uuid:…",
///       "events": [ { "sequence": 17, "leafEntry": "<base64, 32 bytes>", "inclusionProof": "<base64> <base64> …" } ] }
///   ]
/// }
/// ```
///
/// A leaf entry is the 32-byte digest of the event's stored columns (docs/ledger.md, "The leaf entry"): whoever
/// holds the ledger recomputes it from event `sequence`; the file itself reveals nothing of the event. The proof's
/// hashes are one string, space-separated, because JSON-LD would read a list of strings as an unordered set and an
/// `eddsa-rdfc-2022` signature would then not cover their order.
public struct LedgerLogEvidence: Sendable, Hashable {
    /// The member name in the outer credential.
    public static let member = "ledgerLog"
    /// At most this many events are read from one export (the verifier's work limit for log proofs; a portfolio
    /// has a few hundred).
    public static let maximumEvents = 50_000

    /// One event a credential was built from, with its inclusion proof in the checkpoint's tree.
    public struct Event: Sendable, Hashable {
        /// The event's sequence number; its leaf index is `sequence - 1`.
        public var sequence: Int64
        /// The event's leaf entry (its leaf hash is SHA-256(0x00 ‖ entry)).
        public var leafEntry: MerkleHash
        /// The inclusion proof of leaf `sequence - 1` in the checkpoint's tree.
        public var inclusionProof: [MerkleHash]

        /// - Parameters:
        ///   - sequence: the event's sequence number (from 1).
        ///   - leafEntry: its leaf entry.
        ///   - inclusionProof: its inclusion proof in the checkpoint's tree.
        public init(sequence: Int64, leafEntry: MerkleHash, inclusionProof: [MerkleHash]) {
            self.sequence = sequence
            self.leafEntry = leafEntry
            self.inclusionProof = inclusionProof
        }
    }

    /// The events one credential of the export was built from.
    public struct Record: Sendable, Hashable {
        /// The credential's id (`urn:uuid:…`): the outer export's or an embedded credential's.
        public var credentialID: String
        /// Its events, in ledger order.
        public var events: [Event]

        /// - Parameters:
        ///   - credentialID: the credential's id.
        ///   - events: the events it was built from.
        public init(credentialID: String, events: [Event]) {
            self.credentialID = credentialID
            self.events = events
        }
    }

    /// The signed checkpoint (C2SP signed note, serialized), signed with the key that signs the export.
    public var checkpoint: String
    /// One entry per credential.
    public var records: [Record]

    /// - Parameters:
    ///   - checkpoint: the signed note of the ledger's checkpoint at export time.
    ///   - records: the events of each credential with their inclusion proofs in that checkpoint's tree.
    public init(checkpoint: String, records: [Record]) {
        self.checkpoint = checkpoint
        self.records = records
    }

    /// The events listed for `credentialID` (empty when it has no entry).
    public func events(of credentialID: String) -> [Event] {
        records.filter { $0.credentialID == credentialID }.flatMap(\.events)
    }

    /// The member's value as the export writes it.
    public var json: JSONValue {
        .object(JSONObject([
            ("checkpoint", .string(checkpoint)),
            ("records", .array(records.map { record in
                .object(JSONObject([
                    ("credential", .string(record.credentialID)),
                    ("events", .array(record.events.map { event in
                        .object(JSONObject([
                            ("sequence", .number(Double(event.sequence))),
                            ("leafEntry", .string(event.leafEntry.base64)),
                            ("inclusionProof", .string(event.inclusionProof.map(\.base64).joined(separator: " "))),
                        ]))
                    })),
                ]))
            })),
        ]))
    }

    /// Reads the member strictly: every field present with its type, sequences from 1 to 2^53, hashes canonical
    /// base64 of 32 bytes, at most `maximumEvents` events.
    /// - Throws: `CredentialError.documentMalformed` naming the field at fault (never a value).
    /// - Parameter credentialID: when given, only that credential's events are read (the others' records keep
    ///   their credential id and no events): each embedded credential checks its own events, and the export's
    ///   check reads the whole member once, instead of every credential reading every proof.
    public init(json: JSONValue, onlyEventsOf credentialID: String? = nil) throws(CredentialError) {
        func malformed(_ why: String) -> CredentialError { CredentialError(.documentMalformed, "ledgerLog: \(why)") }
        guard let object = json.objectValue, let checkpoint = object["checkpoint"]?.stringValue,
            let list = object["records"]?.arrayValue
        else { throw malformed("not an object with a checkpoint string and a records list") }
        var records: [Record] = []
        var total = 0
        for item in list {
            guard let credential = item["credential"]?.stringValue, let events = item["events"]?.arrayValue else {
                throw malformed("a record lacks its credential or events")
            }
            total += events.count
            guard total <= Self.maximumEvents else { throw malformed("more than \(Self.maximumEvents) events") }
            var parsed: [Event] = []
            for event in events where credentialID == nil || credentialID == credential {
                guard let number = event["sequence"]?.numberValue, number >= 1, number <= 9_007_199_254_740_992,
                    number.rounded() == number, let entryText = event["leafEntry"]?.stringValue,
                    let proofText = event["inclusionProof"]?.stringValue
                else { throw malformed("an event lacks a whole sequence number, a leaf entry or an inclusion proof") }
                // Hashes read from the UTF-8 bytes: splitting the String walked grapheme clusters and decoded each
                // hash through Data and a re-encoding (≈ 15% of a Bapas receiving run's profile).
                do {
                    parsed.append(Event(
                        sequence: Int64(number), leafEntry: try MerkleHash(base64: entryText),
                        inclusionProof: try MerkleHash.list(base64: proofText, limit: 64)))
                } catch {
                    throw malformed("a leaf entry or proof hash is not canonical base64 of 32 bytes, or a proof has more than 64")
                }
            }
            records.append(Record(credentialID: credential, events: parsed))
        }
        self.init(checkpoint: checkpoint, records: records)
    }
}
