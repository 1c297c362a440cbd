import Foundation

/// The outcome of an assessment: Kompeten (K) or Belum Kompeten (BK, "not yet competent").
public enum AssessmentOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kompeten (K): the asesi meets the unit's standard.
    case kompeten = "K"
    /// Belum Kompeten (BK): not yet competent; it can be appealed (banding) and re-assessed.
    case belumKompeten = "BK"
}

/// How an asesor gathered the evidence.
public enum AssessmentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// The asesor watched the asesi at work.
    case observation
    /// The asesi gave a practical demonstration.
    case demonstration
    /// The asesor questioned the asesi.
    case questioning
    /// The asesor reviewed a portfolio of the asesi's earlier work.
    case portfolioReview = "portfolio-review"
}

/// The role of the person who assessed. Exports show the role, not the asesor's name, so printouts do not leak
/// staff names.
public enum AssessorRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// A BNSP-licensed competency assessor from an LSP.
    case bnspAssessor = "bnsp-assessor"
    /// The partner's technical mentor.
    case partnerMentor = "partner-mentor"
    /// Facility staff (pembina / wali).
    case facilityStaff = "facility-staff"
}

/// A file backing a record (a photo of the cloth, an observation checklist), stored content-addressed.
public struct Evidence: Sendable, Hashable, Codable {
    /// Lowercase hex SHA-256 of the file's bytes; also its name in the evidence store.
    public var sha256: String
    /// The file's media type as `type/subtype`, e.g. `image/jpeg` for a cloth photo or `application/pdf` for a checklist.
    public var mediaType: String
    /// What the file shows, written by staff, e.g. "Foto kain hasil cap".
    public var description: String
    /// The file's size, in bytes.
    public var byteCount: Int

    /// Creates a reference to an evidence file by its lowercase hex SHA-256 digest.
    public init(sha256: String, mediaType: String, description: String, byteCount: Int) {
        self.sha256 = sha256
        self.mediaType = mediaType
        self.description = description
        self.byteCount = byteCount
    }
}

/// The assessment of one competency unit for one person.
public struct Assessment: Sendable, Hashable, Codable, Identifiable {
    /// The assessment's id; its exported credential is `urn:uuid:<id>`.
    public var id: UUID
    /// The WBP assessed (the asesi).
    public var personID: UUID
    /// The id of the framework the unit belongs to.
    public var frameworkID: String
    /// The framework version the unit was assessed against, so later versions never strand the assessment.
    public var frameworkVersion: String
    /// The code of the unit assessed, within that framework version.
    public var unitCode: String
    /// Kompeten (K) or Belum Kompeten (BK).
    public var outcome: AssessmentOutcome
    /// The asesor's name; kept in the ledger but never shown in exports or printouts.
    public var assessorName: String
    /// The asesor's role, shown in place of their name.
    public var assessorRole: AssessorRole
    /// How the asesor gathered the evidence (observation, demonstration, questioning, portfolio review).
    public var method: AssessmentMethod
    /// The day of the assessment.
    public var date: LocalDate
    /// The files backing the outcome, e.g. cloth photos and the observation checklist.
    public var evidence: [Evidence]
    /// The asesor's free-text notes, if any.
    public var notes: String?

    /// Creates an assessment of one unit for one person.
    public init(
        id: UUID, personID: UUID, frameworkID: String, frameworkVersion: String, unitCode: String,
        outcome: AssessmentOutcome, assessorName: String, assessorRole: AssessorRole, method: AssessmentMethod,
        date: LocalDate, evidence: [Evidence] = [], notes: String? = nil
    ) {
        self.id = id
        self.personID = personID
        self.frameworkID = frameworkID
        self.frameworkVersion = frameworkVersion
        self.unitCode = unitCode
        self.outcome = outcome
        self.assessorName = assessorName
        self.assessorRole = assessorRole
        self.method = method
        self.date = date
        self.evidence = evidence
        self.notes = notes
    }
}

/// A certificate of competency from an LSP (BNSP, valid 3 years) or a partner's certificate.
public struct Certificate: Sendable, Hashable, Codable, Identifiable {
    /// The certificate record's id; its exported credential is `urn:uuid:<id>`.
    public var id: UUID
    /// The WBP who holds the certificate.
    public var personID: UUID
    /// The issuing body, e.g. "LSP Batik".
    public var issuer: String
    /// The certification scheme, e.g. "Tukang Cap".
    public var scheme: String
    /// Certificate number, opaque.
    public var number: String
    /// BNSP registration number, opaque.
    public var registrationNumber: String?
    /// The issue date printed on the certificate.
    public var issuedOn: LocalDate
    /// The expiry date; three years after issue for BNSP certificates.
    public var expiresOn: LocalDate
    /// The codes of the units the certificate covers; empty for certificates that name none.
    public var unitCodes: [String]
    /// A scan of the certificate, when one was recorded.
    public var scan: Evidence?

