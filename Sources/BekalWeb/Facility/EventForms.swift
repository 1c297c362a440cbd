import BekalApp
import BekalDomain
import BekalRender
import Foundation
import Hummingbird

/// The forms on one record of a person's history, at `/catatan/{event}/…`: Koreksi (the fields of its kind,
/// prefilled with what is in effect), Tarik (with a reason), Tambah bukti (for assessments) and, for the admin,
/// Cabut (revoking the credential an export made from an assessment or certificate, with a reason). The original
/// always stays in the ledger; the history shows both.
extension FacilitySite {
    func registerEventForms(_ router: RouterGroup<WebRequestContext>) {
        for slug in ["koreksi", "tarik", "bukti", "cabut"] {
            let path = RouterPath(stringLiteral: "/catatan/{event}/\(slug)")
            router.get(path) { request, context in try await self.eventForm(slug, request, context, submitted: nil) }
            router.post(path) { request, context in try await self.submitEventForm(slug, request, context) }
        }
    }

    private func target(_ slug: String, _ context: WebRequestContext) async throws -> (RecordInEffect, Person, LedgerPayload) {
        let action = try kit.actionContext(context)
        let record = try await app.recordInEffect(eventID: try eventID(context), context: action)
        let personID: UUID
        let payload: LedgerPayload
        if slug == "cabut" {
            // A credential exported from a record that was retracted since is still out there: it can be revoked.
            try await require(.administer, context)
            let exportable = switch record.event.payload {
            case .assessmentRecorded, .certificateRecorded: true
            default: false
            }
            guard let id = record.event.personID, exportable else {
                throw AppError(.conflict, "only a credential exported from an assessment or certificate can be revoked",
                               reason: .notRevocable)
            }
            (personID, payload) = (id, record.payload ?? record.event.payload)
        } else {
            guard let id = record.event.personID, let inEffect = record.payload else {
                throw AppError(.conflict, "the event was already retracted", reason: .alreadyRetracted)
            }
            (personID, payload) = (id, inEffect)
            if slug == "bukti" {
                guard case .assessmentRecorded = payload else { throw AppError(.conflict, "evidence is attached to an assessment", reason: .evidenceOnAssessmentOnly) }
                try await require(.assess(personID), context)
            } else {
                try await require(.recordFor(personID), context)
            }
        }
        return (record, try await app.person(.id(personID), context: action), payload)
    }

    private func eventForm(_ slug: String, _ request: Request, _ context: WebRequestContext, submitted: (AppError, FormData)?)
        async throws -> Response
    {
        let (_, person, payload) = try await target(slug, context)
        if slug == "koreksi", case .personAdded = payload {
            return WebResponse.redirect("/wbp/\(person.id.uuidString.lowercased())/data")
        }
        var view = try await eventView(slug, payload, context)
        view.action = request.uri.path
        if let (error, form) = submitted { view = view.refused(error, form: form, language: context.language, aliases: ["expires": "expiresOn"]) }
        let l = context.language
        let title = switch slug {
        case "koreksi": l.t("Koreksi catatan", "Correct a record")
        case "tarik": l.t("Tarik catatan", "Retract a record")
        case "cabut": l.t("Cabut kredensial", "Revoke a credential")
        default: l.t("Tambah bukti", "Add evidence")
        }
        return page(title, request, context, status: submitted == nil ? .ok : .unprocessableContent, """
            <p class="subject"><a href="/wbp/\(person.id.uuidString.lowercased())">\(person.fullName.rawValue)</a> · \(person.registerNumber.rawValue)</p>
            <p class="record">\(l.t("Catatan", "Record")): \(describe(payload, l))</p>
            \(HTML.when(slug == "koreksi" || slug == "tarik", HTML("<p>\(l.t("Catatan asli tetap tersimpan di riwayat; koreksi dan penarikan dicatat dengan nama akun Anda.", "The original stays in the history; corrections and retractions are recorded under your account."))</p>")))
            \(HTML.when(slug == "cabut", HTML("<p>\(l.t("Kredensial yang sudah diekspor ditandai dicabut di daftar status: PK yang memeriksanya melihat DICABUT, bukan berkas palsu. Daftar status baru masuk antrean ke setiap Bapas yang pernah menerima portofolio dari lapas ini. Alasan tetap di ledger, tidak diterbitkan.", "The exported credential is marked revoked on the status list: a PK who checks it sees REVOKED, not a forgery. The new status list is queued for every Bapas that received a portfolio from this facility. The reason stays in the ledger and is not published."))</p>")))
            \(view.render(context))
            """)
    }

    private func describe(_ payload: LedgerPayload, _ l: PageLanguage) -> String {
        switch payload {
        case .assessmentRecorded(let a):
            "\(a.unitCode) — \(language(a.outcome.label, l)), \(PageFormat.date(a.date, l))"
        case .trainingRecorded(let t):
            "\(t.topic), \(PageFormat.number(t.hours, l)) \(l.t("jam", "h")), \(PageFormat.date(t.date, l))"
        case .productionRecorded(let p):
            "\(p.motif), \(PageFormat.number(p.quantity, l)) \(language(p.unit.label, l)), \(PageFormat.date(p.date, l))"
        case .certificateRecorded(let c): "\(c.scheme) — \(c.issuer), \(PageFormat.date(c.issuedOn, l))"
        default: payload.kind
        }
    }

