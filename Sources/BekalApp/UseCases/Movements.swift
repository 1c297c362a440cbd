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

    /// Records a release (`person.released`).
    /// - Throws: conflict when the person is no longer active.
    public func release(
        _ reference: PersonReference, on date: LocalDate, kind: ReleaseKind, context: ActionContext
    ) async throws -> LedgerEvent {
        let person = try await storage.person(reference)
        return try await record(context: context) { _ in .released(Release(personID: person.id, date: date, kind: kind)) }
    }
}
