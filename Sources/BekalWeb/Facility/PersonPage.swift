import BekalApp
import BekalDomain
import BekalRender
import Foundation
import Hummingbird

extension FacilitySite {
    /// A person: details, what they still lack, the competency map, hours, production, certificates, and the
    /// history with Koreksi / Tarik / Tambah bukti on each record the account may change.
    func personPage(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let account = try await require(.read, context)
        let l = context.language
        let person = try await self.person(context)
        let action = try kit.actionContext(context)
        let counselor = try await app.counselor(of: person.id, context: action)
        func may(_ permission: Permission) -> Bool { AccessPolicy.allows(account, permission, counselor: counselor) }
        let canRecord = may(.recordFor(person.id)) && person.status == .active
        let canAssess = may(.assess(person.id)) && person.status == .active
        let standing = try await app.portfolioStanding(of: .id(person.id), context: action)
        let history = try await app.history(of: .id(person.id), context: action)
        let id = person.id.uuidString.lowercased()
        let base = "/wbp/\(id)"

        var actions: [HTML] = []
        if canAssess { actions.append("<a class=\"button\" href=\"\(base)/asesmen\">\(l.t("Catat asesmen", "Record assessment"))</a>") }
        if canRecord {
            actions.append("<a class=\"button\" href=\"\(base)/pelatihan\">\(l.t("Catat pelatihan", "Record training"))</a>")
            actions.append("<a class=\"button\" href=\"\(base)/produksi\">\(l.t("Catat produksi", "Record production"))</a>")
            actions.append("<a class=\"button\" href=\"\(base)/sertifikat\">\(l.t("Catat sertifikat", "Record certificate"))</a>")
            actions.append("<a class=\"button\" href=\"\(base)/remisi\">\(l.t("Catat remisi", "Record remission"))</a>")
            actions.append("<a class=\"button secondary\" href=\"\(base)/data\">\(l.t("Ubah data", "Change details"))</a>")
            actions.append("<a class=\"button secondary\" href=\"\(base)/bebas\">\(l.t("Catat bebas", "Record release"))</a>")
            actions.append("<a class=\"button secondary\" href=\"\(base)/pindah\">\(l.t("Catat pindah", "Record transfer"))</a>")
        }
        if may(.export(person.id)) {
            actions.append("<form method=\"post\" action=\"\(base)/ekspor\" class=\"inline\">\(Layout.csrf(context))<button type=\"submit\">\(l.t("Ekspor portofolio", "Export portfolio"))</button></form>")
        }
        if account.role == .admin {
            actions.append("<a class=\"button secondary\" href=\"\(base)/wali\">\(l.t("Tetapkan wali", "Assign counselor"))</a>")
        }

        let days = person.expectedReleaseDate.daysSinceEpoch - today().daysSinceEpoch
        let releaseNote: HTML = person.status != .active ? .empty
            : days < 0 ? "<strong class=\"overdue\">\(l.t("lewat \(-days) hari", "overdue by \(-days) days"))</strong>"
            : "<small>\(l.t("\(days) hari lagi", "in \(days) days"))</small>"
        let details: HTML = """
            <dl class="details">
            <dt>\(l.t("No. register", "Register no."))</dt><dd>\(person.registerNumber.rawValue)</dd>
            <dt>\(l.t("Status", "Status"))</dt><dd>\(language(person.status.label, l))</dd>
            <dt>\(l.t("Masuk", "Admitted"))</dt><dd>\(PageFormat.date(person.admissionDate, l))</dd>
            <dt>\(l.t("Perkiraan bebas", "Expected release"))</dt><dd id="expected-release">\(PageFormat.date(person.expectedReleaseDate, l)) \(releaseNote)</dd>
            \(person.birthDate.map { HTML("<dt>\(l.t("Lahir", "Born"))</dt><dd>\(PageFormat.date($0, l))</dd>") })
            <dt>\(l.t("Wali", "Counselor"))</dt><dd>\(counselor ?? l.t("belum ditetapkan", "not assigned"))</dd>
            </dl>
            """
        let report = try app.readinessReport(for: standing.portfolio, context: action)
        let lacking: HTML =
            report.missing.isEmpty ? HTML("<p class=\"ok\">\(l.t("Portofolio siap untuk bebas.", "The portfolio is ready for release."))</p>")
                : HTML("<h2>\(l.t("Masih kurang", "Still lacking"))</h2><ul class=\"missing\">\(report.missing.map { HTML("<li>\(language($0.text, l))</li>") })</ul>")
        return page(person.fullName.rawValue, request, context, """
            \(details)
            <div class="actions">\(actions)</div>
            \(HTML.when(may(.export(person.id)), deliveryForm(person, context)))
            \(lacking)
            \(competencyMap(standing, l))
            \(workSummary(standing.standing, l))
            \(historyTable(history, base: base, canRecord: may(.recordFor(person.id)), canAssess: may(.assess(person.id)),
                          canRevoke: may(.administer), context))
            """)
    }

