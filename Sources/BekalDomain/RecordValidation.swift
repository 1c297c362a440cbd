import Foundation

/// The domain rules every record must keep before it is appended to the ledger.
///
/// The rules are pure: today's date, the person and the frameworks come in through a `RecordContext`. Each
/// broken rule is reported with the field it concerns, never the value, so errors can be logged.
public enum RecordValidation {
    /// Checks a ledger payload against the rules of its kind.
    public static func validate(_ payload: LedgerPayload, in context: RecordContext) -> RecordValidationResult {
        var violations = RuleViolations()
        check(payload, in: context, into: &violations)
        return violations.result
    }

    /// Checks a payload and throws the first broken rule; for callers that stop at the first error.
    public static func require(_ payload: LedgerPayload, in context: RecordContext) throws(DomainError) {
        if let first = validate(payload, in: context).errors.first { throw first }
    }

    static func check(_ payload: LedgerPayload, in context: RecordContext, into v: inout RuleViolations) {
        switch payload {
        case .facilityInitialized(let facility):
            checkFacility(facility, into: &v)
        case .personAdded(let person):
            checkPerson(person, today: context.today, into: &v)
        case .frameworkImported(let framework):
            do { try FrameworkDocument.check(framework) } catch {
                v.add(error.code, "framework.\(error.path)", error.message)
            }
        case .assessmentRecorded(let assessment):
            checkAssessment(assessment, in: context, into: &v)
        case .certificateRecorded(let certificate):
            checkCertificate(certificate, in: context, into: &v)
        case .trainingRecorded(let session):
            checkTraining(session, in: context, into: &v)
        case .productionRecorded(let entry):
            checkProduction(entry, in: context, into: &v)
        case .transferred(let transfer):
            checkPersonMatches(transfer.personID, in: context, into: &v)
            checkDay(transfer.date, "date", in: context, into: &v, movement: true)
            v.require(transfer.fromFacility, "fromFacility")
            v.require(transfer.toFacility, "toFacility")
            if transfer.fromFacility == transfer.toFacility {
                v.add(.sameFacility, "toFacility", "A transfer goes to another facility.")
            }
        case .released(let release):
            checkPersonMatches(release.personID, in: context, into: &v)
            checkDay(release.date, "date", in: context, into: &v, movement: true)
        case .corrected(let correction):
            checkCorrection(correction, in: context, into: &v)
        case .credentialRevoked(let revocation):
            if !revocation.credentialID.hasPrefix("urn:uuid:") || UUID(uuidString: String(revocation.credentialID.dropFirst(9))) == nil {
                v.add(.invalidIdentifier, "credentialID", "A credential id is a urn:uuid: URI.")
            }
            v.require(revocation.reason, "reason", multiline: true)
        case .remissionGranted(let remission):
            checkRemission(remission, in: context, into: &v)
        case .evidenceAttached(let attachment):
            checkPersonMatches(attachment.personID, in: context, into: &v)
            if attachment.evidence.isEmpty { v.add(.invalidEvidence, "evidence", "At least one file is attached.") }
            for (index, evidence) in attachment.evidence.enumerated() {
                checkEvidence(evidence, "evidence[\(index)]", into: &v)
            }
        case .verificationCodeIssued(let issue):
            checkPersonMatches(issue.personID, in: context, into: &v)
            if issue.code.count != 13 || !issue.code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
                v.add(.invalidIdentifier, "code", "A verification code is 13 characters of Crockford base 32.")
            }
        case .account(let event):
            checkAccount(event, into: &v)
        case .privacyBudgetSpent(let spend):
            v.require(spend.facilityCode, "facilityCode")
            if spend.epsilonNumerator == 0 || spend.epsilonDenominator == 0 {
                v.add(.quantityOutOfRange, "epsilon", "Epsilon is a positive fraction.")
            }
        }
    }

    // MARK: - Rules by record

    static func checkFacility(_ facility: Facility, into v: inout RuleViolations) {
        do { try FrameworkDocument.checkIdentifier(facility.code, path: "code") } catch {
            v.add(error.code, "code", "A facility code uses only A-Z, a-z, 0-9, '.', '_' and '-'.")
        }
        v.require(facility.name, "name")
    }

    static func checkPerson(_ person: Person, today: LocalDate, into v: inout RuleViolations) {
        v.require(person.registerNumber.rawValue, "registerNumber", maxLength: 64)
        // An id and a register number must never be confused: a register number never looks like an id.
        if UUID(uuidString: person.registerNumber.rawValue) != nil {
            v.add(.invalidIdentifier, "registerNumber", "A register number cannot have the form of an internal id.")
        }
        v.require(person.fullName.rawValue, "fullName", maxLength: 200)
        if person.admissionDate > today {
            v.add(.dateInFuture, "admissionDate", "The admission date is after today.")
        }
        if person.expectedReleaseDate <= person.admissionDate {
            v.add(.dateOrder, "expectedReleaseDate", "The release date must be after the admission date.")
        }
        if let birth = person.birthDate, birth >= person.admissionDate {
            v.add(.dateOrder, "birthDate", "The birth date must be before the admission date.")
        }
        v.require(person.facilityCode, "facilityCode")
    }

    static func checkAssessment(_ a: Assessment, in context: RecordContext, into v: inout RuleViolations) {
        checkPersonMatches(a.personID, in: context, into: &v)
        checkDay(a.date, "date", in: context, into: &v)
        if let framework = context.framework(id: a.frameworkID, version: a.frameworkVersion) {
            if framework.unit(code: a.unitCode) == nil {
                v.add(.unknownUnit, "unitCode", "The unit is not in this framework version.")
            }
        } else {
            v.add(.unknownFramework, "frameworkID", "The framework version has not been imported.")
        }
        v.require(a.assessorName, "assessorName", maxLength: 200)
        v.allow(a.notes, "notes")
        for (index, evidence) in a.evidence.enumerated() { checkEvidence(evidence, "evidence[\(index)]", into: &v) }
    }

    static func checkCertificate(_ c: Certificate, in context: RecordContext, into v: inout RuleViolations) {
        checkPersonMatches(c.personID, in: context, into: &v)
        // A certificate may predate admission (earned before the sentence), so only the future and the days after
        // the person left the facility (released or transferred) are refused, as for every other record.
        if let left = context.person?.leftOn, c.issuedOn > left {
            v.add(.dateAfterExit, "issuedOn",
                  "The issue date is after the person left the facility (released or transferred).")
        }
        if c.issuedOn > context.today { v.add(.dateInFuture, "issuedOn", "The issue date is after today.") }
        if c.expiresOn <= c.issuedOn { v.add(.dateOrder, "expiresOn", "The expiry date must be after the issue date.") }
        v.require(c.issuer, "issuer")
        v.require(c.scheme, "scheme")
        v.require(c.number, "number")
        if let registration = c.registrationNumber { v.require(registration, "registrationNumber") }
        for (index, code) in c.unitCodes.enumerated() { v.require(code, "unitCodes[\(index)]") }
        if let scan = c.scan { checkEvidence(scan, "scan", into: &v) }
    }

    static func checkTraining(_ t: TrainingSession, in context: RecordContext, into v: inout RuleViolations) {
        checkPersonMatches(t.personID, in: context, into: &v)
        checkDay(t.date, "date", in: context, into: &v)
        if !(t.hours.isFinite && t.hours > 0 && t.hours <= 24) {
            v.add(.hoursOutOfRange, "hours", "Training hours are more than 0 and at most 24 for one day.")
        }
        v.require(t.topic, "topic", multiline: true)
        v.require(t.trainer, "trainer")
    }

    static func checkProduction(_ p: ProductionEntry, in context: RecordContext, into v: inout RuleViolations) {
        checkPersonMatches(p.personID, in: context, into: &v)
        checkDay(p.date, "date", in: context, into: &v)
        v.require(p.motif, "motif")
        v.require(p.cap, "cap")
        if !(p.quantity.isFinite && p.quantity >= 0 && p.quantity <= 1_000_000) {
            v.add(.quantityOutOfRange, "quantity", "The quantity is a number from 0 to 1,000,000.")
        }
        if p.rework < 0 { v.add(.quantityOutOfRange, "rework", "Rework is a count of at least 0.") }
        if p.rejects < 0 {
            v.add(.quantityOutOfRange, "rejects", "Rejects are a count of at least 0.")
        } else if p.quantity.isFinite, p.quantity >= 0, Double(p.rejects) > p.quantity {
            v.add(.rejectsExceedQuantity, "rejects", "Rejects cannot exceed the quantity produced.")
        }
        if p.rejects > 0, !(p.rejectReason?.contains(where: { !$0.isWhitespace }) ?? false) {
            v.add(.rejectReasonMissing, "rejectReason", "A reason is required when there are rejects.")
        }
        v.allow(p.rejectReason, "rejectReason")
        if !(p.hours.isFinite && p.hours >= 0 && p.hours <= 24) {
            v.add(.hoursOutOfRange, "hours", "Production hours are from 0 to 24 for one day.")
        }
    }

    static func checkCorrection(_ c: Correction, in context: RecordContext, into v: inout RuleViolations) {
        v.require(c.reason, "reason", multiline: true)
        guard let replacement = c.replacement else { return }
        switch replacement {
        case .corrected, .facilityInitialized, .frameworkImported, .credentialRevoked, .privacyBudgetSpent,
            .remissionGranted, .evidenceAttached, .verificationCodeIssued, .account:
            v.add(.invalidReplacement, "replacement", "Only a person's record can be replaced by a correction.")
        default:
            if replacement.personID != c.personID {
                v.add(.invalidReplacement, "replacement.personID", "A replacement is about the same person.")
            }
            var nested = RuleViolations(prefix: "replacement")
            check(replacement, in: context, into: &nested)
            v.append(contentsOf: nested)
        }
    }

    static func checkRemission(_ r: Remission, in context: RecordContext, into v: inout RuleViolations) {
        checkPersonMatches(r.personID, in: context, into: &v)
        checkDay(r.grantedOn, "grantedOn", in: context, into: &v)
        v.require(r.decree, "decree", maxLength: 100)
        if r.months < 0 || r.days < 0 || r.months > 120 || r.days > 3660 || (r.months == 0 && r.days == 0) {
            v.add(.invalidRemission, "months", "A remisi grants at least one day, in whole months and days.")
        }
        if let person = context.person {
            if r.previousReleaseDate != person.expectedReleaseDate {
                v.add(.invalidRemission, "previousReleaseDate", "The remisi starts from the expected release date recorded now.")
            }
            if r.newReleaseDate <= person.admissionDate {
                v.add(.invalidRemission, "newReleaseDate", "The remisi cannot move the release date to or before admission.")
            }
        }
        if r.newReleaseDate != Remission.shortened(r.previousReleaseDate, months: r.months, days: r.days) {
            v.add(.invalidRemission, "newReleaseDate", "The new release date is the previous one less the remisi.")
        }
    }

    // MARK: - Shared rules

    static func checkPersonMatches(_ personID: UUID, in context: RecordContext, into v: inout RuleViolations) {
        if context.person?.id != personID {
            v.add(.unknownPerson, "personID", "The person is not in the ledger.")
        }
    }

    /// An event day lies between the person's admission and today, and not after they left the facility.
    /// - Parameter movement: a release or transfer, which a person who already left cannot make at all (the
    ///   ledger refuses it as "no longer active"), whatever its date.
    static func checkDay(
        _ date: LocalDate, _ field: String, in context: RecordContext, into v: inout RuleViolations,
        movement: Bool = false
    ) {
        if let person = context.person, date < person.admissionDate {
            v.add(.dateBeforeAdmission, field, "The date is before the person's admission.")
        }
        if !movement, let left = context.person?.leftOn, date > left {
            v.add(.dateAfterExit, field, "The date is after the person left the facility (released or transferred).")
        }
        if date > context.today { v.add(.dateInFuture, field, "The date is after today.") }
    }

    static func checkEvidence(_ e: Evidence, _ field: String, into v: inout RuleViolations) {
        let hex = e.sha256.utf8
        if hex.count != 64 || !hex.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
            v.add(.invalidEvidence, "\(field).sha256", "A digest is 64 lowercase hexadecimal digits.")
        }
        let parts = e.mediaType.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count != 2 || parts.contains(where: { $0.isEmpty || $0.contains(" ") }) {
            v.add(.invalidEvidence, "\(field).mediaType", "A media type is written type/subtype.")
        }
        if e.byteCount < 0 { v.add(.invalidEvidence, "\(field).byteCount", "A byte count is at least 0.") }
    }
}

extension Certificate {
    /// The expiry of a BNSP certificate issued on `issuedOn` when the certificate does not state one: three years.
    public static func defaultExpiry(issuedOn: LocalDate) -> LocalDate {
        issuedOn.adding(years: bnspValidityYears)
    }
}