    private func eventView(_ slug: String, _ payload: LedgerPayload, _ context: WebRequestContext) async throws -> FormView {
        let l = context.language
        let reason = FormField("reason", LocalizedText(id: "Alasan", en: "Reason"))
        switch slug {
        case "tarik":
            return FormView(action: "", fields: [reason], submit: LocalizedText(id: "Tarik catatan", en: "Retract record"))
        case "cabut":
            return FormView(action: "", fields: [reason], submit: LocalizedText(id: "Cabut kredensial", en: "Revoke credential"))
        case "bukti":
            return FormView(action: "", fields: [
                FormField("evidence", LocalizedText(id: "Bukti (foto)", en: "Evidence (photo)"),
                          .file(accept: "image/*,application/pdf", capture: true), hint: Self.evidenceHint),
                FormField("description", LocalizedText(id: "Keterangan", en: "Description"), required: false),
            ], submit: LocalizedText(id: "Tambah bukti", en: "Add evidence"))
        default:
            let date = FormField("date", LocalizedText(id: "Tanggal", en: "Date"), .date)
            var fields: [FormField]
            var values: [String: String]
            switch payload {
            case .assessmentRecorded(let a):
                fields = [FormField("unit", LocalizedText(id: "Unit kompetensi", en: "Competency unit"), .select(try await unitChoices(context))),
                          FormField.terms("outcome", LocalizedText(id: "Hasil", en: "Outcome"), AssessmentOutcome.self), date]
                values = ["unit": a.unitCode, "outcome": a.outcome.rawValue, "date": PageFormat.date(a.date, l)]
            case .trainingRecorded(let t):
                fields = [date, FormField("hours", LocalizedText(id: "Jam", en: "Hours"), .number)]
                values = ["date": PageFormat.date(t.date, l), "hours": PageFormat.number(t.hours, l)]
            case .productionRecorded(let p):
                fields = [date, FormField("quantity", LocalizedText(id: "Jumlah", en: "Quantity"), .number),
                          FormField.terms("grade", LocalizedText(id: "Mutu", en: "Grade"), QualityGrade.self),
                          FormField("hours", LocalizedText(id: "Jam kerja", en: "Hours worked"), .number)]
                values = ["date": PageFormat.date(p.date, l), "quantity": PageFormat.number(p.quantity, l),
                          "grade": p.grade.rawValue, "hours": PageFormat.number(p.hours, l)]
            case .certificateRecorded(let c):
                fields = [FormField("date", LocalizedText(id: "Tanggal terbit", en: "Issued on"), .date),
                          FormField("expiresOn", LocalizedText(id: "Berlaku sampai", en: "Valid until"), .date)]
                values = ["date": PageFormat.date(c.issuedOn, l), "expiresOn": PageFormat.date(c.expiresOn, l)]
            default:
                throw AppError(.conflict, "events of type \(payload.kind) cannot be corrected", reason: .notCorrectable)
            }
            return FormView(action: "", fields: fields + [reason], submit: LocalizedText(id: "Simpan koreksi", en: "Save correction"),
                            values: values)
        }
    }

    private func submitEventForm(_ slug: String, _ request: Request, _ context: WebRequestContext) async throws -> Response {
        let (record, person, payload) = try await target(slug, context)
        let form = try self.form(context)
        let reader = FormReader(form: form)
        let action = try kit.actionContext(context)
        let notice: Notice
        do {
            switch slug {
            case "tarik":
                _ = try await app.retract(eventID: record.event.id, reason: reader.text("reason"), context: action)
                notice = .retracted
            case "cabut":
                // `revoke` takes the record's event id and finds the credential the export gave it.
                _ = try await app.revoke(credentialID: record.event.id.uuidString, reason: reader.text("reason"),
                                         context: action)
                notice = .revoked
            case "bukti":
                let uploads = try reader.uploads("evidence", description: reader.optional("description") ?? "foto bukti asesmen")
                guard !uploads.isEmpty else { throw AppError(.invalidInput, "evidence: a value is required", field: "evidence", reason: .valueRequired) }
                _ = try await app.attachEvidence(to: record.event.id, files: uploads, context: action)
                notice = .evidence
            default:
                _ = try await app.correct(eventID: record.event.id, changes: try changes(payload, reader),
                                          reason: reader.text("reason"), context: action)
                notice = .corrected
            }
        } catch {
            let failure = AppError(error)
            guard [.invalidInput, .usage, .notFound, .conflict].contains(failure.code) else { throw error }
            return try await eventForm(slug, request, context, submitted: (failure, form))
        }
        return WebResponse.redirect("/wbp/\(person.id.uuidString.lowercased())?pesan=\(notice.rawValue)")
    }

    /// The fields that differ from what is in effect.
    private func changes(_ payload: LedgerPayload, _ form: FormReader) throws -> RecordChanges {
        var changes = RecordChanges()
        let date = try form.date("date")
        switch payload {
        case .assessmentRecorded(let a):
            if date != a.date { changes.date = date }
            let outcome = try form.term("outcome", AssessmentOutcome.self)
            if outcome != a.outcome { changes.outcome = outcome }
            let unit = try form.required("unit")
            if unit != a.unitCode { changes.unitCode = unit }
        case .trainingRecorded(let t):
            if date != t.date { changes.date = date }
            let hours = try form.number("hours")
            if hours != t.hours { changes.hours = hours }
        case .productionRecorded(let p):
            if date != p.date { changes.date = date }
            let quantity = try form.number("quantity"), hours = try form.number("hours")
            let grade = try form.term("grade", QualityGrade.self)
            if quantity != p.quantity { changes.quantity = quantity }
            if hours != p.hours { changes.hours = hours }
            if grade != p.grade { changes.grade = grade }
        case .certificateRecorded(let c):
            if date != c.issuedOn { changes.date = date }
            let expires = try form.date("expiresOn")
            if expires != c.expiresOn { changes.expiresOn = expires }
        default:
            break
        }
        return changes
    }
}
