import Foundation
import Testing

@testable import BekalDomain

@Suite("Record validation")
struct RecordValidationTests {
    /// The (code, field) pairs a payload breaks.
    func broken(_ payload: LedgerPayload, _ context: RecordContext = Build.context) -> [String] {
        RecordValidation.validate(payload, in: context).errors.map { "\($0.code.name) \($0.path)" }
    }

    @Test("a well-formed record of each kind is valid")
    func validRecords() {
        let payloads: [LedgerPayload] = [
            .facilityInitialized(Facility(code: "LAPAS-PWT", name: "Lapas Purwokerto")),
            .personAdded(Build.person()),
            .frameworkImported(Build.framework),
            .assessmentRecorded(Build.assessment("U1", .kompeten)),
            .certificateRecorded(Build.certificate()),
            .trainingRecorded(Build.training(3)),
            .productionRecorded(Build.production(10, rejects: 2)),
            .transferred(Transfer(personID: Build.personID, fromFacility: "LAPAS-TEST", toFacility: "LAPAS-B", date: Build.today)),
            .released(Release(personID: Build.personID, date: Build.today, kind: .parole)),
            .corrected(Correction(correctedEventID: UUID(), personID: Build.personID, reason: "salah ketik", replacement: .trainingRecorded(Build.training(2)))),
            .corrected(Correction(correctedEventID: UUID(), personID: Build.personID, reason: "dobel", replacement: nil)),
            .credentialRevoked(CredentialRevocation(credentialID: "urn:uuid:\(UUID().uuidString.lowercased())", reason: "dicabut")),
        ]
        for payload in payloads {
            #expect(RecordValidation.validate(payload, in: Build.context) == .valid, "\(payload.kind)")
        }
    }

    @Test("an assessment before admission, in the future, or of an unknown unit or framework is refused")
    func assessmentRules() {
        #expect(broken(.assessmentRecorded(Build.assessment("U1", .kompeten, on: "2025-05-31"))) == ["dateBeforeAdmission date"])
        #expect(broken(.assessmentRecorded(Build.assessment("U1", .kompeten, on: "2025-06-01"))) == [])
        #expect(broken(.assessmentRecorded(Build.assessment("U1", .kompeten, on: "2026-11-30"))) == ["dateInFuture date"])
        #expect(broken(.assessmentRecorded(Build.assessment("U1", .kompeten, on: "2026-11-29"))) == [])
        #expect(broken(.assessmentRecorded(Build.assessment("U9", .kompeten))) == ["unknownUnit unitCode"])
        var other = Build.assessment("U1", .kompeten)
        other.frameworkVersion = "2"
        #expect(broken(.assessmentRecorded(other)) == ["unknownFramework frameworkID"])
        var blank = Build.assessment("U1", .kompeten)
        blank.assessorName = "  "
        #expect(broken(.assessmentRecorded(blank)) == ["emptyField assessorName"])
    }

    @Test("a record about a person the ledger does not know is refused")
    func unknownPerson() {
        let noPerson = RecordContext(today: Build.today, person: nil, frameworks: [Build.framework])
        #expect(broken(.trainingRecorded(Build.training(2)), noPerson) == ["unknownPerson personID"])
        var stranger = Build.training(2)
        stranger.personID = UUID()
        #expect(broken(.trainingRecorded(stranger)) == ["unknownPerson personID"])
    }

    @Test("evidence must have a lowercase SHA-256 and a type/subtype media type")
    func evidenceRules() {
        var a = Build.assessment("U1", .kompeten, evidence: 2)
        a.evidence[0].sha256 = String(repeating: "AB", count: 32)
        a.evidence[1].mediaType = "jpeg"
        #expect(broken(.assessmentRecorded(a)) == ["invalidEvidence evidence[0].sha256", "invalidEvidence evidence[1].mediaType"])
    }

    @Test("a certificate expires after it is issued; without an expiry BNSP's three years apply")
    func certificateRules() {
        #expect(broken(.certificateRecorded(Build.certificate(issued: "2026-02-01", expires: "2026-02-01"))) == ["dateOrder expiresOn"])
        #expect(broken(.certificateRecorded(Build.certificate(issued: "2026-02-01", expires: "2025-02-01"))) == ["dateOrder expiresOn"])
        #expect(broken(.certificateRecorded(Build.certificate(issued: "2026-12-01"))) == ["dateInFuture issuedOn"])
        // Earned before admission is fine.
        #expect(broken(.certificateRecorded(Build.certificate(issued: "2020-01-01"))) == [])
        #expect(Build.certificate(issued: "2026-02-01").expiresOn == LocalDate("2029-02-01"))
        #expect(Certificate.defaultExpiry(issuedOn: LocalDate("2024-02-29")!) == LocalDate("2027-02-28"))
    }

