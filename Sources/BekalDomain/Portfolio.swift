import Foundation

/// Everything a person's record shows at one moment, derived from the ledger: the input of the portfolio view,
/// the readiness check and the export.
public struct Portfolio: Sendable, Hashable {
    /// The WBP whose portfolio this is.
    public var person: Person
    /// The facility that holds the record and issues the export.
    public var facility: Facility
    /// The competency framework version the portfolio's unit standings are measured against.
    public var framework: CompetencyFramework
    /// Every assessment in effect (corrections applied, retractions removed), oldest first.
    public var assessments: [Assessment]
    /// Every certificate in effect, revoked ones included (see `standingCertificates`), oldest first.
    public var certificates: [Certificate]
    /// Every training session in effect, oldest first.
    public var training: [TrainingSession]
    /// Every production log entry in effect, oldest first.
    public var production: [ProductionEntry]
    /// Records whose exported credential the facility revoked (dicabut): shown as revoked, no longer counted, and
    /// left out of new exports.
    public var revokedRecordIDs: Set<UUID>

    /// Creates a portfolio from records already derived from the ledger (corrections applied).
    public init(
        person: Person, facility: Facility, framework: CompetencyFramework, assessments: [Assessment],
        certificates: [Certificate], training: [TrainingSession], production: [ProductionEntry],
        revokedRecordIDs: Set<UUID> = []
    ) {
        self.person = person
        self.facility = facility
        self.framework = framework
        self.assessments = assessments
        self.certificates = certificates
        self.training = training
        self.production = production
        self.revokedRecordIDs = revokedRecordIDs
    }

    /// The latest assessment of each unit of the framework that still stands (a BK followed by a K after banding
    /// shows the K; a revoked assessment no longer stands, so the unit falls back to the one before).
    public var latestAssessmentByUnit: [String: Assessment] {
        var latest: [String: Assessment] = [:]
        for assessment in assessments
        where assessment.frameworkID == framework.id && assessment.frameworkVersion == framework.version
            && !revokedRecordIDs.contains(assessment.id)
        {
            if let current = latest[assessment.unitCode], current.date > assessment.date { continue }
            latest[assessment.unitCode] = assessment
        }
        return latest
    }

    /// The latest assessment of each unit of the framework, revoked ones included (a revoked one is what the
    /// unit's row shows: its date, role and id, marked dicabut).
    public var latestAssessmentIncludingRevokedByUnit: [String: Assessment] {
        var latest: [String: Assessment] = [:]
        for assessment in assessments
        where assessment.frameworkID == framework.id && assessment.frameworkVersion == framework.version {
            if let current = latest[assessment.unitCode], current.date > assessment.date { continue }
            latest[assessment.unitCode] = assessment
        }
        return latest
    }

    /// The units whose latest assessment was revoked (so they show as dicabut, not as their earlier standing).
    public var revokedUnitCodes: Set<String> {
        Set(latestAssessmentIncludingRevokedByUnit.values.filter { revokedRecordIDs.contains($0.id) }.map(\.unitCode))
    }

    /// The certificates that still stand: not revoked (expired ones are kept; their expiry is shown).
    public var standingCertificates: [Certificate] { certificates.filter { !revokedRecordIDs.contains($0.id) } }

    /// Total training hours over every session, in hours.
    public var trainingHours: Double { training.reduce(0) { $0 + $1.hours } }
}
