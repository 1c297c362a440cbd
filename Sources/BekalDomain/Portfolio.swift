/// Everything a person's record shows at one moment, derived from the ledger: the input of the portfolio view,
/// the readiness check and the export.
public struct Portfolio: Sendable, Hashable {
    public var person: Person
    /// The facility that holds the record and issues the export.
    public var facility: Facility
    public var framework: CompetencyFramework
    /// Every assessment in effect (corrections applied, retractions removed), oldest first.
    public var assessments: [Assessment]
    public var certificates: [Certificate]
    public var training: [TrainingSession]
    public var production: [ProductionEntry]

    public init(
        person: Person, facility: Facility, framework: CompetencyFramework, assessments: [Assessment],
        certificates: [Certificate], training: [TrainingSession], production: [ProductionEntry]
    ) {
        self.person = person
        self.facility = facility
        self.framework = framework
        self.assessments = assessments
        self.certificates = certificates
        self.training = training
        self.production = production
    }

    /// The latest assessment of each unit of the framework (a BK followed by a K after banding shows the K).
    public var latestAssessmentByUnit: [String: Assessment] {
        var latest: [String: Assessment] = [:]
        for assessment in assessments
        where assessment.frameworkID == framework.id && assessment.frameworkVersion == framework.version {
            if let current = latest[assessment.unitCode], current.date > assessment.date { continue }
            latest[assessment.unitCode] = assessment
        }
        return latest
    }

    public var trainingHours: Double { training.reduce(0) { $0 + $1.hours } }
}