    @Test("training hours are more than 0 and at most 24")
    func trainingHours() {
        #expect(broken(.trainingRecorded(Build.training(0))) == ["hoursOutOfRange hours"])
        #expect(broken(.trainingRecorded(Build.training(-1))) == ["hoursOutOfRange hours"])
        #expect(broken(.trainingRecorded(Build.training(24.5))) == ["hoursOutOfRange hours"])
        #expect(broken(.trainingRecorded(Build.training(.nan))) == ["hoursOutOfRange hours"])
        #expect(broken(.trainingRecorded(Build.training(24))) == [])
        #expect(broken(.trainingRecorded(Build.training(0.5))) == [])
        #expect(broken(.trainingRecorded(Build.training(2, on: "2025-01-01"))) == ["dateBeforeAdmission date"])
    }

    @Test("production: quantity at least 0, rejects within the quantity and with a reason")
    func productionRules() {
        #expect(broken(.productionRecorded(Build.production(-1))) == ["quantityOutOfRange quantity"])
        #expect(broken(.productionRecorded(Build.production(0))) == [])
        #expect(broken(.productionRecorded(Build.production(5, rejects: 6))) == ["rejectsExceedQuantity rejects"])
        #expect(broken(.productionRecorded(Build.production(5, rejects: 5))) == [])
        #expect(broken(.productionRecorded(Build.production(5, rejects: 1, reason: " "))) == ["rejectReasonMissing rejectReason"])
        #expect(broken(.productionRecorded(Build.production(5, rejects: -1))) == ["quantityOutOfRange rejects"])
        #expect(broken(.productionRecorded(Build.production(5, rework: -1))) == ["quantityOutOfRange rework"])
        #expect(broken(.productionRecorded(Build.production(5, hours: 25))) == ["hoursOutOfRange hours"])
        #expect(broken(.productionRecorded(Build.production(5, on: "2026-12-25"))) == ["dateInFuture date"])
    }

    @Test("a person is released after admission, born before it, and admitted by today")
    func personRules() {
        #expect(broken(.personAdded(Build.person(admission: "2025-06-01", release: "2025-06-01"))) == ["dateOrder expectedReleaseDate"])
        #expect(broken(.personAdded(Build.person(admission: "2025-06-01", release: "2024-01-01"))) == ["dateOrder expectedReleaseDate"])
        #expect(broken(.personAdded(Build.person(birth: "2025-06-01"))) == ["dateOrder birthDate"])
        #expect(broken(.personAdded(Build.person(birth: nil))) == [])
        #expect(broken(.personAdded(Build.person(admission: "2026-12-01", release: "2028-01-01"))) == ["dateInFuture admissionDate"])
    }

    @Test("release and transfer dates lie between admission and today; a transfer changes facility")
    func releaseAndTransfer() {
        #expect(broken(.released(Release(personID: Build.personID, date: LocalDate("2025-05-01")!, kind: .parole))) == ["dateBeforeAdmission date"])
        #expect(broken(.released(Release(personID: Build.personID, date: LocalDate("2027-01-15")!, kind: .endOfSentence))) == ["dateInFuture date"])
        #expect(broken(.transferred(Transfer(personID: Build.personID, fromFacility: "A", toFacility: "A", date: Build.today))) == ["sameFacility toFacility"])
    }

    @Test("a correction needs a reason, and its replacement is checked like a new record")
    func corrections() {
        #expect(broken(.corrected(Correction(correctedEventID: UUID(), personID: Build.personID, reason: "", replacement: nil))) == ["emptyField reason"])
        #expect(broken(.corrected(Correction(correctedEventID: UUID(), personID: Build.personID, reason: "x", replacement: .trainingRecorded(Build.training(30))))) == ["hoursOutOfRange replacement.hours"])
        let nested = LedgerPayload.corrected(Correction(correctedEventID: UUID(), personID: Build.personID, reason: "x", replacement: nil))
        #expect(broken(.corrected(Correction(correctedEventID: UUID(), personID: Build.personID, reason: "x", replacement: nested))) == ["invalidReplacement replacement"])
    }

    @Test("several broken rules are all reported, and none of the messages contain the values")
    func allRulesReported() throws {
        let entry = Build.production(-3, rejects: 1, reason: "", hours: 30, on: "2020-01-01")
        #expect(broken(.productionRecorded(entry)) == [
            "dateBeforeAdmission date", "quantityOutOfRange quantity", "rejectReasonMissing rejectReason", "hoursOutOfRange hours",
        ])
        let text = RecordValidation.validate(.productionRecorded(entry), in: Build.context).errors.map(\.description).joined()
        #expect(!text.contains("2020-01-01") && !text.contains("-3") && !text.contains("30"))
        let error = #expect(throws: DomainError.self) { try RecordValidation.require(.productionRecorded(entry), in: Build.context) }
        #expect(error?.code == .dateBeforeAdmission)
    }

    @Test("framework and facility payloads are checked with the framework rules")
    func frameworkPayload() {
        var framework = Build.framework
        framework.units[1].code = "U1"
        #expect(broken(.frameworkImported(framework)) == ["duplicateUnitCode framework.units[1].code"])
        #expect(broken(.facilityInitialized(Facility(code: "LAPAS PWT", name: "x"))) == ["invalidIdentifier code"])
    }
}
