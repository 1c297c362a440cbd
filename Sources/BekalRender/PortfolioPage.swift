import BekalCredentials
import BekalDomain
import Foundation

/// Renders a `PortfolioView` as one self-contained HTML document: inline CSS and SVG, images as `data:` URIs,
/// no script and no external request. Every text from the data goes through `HTMLText.escape`.
public struct PortfolioPage: Sendable {
    public var view: PortfolioView
    public var language: PageLanguage

    public init(view: PortfolioView, language: PageLanguage = .indonesian) {
        self.view = view
        self.language = language
    }

    private var labels: PageLabels { language.labels }
    private func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The complete HTML document.
    public func html() -> String {
        let parts = [
            "<!DOCTYPE html>",
            #"<html lang="\#(language.rawValue)">"#,
            "<head>",
            #"<meta charset="utf-8">"#,
            // No network, no script, even if a future change slipped one in.
            #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">"#,
            #"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
            "<title>\(e(labels.documentTitle)) — \(e(view.facilityName))</title>",
            "<style>\n\(PageStyle.css(labels, sheetMark: sheetMark))\n</style>",
            "</head>",
            "<body><main>", watermark,
            header, verdictBanner, personSection, competencySection, certificateSection, productionSection,
            evidenceSection, fingerprintSection,
            "<footer>\(e(labels.madeBy))</footer>",
            "</main></body>",
            "</html>",
        ]
        return parts.joined(separator: "\n") + "\n"
    }

    /// Repeated on every printed page (a fixed element), so a single sheet of an INVALID or draft page cannot
    /// pass for a genuine one.
    private var watermark: String {
        switch view.verdict {
        case .valid: ""
        case .invalid: #"<div class="watermark invalid" aria-hidden="true">\#(e(labels.verdictInvalid))</div>"#
        case .draft: #"<div class="watermark draft" aria-hidden="true">\#(e(labels.verdictDraft))</div>"#
        }
    }

    private var sheetMark: String? {
        switch view.verdict {
        case .valid: nil
        case .invalid: labels.verdictInvalid
        case .draft: labels.verdictDraft
        }
    }

