import Foundation

/// One thing a portfolio still lacks before release, with text for the counselor in both languages.
public struct MissingItem: Sendable, Hashable, Codable {
    /// The kind of gap, with a stable name for `--json` output.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A core unit was never assessed.
        case unitNeverAssessed = "unit-never-assessed"
        /// A core unit's latest assessment is Belum Kompeten.
        case unitNotYetCompetent = "unit-not-yet-competent"
        /// A Kompeten unit has no evidence file.
        case evidenceMissing = "evidence-missing"
        /// Fewer training hours than the policy asks.
        case trainingHours = "training-hours"
        /// No certificate valid on the release date.
        case validCertificate = "valid-certificate"
        /// Fewer good pieces than the policy asks.
        case productionPieces = "production-pieces"
    }

    /// Which requirement of the policy is not met.
    public var kind: Kind
    /// The unit concerned, for unit and evidence items.
    public var unitCode: String?
    /// What the portfolio has and what the policy asks, for counted items.
    public var have: Double?
    /// What the policy asks, for counted items (hours, good pieces).
    public var need: Double?
    /// The counselor's message in Indonesian and English, naming the unit or the numbers.
    public var text: LocalizedText
    /// The record id of the assessment the item is about (a Belum Kompeten unit, a Kompeten unit without
    /// evidence), so that `bekal correct` or `bekal attach` can name it.
    public var assessmentID: UUID?

    /// Creates a missing item; `unitCode`, `have`, `need` and `assessmentID` are set only where they apply.
    public init(
        kind: Kind, unitCode: String? = nil, have: Double? = nil, need: Double? = nil, text: LocalizedText,
        assessmentID: UUID? = nil
    ) {
        self.kind = kind
        self.assessmentID = assessmentID
        self.unitCode = unitCode
        self.have = have
        self.need = need
        self.text = text
    }
}

/// Whether one person's portfolio is release-ready, and if not what is missing.
public struct ReadinessReport: Sendable, Hashable, Codable {
    /// The WBP the report is about.
    public var personID: UUID
    /// The expected release date the portfolio is measured against.
    public var expectedReleaseDate: LocalDate
    /// Days from today to the expected release date; negative once it has passed.
    public var daysUntilRelease: Int
    /// `true` when nothing is missing.
    public var ready: Bool
    /// What the portfolio still lacks, in a fixed order: units, evidence, training, certificate, production.
    public var missing: [MissingItem]
}

/// The readiness check: a portfolio measured against a `ReadinessPolicy`.
public enum Readiness {
    /// Evaluates a portfolio on `today`. Items come in a fixed order: units (framework order), evidence,
    /// training, certificate, production.
    public static func evaluate(_ portfolio: Portfolio, policy: ReadinessPolicy = .default, today: LocalDate) -> ReadinessReport {
        var missing: [MissingItem] = []
        let latest = portfolio.latestAssessmentByUnit
        let units = portfolio.framework.units
        if policy.requireAllCoreUnitsKompeten {
            for unit in units where unit.isCore {
                switch latest[unit.code]?.outcome {
                case nil:
                    missing.append(MissingItem(
                        kind: .unitNeverAssessed, unitCode: unit.code,
                        text: LocalizedText(
                            id: "Unit \(unit.code) (\(unit.title.id)) belum pernah diases.",
                            en: "Unit \(unit.code) (\(unit.title.en)) has never been assessed.")))
                case .belumKompeten:
                    missing.append(MissingItem(
                        kind: .unitNotYetCompetent, unitCode: unit.code,
                        text: LocalizedText(
                            id: "Unit \(unit.code) (\(unit.title.id)) masih Belum Kompeten.",
                            en: "Unit \(unit.code) (\(unit.title.en)) is still Belum Kompeten (not yet competent)."),
                        assessmentID: latest[unit.code]?.id))
                case .kompeten:
                    break
                }
            }
        }
        if policy.requireEvidenceForKompetenUnits {
            for unit in units {
                guard let assessment = latest[unit.code], assessment.outcome == .kompeten, assessment.evidence.isEmpty
                else { continue }
                missing.append(MissingItem(
                    kind: .evidenceMissing, unitCode: unit.code,
                    text: LocalizedText(
                        id: "Unit \(unit.code) Kompeten tetapi tanpa bukti (foto kain, ceklis observasi).",
                        en: "Unit \(unit.code) is Kompeten but has no evidence (cloth photo, observation checklist)."),
                    assessmentID: assessment.id))
            }
        }
        let hours = portfolio.trainingHours
        if hours < policy.minimumTrainingHours {
            missing.append(MissingItem(
                kind: .trainingHours, have: hours, need: policy.minimumTrainingHours,
                text: LocalizedText(
                    id: "Jam pelatihan \(formatID(hours)) dari minimal \(formatID(policy.minimumTrainingHours)).",
                    en: "Training hours \(format(hours)) of at least \(format(policy.minimumTrainingHours)).")))
        }
        let release = portfolio.person.expectedReleaseDate
        if policy.requireValidCertificate,
            !portfolio.standingCertificates.contains(where: { $0.issuedOn <= today && !$0.isExpired(on: release) })
        {
            missing.append(MissingItem(
                kind: .validCertificate,
                text: LocalizedText(
                    id: "Tidak ada sertifikat yang masih berlaku pada tanggal bebas.",
                    en: "No certificate is valid on the release date.")))
        }
        if let need = policy.minimumProductionPieces {
            let good = portfolio.production.filter { $0.unit == .pieces }
                .reduce(0.0) { $0 + max(0, $1.quantity - Double($1.rejects)) }
            if good < need {
                missing.append(MissingItem(
                    kind: .productionPieces, have: good, need: need,
                    text: LocalizedText(
                        id: "Produksi \(formatID(good)) potong baik dari minimal \(formatID(need)).",
                        en: "Production \(format(good)) good pieces of at least \(format(need)).")))
            }
        }
        return ReadinessReport(
            personID: portfolio.person.id, expectedReleaseDate: release,
            daysUntilRelease: release.daysSinceEpoch - today.daysSinceEpoch, ready: missing.isEmpty, missing: missing)
    }

    /// The Indonesian text's figures (`3,5`).
    static func formatID(_ value: Double) -> String { TypedNumber.text(value, decimalComma: true) }

    /// The English text's figures (`3.5`).
    static func format(_ value: Double) -> String { TypedNumber.text(value, decimalComma: false) }
}
