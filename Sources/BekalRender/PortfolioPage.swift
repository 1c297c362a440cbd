import BekalCredentials
import BekalDomain
import Foundation

/// Renders a `PortfolioView` as one self-contained HTML document: inline CSS and SVG, images as `data:` URIs,
/// no script and no external request. Every text from the data goes through `HTMLText.escape`.
public struct PortfolioPage: Sendable {
    /// The portfolio content to render, from a verified export or a draft.
    public var view: PortfolioView
    /// The language of the page's labels and date formats; Bahasa Indonesia by default.
    public var language: PageLanguage

    /// Creates a page for `view` in `language`.
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
            "<style>\n\(PageStyle.css(labels, sheet: sheetHeading))\n</style>",
            "</head>",
            "<body><main>", watermark,
            header, VerdictBanner(view: view, language: language).html, personSection, competencySection, certificateSection, productionSection,
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
        case .valid, .validWithExceptions: ""
        case .invalid: #"<div class="watermark invalid" aria-hidden="true">\#(e(labels.verdictInvalid))</div>"#
        case .draft: #"<div class="watermark draft" aria-hidden="true">\#(e(labels.verdictDraft))</div>"#
        }
    }

    /// What heads every printed sheet: the verdict, the holder's name when the export carries it, and the file's
    /// fingerprint, so a single sheet can be matched to its verdict and its file.
    private var sheetHeading: PageStyle.SheetHeading {
        let name: String? = if case .named(let name) = view.holder { name } else { nil }
        let fingerprint = view.fingerprint.map { "SHA-256 " + $0.prefix(16) + "…" + $0.suffix(8) }
        switch view.verdict {
        case .valid: return .init(verdict: labels.verdictValid, tone: .valid, name: name, fingerprint: fingerprint)
        case .validWithExceptions:
            return .init(verdict: labels.verdictValidWithExceptions, tone: .exceptions, name: name, fingerprint: fingerprint)
        case .invalid: return .init(verdict: labels.verdictInvalid, tone: .invalid, name: name, fingerprint: fingerprint)
        case .draft: return .init(verdict: labels.verdictDraft, tone: .draft, name: name, fingerprint: nil)
        }
    }

    private var header: String {
        let issued = view.issuedAt.map { text in
            let shown = Timestamp.parse(text).map { PageFormat.dateTime($0, language) } ?? text
            return #"<span class="issued">\#(e(labels.issuedAt)): \#(e(shown))</span>"#
        } ?? ""
        return #"<header class="doc"><h1>\#(e(labels.documentTitle))</h1>\#(issued)</header>"#
    }

    private var personSection: String {
        let holder: String =
            switch view.holder {
            case .named(let name): "<dt>\(e(labels.personName))</dt><dd id=\"holder\">\(e(name))</dd>"
            case .hashedIdentity: "<dt>\(e(labels.identity))</dt><dd id=\"holder\">\(e(labels.identityHashed))</dd>"
            }
        let identity = view.summary.map { summary in
            let outcome: String = switch summary.identity {
            case .matched: "matched"
            case .matchedWeakForm: "matched-weak-form"
            case .mismatch: "mismatch"
            case .notChecked: "not-checked"
            }
            return #"<dt>\#(e(labels.identityCheck))</dt><dd id="identity-check" data-identity="\#(outcome)">\#(e(VerdictText.identity(summary.identity, language)))</dd>"#
        } ?? ""
        return """
            <section id="person"><h2 class="section">\(e(labels.sectionPerson))</h2>
            <dl class="facts">\(holder)\(identity)<dt>\(e(labels.facility))</dt><dd>\(e(view.facilityName))</dd></dl></section>
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
            return #"<tr class="unit \#(unit.status.rawValue)\#(markClass(unit.mark))" data-unit="\#(e(unit.code))"\#(markAttribute(unit.mark))><td class="code">\#(e(unit.code))</td><td>\#(e(title))\#(elective)</td><td class="status">\#(e(statusLabel(unit.status)))\#(markBadge(unit.mark))</td><td>\#(e(unit.assessedOn.map { PageFormat.date($0, language) } ?? ""))</td><td>\#(e(unit.assessorRole.map(roleLabel) ?? ""))</td></tr>"#
        }
        return """
            <section id="competency"><h2 class="section">\(e(labels.sectionCompetency))</h2>\(framework)
            <div class="summary"><span>\(e(labels.statusKompeten)): \(view.competentCount)</span><span>\(e(labels.statusBelumKompeten)): \(view.notYetCompetentCount)</span><span>\(e(labels.statusNotAssessed)): \(view.notAssessedCount)</span>\(view.revokedCount > 0 ? "<span>\(e(labels.statusRevoked)): \(view.revokedCount)</span>" : "")</div>
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
            let expired = c.isExpired || { if case .expired? = c.mark { true } else { false } }()
            // An expired certificate says so once, in the status column; other marks add their badge.
            let state = switch c.mark {
            case .revoked?, .failed?: markBadge(c.mark)
            case .expired?, nil: expired
                ? #"<span class="expired">\#(e(labels.certificateExpired))</span>"#
                : e(labels.certificateValid)
            }
            let date = { (day: LocalDate?) in e(day.map { PageFormat.date($0, language) } ?? "") }
            return #"<tr class="certificate\#(expired ? " expired-row" : "")\#(markClass(c.mark))"\#(markAttribute(c.mark))><td>\#(e(c.issuer))</td><td>\#(e(c.scheme))</td><td class="code">\#(e(c.number))</td><td>\#(date(c.issuedOn))</td><td>\#(date(c.expiresOn))</td><td>\#(state)</td></tr>"#
        }
        return """
            <section id="certificates"><h2 class="section">\(e(labels.sectionCertificates))</h2>
            <table><thead><tr><th>\(e(labels.columnIssuer))</th><th>\(e(labels.columnScheme))</th><th>\(e(labels.columnNumber))</th><th>\(e(labels.columnIssued))</th><th>\(e(labels.columnExpires))</th><th>\(e(labels.columnStatus))</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></section>
            """
    }

    private var productionSection: String {
        let p = view.production
        func card(_ label: String, _ value: String) -> String { #"<div class="card">\#(e(label))<b>\#(e(value))</b></div>"# }
        func number(_ value: Double) -> String { PageFormat.number(value, language) }
        var cards = [
            card(labels.trainingHours, number(p.trainingHours)),
            card(labels.trainingSessions, String(p.trainingSessions)),
            card(labels.piecesTotal, number(p.pieces)),
        ]
        if p.metres > 0 { cards.append(card(labels.metresTotal, number(p.metres))) }
        for grade in QualityGrade.allCases.sorted() where (p.piecesByGrade[grade] ?? 0) > 0 {
            cards.append(card("\(labels.piecesTotal) · \(labels.grade) \(grade.rawValue)", number(p.piecesByGrade[grade] ?? 0)))
        }
        cards += [card(labels.rejects, String(p.rejects)), card(labels.rework, String(p.rework))]
        let chart = p.months.isEmpty
            ? "<p>\(e(labels.noProduction))</p>"
            : "<figure><figcaption>\(e(labels.chartTitle))</figcaption>\n\(ProductionChart(months: p.months, title: labels.chartTitle, gradeLabel: labels.grade, language: language).svg())</figure>"
        let mark = view.productionMark.map { _ in #"<p class="record-mark"\#(markAttribute(view.productionMark))>\#(markBadge(view.productionMark))</p>"# } ?? ""
        return """
            <section id="production"><h2 class="section">\(e(labels.sectionTraining))</h2>\(mark)
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

    private func markClass(_ mark: PortfolioView.RowMark?) -> String {
        switch mark {
        case nil: ""
        case .revoked?: " withdrawn"
        case .expired?: " lapsed"
        case .failed?: " failed"
        }
    }

    /// `data-mark` on a row, for readers and tests: `revoked`, `expired` or `failed`.
    private func markAttribute(_ mark: PortfolioView.RowMark?) -> String {
        switch mark {
        case nil: ""
        case .revoked?: #" data-mark="revoked""#
        case .expired?: #" data-mark="expired""#
        case .failed(let check, _)?: #" data-mark="failed" data-failed-check="\#(e(check))""#
        }
    }

    private func markBadge(_ mark: PortfolioView.RowMark?) -> String {
        switch mark {
        case nil: ""
        case .revoked?: #" <span class="mark revoked">\#(e(labels.markRevoked))</span>"#
        case .expired(let on)?:
            #" <span class="mark expired">\#(e(labels.certificateExpired)) \#(e(PageFormat.date(on, language)))</span>"#
        case .failed(let check, let code)?:
            #" <span class="mark failed" title="\#(e(CheckText.finding(check: check, code: code, date: nil, detail: code.rawValue, language)))">\#(e(labels.markFailed))</span>"#
        }
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