    private var header: String {
        let issued = view.issuedAt.map { #"<span class="issued">\#(e(labels.issuedAt)): \#(e($0))</span>"# } ?? ""
        return #"<header class="doc"><h1>\#(e(labels.documentTitle))</h1>\#(issued)</header>"#
    }

    private var verdictBanner: String {
        switch view.verdict {
        case .valid(let issuer, let checkedAt):
            return """
                <div class="verdict valid" id="verdict" data-verdict="VALID"><h2>✔ \(e(labels.verdictValid))</h2>
                <p>\(e(labels.verdictValidNote))</p>
                <p class="meta">\(e(labels.trustedIssuer)): <span class="hash">\(e(issuer))</span></p>
                <p class="meta">\(e(labels.checkedAt)): \(e(Timestamp.format(checkedAt)))</p>\(notes)</div>
                """
        case .invalid(let failures, let checkedAt):
            let items = failures.prefix(50).map { failure in
                "<li><b>\(e(failure.check))</b> [\(e(failure.subject))]: \(e(failure.message))</li>"
            }
            let more = failures.count > 50 ? "<li>… +\(failures.count - 50)</li>" : ""
            return """
                <div class="verdict invalid" id="verdict" data-verdict="INVALID"><h2>✘ \(e(labels.verdictInvalid))</h2>
                <p><b>\(e(labels.verdictInvalidNote))</b></p>
                <p class="meta">\(e(labels.failedChecks)):</p>
                <ul class="failures">\(items.joined())\(more)</ul>
                <p class="meta">\(e(labels.checkedAt)): \(e(Timestamp.format(checkedAt)))</p>\(notes)</div>
                """
        case .draft(let preparedOn):
            return """
                <div class="verdict draft" id="verdict" data-verdict="DRAFT"><h2>\(e(labels.verdictDraft))</h2>
                <p>\(e(labels.verdictDraftNote))</p>
                <p class="meta">\(e(labels.preparedOn)): \(e(preparedOn.description))</p></div>
                """
        }
    }

    private var notes: String {
        guard !view.checkNotes.isEmpty else { return "" }
        let items = view.checkNotes.prefix(20).map { note in
            "<li><b>\(e(note.check))</b>: \(e(note.message))\(note.count > 1 ? " (×\(note.count))" : "")</li>"
        }
        return #"<p class="meta">\#(e(labels.checkNotes)):</p><ul class="notes">\#(items.joined())</ul>"#
    }

    private var personSection: String {
        let holder: String =
            switch view.holder {
            case .named(let name): "<dt>\(e(labels.personName))</dt><dd id=\"holder\">\(e(name))</dd>"
            case .hashedIdentity: "<dt>\(e(labels.identity))</dt><dd id=\"holder\">\(e(labels.identityHashed))</dd>"
            }
        return """
            <section id="person"><h2 class="section">\(e(labels.sectionPerson))</h2>
            <dl class="facts">\(holder)<dt>\(e(labels.facility))</dt><dd>\(e(view.facilityName))</dd></dl></section>
            """
    }

    private var competencySection: String {
        var framework = ""
        if let title = view.frameworkTitle {
            let name = language == .indonesian ? title.id : title.en
            let version = view.frameworkVersion.map { " " + e($0) } ?? ""
            let sample = view.isSampleFramework ? #" <span class="sample">\#(e(labels.sampleFramework))</span>"# : ""
            framework = "<p>\(e(labels.framework)): \(e(name))\(version)\(sample)</p>"
        }
        let rows = view.units.map { unit in
            let title = language == .indonesian ? unit.title.id : unit.title.en
            let elective = unit.isCore ? "" : #" <span class="tag">\#(e(labels.elective))</span>"#
            return #"<tr class="unit \#(unit.status.rawValue)" data-unit="\#(e(unit.code))"><td class="code">\#(e(unit.code))</td><td>\#(e(title))\#(elective)</td><td class="status">\#(e(statusLabel(unit.status)))</td><td>\#(e(unit.assessedOn?.description ?? ""))</td><td>\#(e(unit.assessorRole.map(roleLabel) ?? ""))</td></tr>"#
        }
        return """
            <section id="competency"><h2 class="section">\(e(labels.sectionCompetency))</h2>\(framework)
            <div class="summary"><span>\(e(labels.statusKompeten)): \(view.competentCount)</span><span>\(e(labels.statusBelumKompeten)): \(view.notYetCompetentCount)</span><span>\(e(labels.statusNotAssessed)): \(view.notAssessedCount)</span></div>
            <table class="units"><thead><tr><th>\(e(labels.columnCode))</th><th>\(e(labels.columnUnit))</th><th>\(e(labels.columnStatus))</th><th>\(e(labels.columnDate))</th><th>\(e(labels.columnAssessor))</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></section>
            """
    }

    private var certificateSection: String {
        guard !view.certificates.isEmpty else {
            return #"<section id="certificates"><h2 class="section">\#(e(labels.sectionCertificates))</h2><p>\#(e(labels.noCertificates))</p></section>"#
        }
        let rows = view.certificates.map { c in
            let state = c.isExpired
                ? #"<span class="expired">\#(e(labels.certificateExpired))</span>"#
                : e(labels.certificateValid)
            return #"<tr class="certificate\#(c.isExpired ? " expired-row" : "")"><td>\#(e(c.issuer))</td><td>\#(e(c.scheme))</td><td class="code">\#(e(c.number))</td><td>\#(e(c.issuedOn?.description ?? ""))</td><td>\#(e(c.expiresOn?.description ?? ""))</td><td>\#(state)</td></tr>"#
        }
        return """
            <section id="certificates"><h2 class="section">\(e(labels.sectionCertificates))</h2>
            <table><thead><tr><th>\(e(labels.columnIssuer))</th><th>\(e(labels.columnScheme))</th><th>\(e(labels.columnNumber))</th><th>\(e(labels.columnIssued))</th><th>\(e(labels.columnExpires))</th><th>\(e(labels.columnStatus))</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></section>
            """
    }

    private var productionSection: String {
        let p = view.production
        func card(_ label: String, _ value: String) -> String { #"<div class="card">\#(e(label))<b>\#(e(value))</b></div>"# }
        var cards = [
            card(labels.trainingHours, ProductionChart.number(p.trainingHours)),
            card(labels.trainingSessions, String(p.trainingSessions)),
            card(labels.piecesTotal, ProductionChart.number(p.pieces)),
        ]
        if p.metres > 0 { cards.append(card(labels.metresTotal, ProductionChart.number(p.metres))) }
        for grade in QualityGrade.allCases.sorted() where (p.piecesByGrade[grade] ?? 0) > 0 {
            cards.append(card("\(labels.piecesTotal) · \(labels.grade) \(grade.rawValue)", ProductionChart.number(p.piecesByGrade[grade] ?? 0)))
        }
        cards += [card(labels.rejects, String(p.rejects)), card(labels.rework, String(p.rework))]
        let chart = p.months.isEmpty
            ? "<p>\(e(labels.noProduction))</p>"
            : "<figure><figcaption>\(e(labels.chartTitle))</figcaption>\n\(ProductionChart(months: p.months, title: labels.chartTitle, gradeLabel: labels.grade).svg())</figure>"
        return """
            <section id="production"><h2 class="section">\(e(labels.sectionTraining))</h2>
            <div class="totals">\(cards.joined())</div>
            \(chart)</section>
            """
    }

    private var evidenceSection: String {
        guard !view.evidence.isEmpty else {
            return #"<section id="evidence"><h2 class="section">\#(e(labels.sectionEvidence))</h2><p>\#(e(labels.noEvidence))</p></section>"#
        }
        let rows = view.evidence.map { item in
            let picture: String
            let check: String
            switch item.check {
            case .matched(let thumbnail?):
                picture = #"<img class="thumb" alt="" src="\#(e(thumbnail))">"#
                check = #"<span class="matched">✔ \#(e(labels.evidenceMatched))</span>"#
            case .matched(nil):
                picture = #"<div class="nothumb">✔</div>"#
                check = #"<span class="matched">✔ \#(e(labels.evidenceMatched))</span>"#
            case .mismatch:
                picture = #"<div class="nothumb mismatch">✘</div>"#
                check = #"<span class="mismatch">✘ \#(e(labels.evidenceMismatch))</span>"#
            case .missing:
                picture = #"<div class="nothumb missing">?</div>"#
                check = #"<span class="missing">? \#(e(labels.evidenceMissing))</span>"#
            case .notChecked:
                picture = #"<div class="nothumb">–</div>"#
                check = e(labels.evidenceNotChecked)
            }
            return #"<tr class="evidence"><td>\#(picture)</td><td class="code">\#(e(item.backs))</td><td>\#(e(item.description))<br><span class="hash">SHA-256 \#(e(item.sha256))</span></td><td>\#(check)</td></tr>"#
        }
        return """
            <section id="evidence"><h2 class="section">\(e(labels.sectionEvidence))</h2>
            <table><thead><tr><th></th><th>\(e(labels.columnEvidenceFor))</th><th>\(e(labels.columnDescription))</th><th>\(e(labels.columnCheck))</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></section>
            """
    }

    private var fingerprintSection: String {
        let body = view.fingerprint.map {
            #"<p class="fingerprint" id="fingerprint">SHA-256 \#(e($0))</p><p>\#(e(labels.fingerprintNote))</p>"#
        } ?? "<p>\(e(labels.noFingerprint))</p>"
        return #"<section id="fingerprint-section" class="card-free"><h2 class="section">\#(e(labels.sectionFingerprint))</h2>\#(body)</section>"#
    }

    private func statusLabel(_ status: PortfolioView.UnitStatus) -> String {
        switch status {
        case .kompeten: labels.statusKompeten
        case .belumKompeten: labels.statusBelumKompeten
        case .notAssessed: labels.statusNotAssessed
        }
    }

    private func roleLabel(_ role: String) -> String {
        switch AssessorRole(rawValue: role) {
        case .bnspAssessor?: labels.roleBnspAssessor
        case .partnerMentor?: labels.rolePartnerMentor
        case .facilityStaff?: labels.roleFacilityStaff
        case nil: role
        }
    }
}
