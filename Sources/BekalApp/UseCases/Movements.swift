import BekalCredentials
import BekalDomain
import Foundation

extension FacilityApp {
    /// Records a transfer to another facility (`person.transferred`).
    /// - Throws: conflict when the person is no longer active.
    public func transfer(
        _ reference: PersonReference, to facilityCode: String, on date: LocalDate, context: ActionContext
    ) async throws -> LedgerEvent {
        let destination = try TypedInput.text(facilityCode, field: "to", maxLength: 32)
        let person = try await storage.person(reference)
        let from = try await storage.facility().code
        return try await record(context: context) { _ in
            .transferred(Transfer(personID: person.id, fromFacility: from, toFacility: destination, date: date))
        }
    }

    /// Records a release (`person.released`) and returns the person's verification code, to be printed for them
    /// (a PK asks for it to confirm an export); a person without one gets one in the same transaction.
    /// - Throws: conflict when the person is no longer active.
    public func release(
        _ reference: PersonReference, on date: LocalDate, kind: ReleaseKind, context: ActionContext
    ) async throws -> (event: LedgerEvent, verificationCode: VerificationCode) {
        let person = try await storage.person(reference)
        let release = LedgerPayload.released(Release(personID: person.id, date: date, kind: kind))
        if try await storage.verificationCode(of: person.id) != nil {
            let event = try await record(context: context) { _ in release }
            return (event, try await verificationCode(of: .id(person.id), context: context))
        }
        let (code, issue) = Self.newVerificationCode(for: person.id)
        let events = try await recordAll(context: context) { _ in [release, issue] }
        return (events[0], code)
    }
}
