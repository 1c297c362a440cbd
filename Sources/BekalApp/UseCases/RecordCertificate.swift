import BekalDomain
import Foundation

/// A certificate of competency, as typed.
public struct CertificateInput: Sendable {
    /// The holder, by register number or id.
    public var person: PersonReference
    /// The issuing body, e.g. "LSP Batik".
    public var issuer: String
    /// The certification scheme, e.g. "Tukang Cap".
    public var scheme: String
    /// The certificate's number, as printed on it.
    public var number: String
    /// The BNSP registration number, when the certificate has one (kept as printed).
    public var registrationNumber: String?
    /// The issue date.
    public var issuedOn: LocalDate
    /// The expiry date; three years after issue (BNSP) when `nil`.
    public var expiresOn: LocalDate?
    /// The framework units it covers; each must exist in the framework imported last.
    public var unitCodes: [String]
    /// A scan of the certificate.
    public var scan: EvidenceUpload?

    /// - Parameters: the certificate as issued.
    public init(
        person: PersonReference, issuer: String, scheme: String, number: String, registrationNumber: String? = nil,
        issuedOn: LocalDate, expiresOn: LocalDate? = nil, unitCodes: [String] = [], scan: EvidenceUpload? = nil
    ) {
        self.person = person
        self.issuer = issuer
        self.scheme = scheme
        self.number = number
        self.registrationNumber = registrationNumber
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.unitCodes = unitCodes
        self.scan = scan
    }
}

extension FacilityApp {
    /// Records a certificate (`certificate.recorded`), with its scan.
    /// - Throws: not found (person; a unit code not in the framework, listing the valid ones), invalid input.
    public func recordCertificate(_ input: CertificateInput, context: ActionContext) async throws -> LedgerEvent {
        let issuer = try TypedInput.text(input.issuer, field: "issuer", maxLength: 200)
        let scheme = try TypedInput.text(input.scheme, field: "scheme", maxLength: 200)
        let number = try TypedInput.text(input.number, field: "number", maxLength: 100)
        let registration = try TypedInput.optionalText(input.registrationNumber, field: "registration number",
                                                       maxLength: 100)
        let expiresOn = input.expiresOn ?? input.issuedOn.adding(years: Certificate.bnspValidityYears)
        guard input.issuedOn <= expiresOn else {
            throw AppError(.invalidInput, "expires: the expiry date is before the issue date", field: "expires",
                           reason: .expiryBeforeIssue)
        }
        let person = try await storage.person(input.person)
        var units: [String] = []
        if !input.unitCodes.isEmpty {
            let framework = try await framework(id: nil, version: nil)
            units = try input.unitCodes.map { code throws(AppError) in try Self.unit(code, in: framework) }
        }
        let finalUnits = units
        return try await record(storing: input.scan.map { [$0] } ?? [], context: context) { evidence in
            .certificateRecorded(Certificate(
                id: UUID(), personID: person.id, issuer: issuer, scheme: scheme, number: number,
                registrationNumber: registration, issuedOn: input.issuedOn, expiresOn: expiresOn,
                unitCodes: finalUnits, scan: evidence.first))
        }
    }
}
