import Foundation

/// The outcome of an assessment: Kompeten (K) or Belum Kompeten (BK, "not yet competent").
public enum AssessmentOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case kompeten = "K"
    case belumKompeten = "BK"
}

/// How an asesor gathered the evidence.
public enum AssessmentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case observation
    case demonstration
    case questioning
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
    public var mediaType: String
    public var description: String
    public var byteCount: Int

    public init(sha256: String, mediaType: String, description: String, byteCount: Int) {
        self.sha256 = sha256
        self.mediaType = mediaType
        self.description = description
        self.byteCount = byteCount
    }
}

/// The assessment of one competency unit for one person.
public struct Assessment: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var personID: UUID
    public var frameworkID: String
    public var frameworkVersion: String
    public var unitCode: String
    public var outcome: AssessmentOutcome
    public var assessorName: String
    public var assessorRole: AssessorRole
    public var method: AssessmentMethod
    public var date: LocalDate
    public var evidence: [Evidence]
    public var notes: String?

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
    public var id: UUID
    public var personID: UUID
    /// The issuing body, e.g. "LSP Batik".
    public var issuer: String
    /// The certification scheme, e.g. "Tukang Cap".
    public var scheme: String
    /// Certificate number, opaque.
    public var number: String
    /// BNSP registration number, opaque.
    public var registrationNumber: String?
    public var issuedOn: LocalDate
    public var expiresOn: LocalDate
    public var unitCodes: [String]
    /// A scan of the certificate, when one was recorded.
    public var scan: Evidence?

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

    public func isExpired(on day: LocalDate) -> Bool { expiresOn < day }
}

/// Hours of training attended.
public struct TrainingSession: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var personID: UUID
    public var date: LocalDate
    public var hours: Double
    public var topic: String
    public var trainer: String

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
    case pieces
    case metres
}

/// The quality grade given to a production batch.
public enum QualityGrade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"

    public static func < (lhs: QualityGrade, rhs: QualityGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One entry in the production log.
public struct ProductionEntry: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var personID: UUID
    public var date: LocalDate
    public var motif: String
    /// The copper cap used.
    public var cap: String
    public var quantity: Double
    public var unit: ProductionUnit
    public var grade: QualityGrade
    public var rework: Int
    public var rejects: Int
    public var rejectReason: String?
    public var hours: Double

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
    public var personID: UUID
    public var fromFacility: String
    public var toFacility: String
    public var date: LocalDate

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
    public var personID: UUID
    public var date: LocalDate
    public var kind: ReleaseKind

    public init(personID: UUID, date: LocalDate, kind: ReleaseKind) {
        self.personID = personID
        self.date = date
        self.kind = kind
    }
}
