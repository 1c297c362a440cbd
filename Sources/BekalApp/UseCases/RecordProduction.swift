import BekalDomain
import Foundation

/// One production log entry, as typed.
public struct ProductionInput: Sendable {
    /// The WBP who produced the batch, by register number or id.
    public var person: PersonReference
    /// The production day.
    public var date: LocalDate
    /// The batik motif stamped.
    public var motif: String
    /// The copper cap used.
    public var cap: String
    /// The quantity produced, in `unit`.
    public var quantity: Double
    /// Whether `quantity` counts pieces or metres.
    public var unit: ProductionUnit
    /// The quality grade given to the batch.
    public var grade: QualityGrade
    /// The hours worked on the batch.
    public var hours: Double
    /// How many pieces had to be reworked.
    public var rework: Int
    /// How many pieces were rejected; never more than the quantity.
    public var rejects: Int
    /// Why pieces were rejected; required when `rejects` is above 0.
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
