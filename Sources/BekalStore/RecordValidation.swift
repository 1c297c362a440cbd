import BekalDomain
import Foundation

/// The date and range rules a record must meet before it is appended, given the person it is about.
/// Failures name the field, never the value.
enum RecordValidation {
    /// The latest acceptable record date: the day of recording, with a day's slack for time zones (the
    /// facility keeps WIB, UTC+7, the ledger stamps UTC).
    static func latestDate(recordedAt: Date) -> LocalDate {
        LocalDate(daysSinceEpoch: Int((recordedAt.timeIntervalSince1970 / 86_400).rounded(.down)) + 1)
    }

    static func check(_ payload: LedgerPayload, person: Person?, recordedAt: Date) throws {
        let latest = latestDate(recordedAt: recordedAt)
        func date(_ date: LocalDate, _ field: String) throws {
            if date > latest { throw StoreError(.invalidInput, "\(field): the date is in the future") }
            if let person, date < person.admissionDate {
                throw StoreError(.invalidInput, "\(field): the date is before the person's admission")
            }
        }
        switch payload {
        case .personAdded(let person):
            if person.expectedReleaseDate < person.admissionDate {
                throw StoreError(.invalidInput, "expectedReleaseDate: the release date is before the admission date")
            }
            if person.admissionDate > latest {
                throw StoreError(.invalidInput, "admissionDate: the date is in the future")
            }
            if let birth = person.birthDate, birth >= person.admissionDate {
                throw StoreError(.invalidInput, "birthDate: the birth date is not before the admission date")
            }
        case .assessmentRecorded(let assessment):
            try date(assessment.date, "date")
        case .certificateRecorded(let certificate):
            if certificate.issuedOn > latest { throw StoreError(.invalidInput, "issuedOn: the date is in the future") }
            if certificate.expiresOn < certificate.issuedOn {
                throw StoreError(.invalidInput, "expiresOn: the expiry date is before the issue date")
            }
        case .trainingRecorded(let training):
            try date(training.date, "date")
            guard training.hours > 0, training.hours <= 24 else {
                throw StoreError(.invalidInput, "hours: expected more than 0 and at most 24 hours")
            }
        case .productionRecorded(let entry):
            try date(entry.date, "date")
            guard entry.hours > 0, entry.hours <= 24 else {
                throw StoreError(.invalidInput, "hours: expected more than 0 and at most 24 hours")
            }
            guard entry.quantity >= 0, entry.quantity.isFinite, entry.rework >= 0, entry.rejects >= 0 else {
                throw StoreError(.invalidInput, "quantity: expected numbers of 0 or more")
            }
            if entry.unit == .pieces, Double(entry.rejects) > entry.quantity {
                throw StoreError(.invalidInput, "rejects: more rejects than pieces produced")
            }
        case .transferred(let transfer):
            try date(transfer.date, "date")
        case .released(let release):
            try date(release.date, "date")
        default:
            break
        }
    }
}
