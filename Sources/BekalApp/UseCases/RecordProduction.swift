import BekalDomain
import Foundation

/// One production log entry, as typed.
public struct ProductionInput: Sendable {
    public var person: PersonReference
    public var date: LocalDate
    public var motif: String
    /// The copper cap used.
    public var cap: String
    public var quantity: Double
    public var unit: ProductionUnit
    public var grade: QualityGrade
    public var hours: Double
    public var rework: Int
    public var rejects: Int
    public var rejectReason: String?

    /// - Parameters: the batch as logged.
    public init(
        person: PersonReference, date: LocalDate, motif: String, cap: String, quantity: Double, unit: ProductionUnit,
        grade: QualityGrade, hours: Double, rework: Int = 0, rejects: Int = 0, rejectReason: String? = nil
    ) {
        self.person = person
        self.date = date
        self.motif = motif
        self.cap = cap
        self.quantity = quantity
        self.unit = unit
        self.grade = grade
        self.hours = hours
        self.rework = rework
        self.rejects = rejects
        self.rejectReason = rejectReason
    }
}

extension FacilityApp {
    /// Records a production batch (`production.recorded`).
    public func recordProduction(_ input: ProductionInput, context: ActionContext) async throws -> LedgerEvent {
        let motif = try TypedInput.text(input.motif, field: "motif", maxLength: 200)
        let cap = try TypedInput.text(input.cap, field: "cap", maxLength: 200)
        let reason = try TypedInput.optionalText(input.rejectReason, field: "reject reason", maxLength: 500)
        let person = try await storage.person(input.person)
        return try await record(context: context) { _ in
            .productionRecorded(ProductionEntry(
                id: UUID(), personID: person.id, date: input.date, motif: motif, cap: cap, quantity: input.quantity,
                unit: input.unit, grade: input.grade, rework: input.rework, rejects: input.rejects,
                rejectReason: reason, hours: input.hours))
        }
    }
}
