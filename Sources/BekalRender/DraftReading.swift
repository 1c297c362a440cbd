import BekalDomain

extension PortfolioView {
    /// The counselor's view of a person's current record before export: the same page, with a DRAFT banner in
    /// place of a verdict and no fingerprint (there is no file yet).
    /// - Parameters:
    ///   - portfolio: the record as the store derives it now.
    ///   - today: the facility's calendar day, for the banner and for marking expired certificates.
    ///   - evidence: the store's evidence directory, to show thumbnails and check hashes.
    public init(draft portfolio: Portfolio, today: LocalDate, evidence: EvidenceDirectory?) {
        let standing = PortfolioStanding(portfolio, today: today)
        verdict = .draft(preparedOn: today)
        summary = nil
        checkNotes = []
        productionMark = nil
        holder = .named(portfolio.person.fullName.rawValue)
        facilityName = portfolio.facility.name
        issuedAt = nil
        frameworkTitle = portfolio.framework.title
        frameworkVersion = portfolio.framework.version
        isSampleFramework = portfolio.framework.isSample
        fingerprint = nil
        units = standing.units.map { unit in
            // A revoked unit shows the outcome that was withdrawn (of the assessment the standing's row describes),
            // marked, as the reading of an export with that credential revoked does: "not assessed" would say no
            // one ever assessed it.
            let withdrawn = unit.status == .revoked
                ? portfolio.assessments.first { $0.id == unit.assessmentID }?.outcome : nil
            let status: UnitStatus =
                switch (unit.status, withdrawn) {
                case (.competent, _), (.revoked, .kompeten?): .kompeten
                case (.notYetCompetent, _), (.revoked, .belumKompeten?): .belumKompeten
                case (.neverAssessed, _), (.revoked, nil): .notAssessed
                }
            return UnitRow(
                code: unit.code, title: unit.title, isCore: unit.isCore, status: status, assessedOn: unit.assessedOn,
                assessorRole: unit.assessorRole?.rawValue, mark: unit.status == .revoked ? .revoked : nil)
        }
        certificates = standing.certificates.map { c in
            let number = portfolio.certificates.first { $0.id == c.id }?.number ?? ""
            return CertificateRow(
                issuer: c.issuer, scheme: c.scheme, number: number, issuedOn: c.issuedOn, expiresOn: c.expiresOn,
                isExpired: c.isExpired, mark: c.isRevoked ? .revoked : nil)
        }
        var piecesByGrade: [QualityGrade: Double] = [:]
        var months: [String: [QualityGrade: Double]] = [:]
        for entry in portfolio.production where entry.unit == .pieces {
            piecesByGrade[entry.grade, default: 0] += entry.quantity
            months[String(entry.date.description.prefix(7)), default: [:]][entry.grade, default: 0] += entry.quantity
        }
        production = ProductionSummary(
            trainingHours: standing.training.hours, trainingSessions: standing.training.sessions,
            piecesByGrade: piecesByGrade,
            metres: portfolio.production.filter { $0.unit == .metres }.reduce(0) { $0 + $1.quantity },
            rejects: portfolio.production.reduce(0) { $0 + $1.rejects },
            rework: portfolio.production.reduce(0) { $0 + $1.rework },
            months: months.keys.sorted().map { MonthRow(month: $0, pieces: months[$0] ?? [:]) })

        var rows: [EvidenceRow] = []
        let latest = portfolio.latestAssessmentByUnit
        for unit in portfolio.framework.units {
            for file in latest[unit.code]?.evidence ?? [] {
                rows.append(EvidenceRow(
                    sha256: file.sha256, mediaType: file.mediaType, description: file.description, backs: unit.code,
                    check: evidence?.check(sha256: file.sha256, mediaType: file.mediaType) ?? .notChecked))
            }
        }
        for certificate in portfolio.certificates {
            guard let scan = certificate.scan else { continue }
            rows.append(EvidenceRow(
                sha256: scan.sha256, mediaType: scan.mediaType, description: scan.description, backs: certificate.scheme,
                check: evidence?.check(sha256: scan.sha256, mediaType: scan.mediaType) ?? .notChecked))
        }
        self.evidence = rows
    }
}