    /// Creates a certificate record; numbers are kept as the opaque strings printed on it.
    public init(
        id: UUID, personID: UUID, issuer: String, scheme: String, number: String, registrationNumber: String?,
        issuedOn: LocalDate, expiresOn: LocalDate, unitCodes: [String], scan: Evidence? = nil
    ) {
        self.id = id
        self.personID = personID
        self.issuer = issuer
        self.scheme = scheme
        self.number = number
        self.registrationNumber = registrationNumber
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.unitCodes = unitCodes
        self.scan = scan
    }

    /// BNSP certificates of competency are valid for three years from issue.
    public static let bnspValidityYears = 3

    /// Whether the certificate has expired on `day`; it is still valid on its expiry date itself.
    public func isExpired(on day: LocalDate) -> Bool { expiresOn < day }
}

/// Hours of training attended.
public struct TrainingSession: Sendable, Hashable, Codable, Identifiable {
    /// The session record's id.
    public var id: UUID
    /// The WBP who attended.
    public var personID: UUID
    /// The day of the session.
    public var date: LocalDate
    /// The hours attended, in hours (more than 0, at most 24).
    public var hours: Double
    /// What the session taught, e.g. "Pewarnaan colet".
    public var topic: String
    /// Who led the session, e.g. the partner's mentor or a pembina.
    public var trainer: String

    /// Creates a training session record.
    public init(id: UUID, personID: UUID, date: LocalDate, hours: Double, topic: String, trainer: String) {
        self.id = id
        self.personID = personID
        self.date = date
        self.hours = hours
        self.topic = topic
        self.trainer = trainer
    }
}

/// The unit a production quantity is counted in.
public enum ProductionUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Counted in pieces.
    case pieces
    /// Counted in metres of cloth.
    case metres
}

/// The quality grade given to a production batch.
public enum QualityGrade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Grade A, the best.
    case a = "A"
    /// Grade B.
    case b = "B"
    /// Grade C, the lowest.
    case c = "C"

    /// Orders grades A before B before C, best first.
    public static func < (lhs: QualityGrade, rhs: QualityGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One entry in the production log.
public struct ProductionEntry: Sendable, Hashable, Codable, Identifiable {
    /// The entry's id.
    public var id: UUID
    /// The WBP who produced the batch.
    public var personID: UUID
    /// The production day.
    public var date: LocalDate
    /// The batik motif stamped, e.g. a Banyumasan parang.
    public var motif: String
    /// The copper cap used.
    public var cap: String
    /// The quantity produced, in `unit` (pieces or metres).
    public var quantity: Double
    /// Whether `quantity` counts pieces or metres.
    public var unit: ProductionUnit
    /// The quality grade given to the batch.
    public var grade: QualityGrade
    /// The number of pieces that had to be reworked.
    public var rework: Int
    /// The number of pieces rejected; never more than the quantity.
    public var rejects: Int
    /// Why pieces were rejected (e.g. uneven stamp pressure); required when `rejects` is above 0.
    public var rejectReason: String?
    /// The hours worked on the batch, in hours.
    public var hours: Double

    /// Creates a production log entry.
    public init(
        id: UUID, personID: UUID, date: LocalDate, motif: String, cap: String, quantity: Double,
        unit: ProductionUnit, grade: QualityGrade, rework: Int = 0, rejects: Int = 0, rejectReason: String? = nil,
        hours: Double
    ) {
        self.id = id
        self.personID = personID
        self.date = date
        self.motif = motif
        self.cap = cap
        self.quantity = quantity
        self.unit = unit
        self.grade = grade
        self.rework = rework
        self.rejects = rejects
        self.rejectReason = rejectReason
        self.hours = hours
    }
}

/// A move of a WBP to another facility.
public struct Transfer: Sendable, Hashable, Codable {
    /// The WBP moved.
    public var personID: UUID
    /// The code of the facility the person leaves.
    public var fromFacility: String
    /// The code of the facility the person moves to; never the same as `fromFacility`.
    public var toFacility: String
    /// The day of the transfer; no record of this facility may be dated after it.
    public var date: LocalDate

    /// Creates a transfer between two facilities.
    public init(personID: UUID, fromFacility: String, toFacility: String, date: LocalDate) {
        self.personID = personID
        self.fromFacility = fromFacility
        self.toFacility = toFacility
        self.date = date
    }
}

/// How a WBP left custody.
public enum ReleaseKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pembebasan bersyarat.
    case parole
    /// Cuti bersyarat.
    case conditionalLeave = "conditional-leave"
    /// End of sentence (bebas murni).
    case endOfSentence = "end-of-sentence"
    /// Cuti menjelang bebas (CMB): leave in the last months before the end of the sentence.
    case leaveBeforeRelease = "leave-before-release"
}

/// A release event.
public struct Release: Sendable, Hashable, Codable {
    /// The WBP released.
    public var personID: UUID
    /// The day the person left custody; no record may be dated after it.
    public var date: LocalDate
    /// Parole, conditional leave, leave before release or end of sentence.
    public var kind: ReleaseKind

    /// Creates a release event.
    public init(personID: UUID, date: LocalDate, kind: ReleaseKind) {
        self.personID = personID
        self.date = date
        self.kind = kind
    }
}
