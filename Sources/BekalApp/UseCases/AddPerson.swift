import BekalDomain
import Foundation

/// A WBP joining the programme, as typed.
public struct NewPerson: Sendable {
    /// The register number from SDP (kept as given, trimmed).
    public var registerNumber: String
    /// The full name.
    public var fullName: String
    /// The admission date.
    public var admissionDate: LocalDate
    /// The expected release date.
    public var expectedReleaseDate: LocalDate
    /// The birth date, when known.
    public var birthDate: LocalDate?
    /// The responsible counselor (wali) to assign; when `nil`, a counselor adding the person becomes theirs.
    public var counselor: String? = nil

    /// - Parameters: the person's details as recorded at admission.
    public init(
        registerNumber: String, fullName: String, admissionDate: LocalDate, expectedReleaseDate: LocalDate,
        birthDate: LocalDate? = nil
    ) {
        self.registerNumber = registerNumber
        self.fullName = fullName
        self.admissionDate = admissionDate
        self.expectedReleaseDate = expectedReleaseDate
        self.birthDate = birthDate
    }
}

extension FacilityApp {
    /// Adds a WBP to the programme (`person.added`), issues their identity verification code and assigns their
    /// counselor (`caseload.assigned`, when one is given or a counselor adds them), in one transaction.
    /// - Returns: the event and the new person (with the internal id Bekal gave them).
    /// - Throws: invalid input (empty, invisible characters, a register number shaped like an id, release before
    ///   admission), conflict (the register number is already recorded).
    public func addPerson(_ input: NewPerson, context: ActionContext) async throws -> (event: LedgerEvent, person: Person) {
        guard let number = RegisterNumber(input.registerNumber) else {
            throw AppError(.invalidInput, "register number: a value is required", field: "registerNumber",
                           reason: .valueRequired)
        }
        guard let name = PersonName(input.fullName) else {
            throw AppError(.invalidInput, "name: a value is required", field: "fullName", reason: .valueRequired)
        }
        let person = Person(
            id: UUID(), registerNumber: number, fullName: name, birthDate: input.birthDate,
            admissionDate: input.admissionDate, expectedReleaseDate: input.expectedReleaseDate, status: .active,
            facilityCode: try await storage.facility().code)
        let (_, issue) = Self.newVerificationCode(for: person.id)
        let wali = try await responsibleCounselor(input.counselor, context: context)
        let events = try await recordAll(context: context) { _ in
            [.personAdded(person), issue]
                + (wali.map { [.account(AccountEvent(action: .caseloadAssigned, account: $0, personID: person.id))] } ?? [])
        }
        return (events[0], person)
    }
}

extension FacilityApp {
    /// The counselor a new person is assigned to: the one named, else the acting account when it is a counselor.
    private func responsibleCounselor(_ named: String?, context: ActionContext) async throws -> String? {
        if let named = try TypedInput.optionalText(named, field: "counselor", maxLength: 64) { return named }
        let account = try await actingAccount(context)
        return account?.role == .counselor ? account?.name : nil
    }
}
