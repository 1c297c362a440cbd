import BekalDomain
import Foundation

/// Hours of training attended, as typed.
public struct TrainingInput: Sendable {
    /// The WBP who attended, by register number or id.
    public var person: PersonReference
    /// The day of the session.
    public var date: LocalDate
    /// The hours attended (more than 0, at most 24).
    public var hours: Double
    /// What the session taught, e.g. "Pewarnaan colet".
    public var topic: String
    /// Who gave the session.
    public var trainer: String

    /// - Parameters: the session as attended.
    public init(person: PersonReference, date: LocalDate, hours: Double, topic: String, trainer: String) {
        self.person = person
        self.date = date
        self.hours = hours
        self.topic = topic
        self.trainer = trainer
    }
}

extension FacilityApp {
    /// Records a training session (`training.recorded`).
    public func recordTraining(_ input: TrainingInput, context: ActionContext) async throws -> LedgerEvent {
        let topic = try TypedInput.text(input.topic, field: "topic", maxLength: 200, multiline: true)
        let trainer = try TypedInput.text(input.trainer, field: "trainer", maxLength: 200)
        let person = try await storage.person(input.person)
        return try await record(context: context) { _ in
            .trainingRecorded(TrainingSession(
                id: UUID(), personID: person.id, date: input.date, hours: input.hours, topic: topic, trainer: trainer))
        }
    }
}