    private func competencyMap(_ result: PortfolioStandingResult, _ l: PageLanguage) -> HTML {
        let latest = result.portfolio.latestAssessmentByUnit
        let rows = result.standing.units.map { unit -> HTML in
            let status: HTML = switch unit.status {
            case .competent: "<span class=\"ok\">\(language(AssessmentOutcome.kompeten.label, l))</span>"
            case .notYetCompetent: "<span class=\"warn\">\(language(AssessmentOutcome.belumKompeten.label, l))</span>"
            case .neverAssessed: "<span class=\"muted\">\(l.t("Belum diases", "Not assessed"))</span>"
            case .revoked: "<span class=\"warn\">\(l.t("Dicabut", "Revoked"))</span>"
            }
            let evidence = (latest[unit.code]?.evidence ?? []).enumerated().map { index, file -> HTML in
                "<a href=\"/bukti/\(file.sha256)\">\(l.t("bukti", "evidence")) \(index + 1)</a> "
            }
            return """
                <tr><td>\(unit.code)\(HTML.when(unit.isCore, " <small>(\(l.t("inti", "core")))</small>"))</td><td>\(language(unit.title, l))</td><td>\(status)</td>
                <td>\(unit.assessedOn.map { PageFormat.date($0, l) } ?? "—")</td><td>\(evidence)</td></tr>
                """
        }
        let s = result.standing
        let revoked = s.revokedUnits > 0 ? l.t(", \(s.revokedUnits) dicabut", ", \(s.revokedUnits) revoked") : ""
        return """
            <h2>\(l.t("Peta kompetensi", "Competency map"))</h2>
            <p>\(l.t("\(s.competentUnits) unit Kompeten, \(s.notYetCompetentUnits) Belum Kompeten, \(s.neverAssessedUnits) belum diases\(revoked).", "\(s.competentUnits) units competent, \(s.notYetCompetentUnits) not yet competent, \(s.neverAssessedUnits) not assessed\(revoked)."))</p>
            <div class="table"><table><thead><tr><th>\(l.t("Unit", "Unit"))</th><th>\(l.t("Judul", "Title"))</th><th>\(l.t("Hasil", "Outcome"))</th><th>\(l.t("Tanggal", "Date"))</th><th>\(l.t("Bukti", "Evidence"))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private func workSummary(_ standing: PortfolioStanding, _ l: PageLanguage) -> HTML {
        let production = standing.productionTotals.map { total -> HTML in
            "<li>\(PageFormat.number(total.quantity, l)) \(language(total.unit.label, l)) (\(l.t("\(total.entries) catatan, \(total.rejects) cacat", "\(total.entries) entries, \(total.rejects) rejects")))</li>"
        }
        let certificates = standing.certificates.map { c -> HTML in
            let state = c.isRevoked ? l.t("dicabut", "revoked") : c.isExpired ? l.t("kedaluwarsa", "expired")
                : l.t("berlaku s.d. \(PageFormat.date(c.expiresOn, l))", "valid to \(PageFormat.date(c.expiresOn, l))")
            return "<li>\(c.scheme) — \(c.issuer) (\(state))</li>"
        }
        return """
            <h2>\(l.t("Pelatihan, produksi, sertifikat", "Training, production, certificates"))</h2>
            <ul class="summary"><li>\(l.t("Pelatihan", "Training")): \(PageFormat.number(standing.training.hours, l)) \(l.t("jam", "hours")) (\(l.t("\(standing.training.sessions) sesi", "\(standing.training.sessions) sessions")))</li>
            \(production.isEmpty ? HTML("<li>\(l.t("Produksi: belum ada", "Production: none yet"))</li>") : HTML.join(production))</ul>
            \(certificates.isEmpty ? HTML("<p>\(l.t("Belum ada sertifikat.", "No certificates yet."))</p>") : HTML("<ul>\(certificates)</ul>"))
            """
    }

    private func historyTable(
        _ history: PersonHistory, base: String, canRecord: Bool, canAssess: Bool, canRevoke: Bool,
        _ context: WebRequestContext
    ) -> HTML {
        let l = context.language
        let rows = history.entries.reversed().map { entry -> HTML in
            let event = entry.event.id.uuidString.lowercased()
            let standing: HTML = switch entry.standing {
            case .corrected: "<span class=\"warn\">\(l.t("dikoreksi", "corrected"))</span>"
            case .retracted: "<span class=\"warn\">\(l.t("ditarik", "retracted"))</span>"
            default: .empty
            }
            var buttons: [HTML] = []
            if entry.standing == .current, canRecord {
                buttons.append("<a href=\"/catatan/\(event)/koreksi\">\(l.t("Koreksi", "Correct"))</a>")
                if entry.event.type != "person.added" {
                    buttons.append("<a href=\"/catatan/\(event)/tarik\">\(l.t("Tarik", "Retract"))</a>")
                }
            }
            if entry.standing == .current, entry.event.type == "assessment.recorded", canAssess {
                buttons.append("<a href=\"/catatan/\(event)/bukti\">\(l.t("Tambah bukti", "Add evidence"))</a>")
            }
            // Only what an export carried can be revoked, whatever became of the record since.
            if canRevoke, entry.credentialID != nil, !entry.revoked {
                buttons.append("<a href=\"/catatan/\(event)/cabut\" class=\"revoke\">\(l.t("Cabut", "Revoke"))</a>")
            }
            return """
                <tr id="e-\(event)"><td>\(entry.recordDate.map { PageFormat.date($0, l) } ?? "—")</td><td>\(language(entry.summary, l)) \(standing)\(HTML.when(entry.revoked, HTML(" <span class=\"warn\">\(l.t("dicabut", "revoked"))</span>")))</td>
                <td>\(entry.event.actor)<br><small>\(PageFormat.dateTime(entry.event.recordedAt, l))</small></td><td class="row-actions">\(buttons)</td></tr>
                """
        }
        return """
            <h2>\(l.t("Riwayat", "History"))</h2>
            <div class="table"><table class="history"><thead><tr><th>\(l.t("Tanggal", "Date"))</th><th>\(l.t("Catatan", "Record"))</th><th>\(l.t("Dicatat oleh", "Recorded by"))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }
}
