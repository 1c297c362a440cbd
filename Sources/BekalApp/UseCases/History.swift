import BekalDomain
import Foundation

/// One event in a person's history, with what later events did to it.
public struct HistoryEntry: Sendable {
    /// Where a record stands now.
    public enum Standing: String, Sendable, Hashable, Codable {
        /// In effect as recorded.
        case current
        /// Replaced by a correction (the correction's replacement is in effect).
        case corrected
        /// Withdrawn by a retraction.
        case retracted
        /// Not a record that can be corrected (a movement, a correction, a revocation, …).
        case notARecord = "not-a-record"
    }

    /// The event as recorded in the ledger.
    public var event: LedgerEvent
    /// The day the record is about (the assessment's date, the release date, …), when it has one.
    public var recordDate: LocalDate?
    /// What the event records, in both languages (no names of staff; the person's own details only on
    /// `person.added` and its corrections, which say what changed, old → new).
    public var summary: LocalizedText
    /// Whether the record is in effect, corrected, retracted, or not a record at all.
    public var standing: Standing
    /// The corrections and retractions of this event, oldest first.
    public var correctedBy: [UUID]
    /// For a correction or retraction: the event it corrects.
    public var corrects: UUID?
    /// The credential id an export gave this record (`urn:uuid:<record id>`), when one was exported; `revoke`
    /// takes it (or the event id).
    public var credentialID: String?
    /// Whether that credential was revoked.
    public var revoked: Bool
}

/// Everything recorded about one person, in ledger order.
public struct PersonHistory: Sendable {
    /// The person as they stand now.
    public var person: Person
    /// Every event about the person, in ledger order, with what later events did to it.
    public var entries: [HistoryEntry]
}

extension FacilityApp {
    /// Every event about a person (records, corrections, movements, remisi, attachments, revocations), each with
    /// its id, kind, dates, actor, and what corrected or retracted it.
    public func history(of reference: PersonReference, context: ActionContext) async throws -> PersonHistory {
        try await authorize(.read, context: context)
        let person = try await storage.person(reference)
        let events = try await storage.events(about: person.id)
        // Without issuer keys nothing was ever exported, so no record has a credential id. Only this person's
        // records are looked up: the whole list grows with every export the facility made.
        let credentials = events.map { HistoryText.recordID($0.payload).map { "urn:uuid:" + $0.uuidString.lowercased() } }
        var indices: [String: Int] = [:]
        if let setup = try? await issuerSetup() {
            indices = try await storage.statusIndices(listURL: setup.statusListURL, credentialIDs: credentials.compactMap { $0 })
        }
        let revoked = try await storage.revokedCredentials()
        var corrections: [UUID: [LedgerEvent]] = [:]
        // Each record as it stands after the events so far, and for each correction the record it replaced (the
        // original, or the replacement of the correction before it), so its summary can say old → new.
        var standingRecord: [UUID: LedgerPayload] = [:]
        var replaced: [UUID: LedgerPayload] = [:]
        for event in events {
            if case .corrected(let correction) = event.payload {
                corrections[correction.correctedEventID, default: []].append(event)
                replaced[event.id] = standingRecord[correction.correctedEventID]
                if let replacement = correction.replacement { standingRecord[correction.correctedEventID] = replacement }
            } else if HistoryText.isRecord(event.payload) {
                standingRecord[event.id] = event.payload
            }
        }
        let entries = zip(events, credentials).map { event, credential -> HistoryEntry in
            let later = corrections[event.id] ?? []
            var standing: HistoryEntry.Standing = HistoryText.isRecord(event.payload) ? .current : .notARecord
            if let last = later.last, case .corrected(let correction) = last.payload {
                standing = correction.replacement == nil ? .retracted : .corrected
            }
            var corrects: UUID?
            if case .corrected(let correction) = event.payload { corrects = correction.correctedEventID }
            let exported = credential.flatMap { indices[$0] != nil ? $0 : nil }
            return HistoryEntry(
                event: event, recordDate: HistoryText.recordDate(event.payload),
                summary: HistoryText.summary(event.payload, replacing: replaced[event.id]),
                standing: standing, correctedBy: later.map(\.id), corrects: corrects, credentialID: exported,
                revoked: exported.map { revoked[$0] != nil } ?? false)
        }
        return PersonHistory(person: person, entries: entries)
    }
}
