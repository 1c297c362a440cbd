import BekalApp
import BekalDomain
import BekalRender
import Foundation
import HTTPTypes
import Hummingbird

/// A form about one person, at `/wbp/{id}/<slug>`: GET shows it, POST calls the use case and goes back to the
/// person's page, or shows the form again with the message next to the field (nothing saved).
struct PersonFormRoute: Sendable {
    var slug: String
    var title: LocalizedText
    var permission: @Sendable (Person) -> Permission
    var view: @Sendable (FacilitySite, Person, WebRequestContext) async throws -> FormView
    var submit: @Sendable (FacilitySite, Person, FormReader, ActionContext) async throws -> Notice
    /// Error fields of the use case to the form's field names.
    var aliases: [String: String] = [:]
}

extension FacilitySite {
    func register(_ route: PersonFormRoute, on router: RouterGroup<WebRequestContext>) {
        let path = RouterPath(stringLiteral: "/wbp/{id}/\(route.slug)")
        router.get(path) { request, context in
            let person = try await self.person(context)
            try await self.require(route.permission(person), context)
            return self.personFormPage(route, person, try await route.view(self, person, context), request, context)
        }
        router.post(path) { request, context in
            let person = try await self.person(context)
            try await self.require(route.permission(person), context)
            let form = try self.form(context)
            do {
                let notice = try await route.submit(self, person, FormReader(form: form), try self.kit.actionContext(context))
                return WebResponse.redirect("/wbp/\(person.id.uuidString.lowercased())?pesan=\(notice.rawValue)")
            } catch {
                let failure = AppError(error)
                guard [.invalidInput, .usage, .notFound, .conflict].contains(failure.code) else { throw error }
                let view = try await route.view(self, person, context)
                    .refused(failure, form: form, language: context.language, aliases: route.aliases)
                return self.personFormPage(route, person, view, request, context, status: .unprocessableContent)
            }
        }
    }

    func personFormPage(
        _ route: PersonFormRoute, _ person: Person, _ view: FormView, _ request: Request, _ context: WebRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let l = context.language
        var view = view
        if view.action.isEmpty { view.action = request.uri.path }
        return page(language(route.title, l), request, context, status: status, """
            <p class="subject"><a href="/wbp/\(person.id.uuidString.lowercased())">\(person.fullName.rawValue)</a> · \(person.registerNumber.rawValue)</p>
            \(view.render(context))
            """)
    }

    func registerRecordForms(_ router: RouterGroup<WebRequestContext>) {
        for route in [Self.assessmentForm, Self.trainingForm, Self.productionForm, Self.certificateForm] {
            register(route, on: router)
        }
    }

    /// Today as the forms prefill it.
    func todayText(_ l: PageLanguage) -> String { PageFormat.date(today(), l) }

    /// The units of the framework in use, for a choice.
    func unitChoices(_ context: WebRequestContext) async throws -> [(value: String, label: LocalizedText)] {
        guard let framework = try await app.frameworks(context: try kit.actionContext(context)).last else { return [] }
        return framework.units.map { ($0.code, LocalizedText(id: "\($0.code) — \($0.title.id)", en: "\($0.code) — \($0.title.en)")) }
    }

    static let evidenceHint = LocalizedText(
        id: "Foto kain atau ceklis observasi; di ponsel, kamera terbuka langsung. Paling besar 20 MiB.",
        en: "A photo of the cloth or the observation checklist; on a phone the camera opens. At most 20 MiB.")

    static let assessmentForm = PersonFormRoute(
        slug: "asesmen", title: LocalizedText(id: "Catat asesmen", en: "Record an assessment"),
        permission: { .assess($0.id) },
        view: { site, _, context in
            FormView(action: "", fields: [
                FormField("unit", LocalizedText(id: "Unit kompetensi", en: "Competency unit"), .select(try await site.unitChoices(context))),
                FormField.terms("outcome", LocalizedText(id: "Hasil", en: "Outcome"), AssessmentOutcome.self),
                FormField("assessor", LocalizedText(id: "Nama asesor", en: "Assessor's name")),
                FormField.terms("role", LocalizedText(id: "Peran asesor", en: "Assessor's role"), AssessorRole.self),
                FormField.terms("method", LocalizedText(id: "Metode", en: "Method"), AssessmentMethod.self),
                FormField("date", LocalizedText(id: "Tanggal asesmen", en: "Date of assessment"), .date),
                FormField("notes", LocalizedText(id: "Catatan", en: "Notes"), .longText, required: false),
                FormField("evidence", LocalizedText(id: "Bukti (foto)", en: "Evidence (photo)"),
                          .file(accept: "image/*,application/pdf", capture: true), required: false, hint: evidenceHint),
            ], submit: LocalizedText(id: "Simpan asesmen", en: "Save assessment"),
            values: ["date": site.todayText(context.language)])
        },
        submit: { site, person, form, context in
            let input = AssessmentInput(
                person: .id(person.id), unitCode: try form.required("unit"),
                outcome: try form.term("outcome", AssessmentOutcome.self), assessorName: form.text("assessor"),
                assessorRole: try form.term("role", AssessorRole.self), method: try form.term("method", AssessmentMethod.self),
                date: try form.date("date"), notes: form.optional("notes"),
                evidence: try form.uploads("evidence", description: "foto bukti asesmen"))
            _ = try await site.app.recordAssessment(input, context: context)
            return .saved
        },
        aliases: ["unitCode": "unit", "assessorName": "assessor"])

    static let trainingForm = PersonFormRoute(
        slug: "pelatihan", title: LocalizedText(id: "Catat pelatihan", en: "Record training"),
        permission: { .recordFor($0.id) },
        view: { site, _, context in
            FormView(action: "", fields: [
                FormField("date", LocalizedText(id: "Tanggal", en: "Date"), .date),
                FormField("hours", LocalizedText(id: "Jam", en: "Hours"), .number, hint: LocalizedText(id: "contoh: 3,5", en: "e.g. 3.5")),
                FormField("topic", LocalizedText(id: "Materi", en: "Topic")),
                FormField("trainer", LocalizedText(id: "Pelatih", en: "Trainer")),
            ], submit: LocalizedText(id: "Simpan pelatihan", en: "Save training"), values: ["date": site.todayText(context.language)])
        },
        submit: { site, person, form, context in
            _ = try await site.app.recordTraining(TrainingInput(
                person: .id(person.id), date: try form.date("date"), hours: try form.number("hours"),
                topic: form.text("topic"), trainer: form.text("trainer")), context: context)
            return .saved
        })

    static let productionForm = PersonFormRoute(
        slug: "produksi", title: LocalizedText(id: "Catat produksi", en: "Record production"),
        permission: { .recordFor($0.id) },
        view: { site, _, context in
            FormView(action: "", fields: [
                FormField("date", LocalizedText(id: "Tanggal", en: "Date"), .date),
                FormField("motif", LocalizedText(id: "Motif", en: "Motif")),
                FormField("cap", LocalizedText(id: "Cap", en: "Stamp")),
                FormField("quantity", LocalizedText(id: "Jumlah", en: "Quantity"), .number),
                FormField.terms("unit", LocalizedText(id: "Satuan", en: "Unit"), ProductionUnit.self),
                FormField.terms("grade", LocalizedText(id: "Mutu", en: "Grade"), QualityGrade.self),
                FormField("hours", LocalizedText(id: "Jam kerja", en: "Hours worked"), .number),
                FormField("rework", LocalizedText(id: "Diperbaiki", en: "Reworked"), .count, required: false),
                FormField("rejects", LocalizedText(id: "Cacat", en: "Rejects"), .count, required: false),
                FormField("rejectReason", LocalizedText(id: "Alasan cacat", en: "Reason for rejects"), required: false),
            ], submit: LocalizedText(id: "Simpan produksi", en: "Save production"), values: ["date": site.todayText(context.language)])
        },
        submit: { site, person, form, context in
            _ = try await site.app.recordProduction(ProductionInput(
                person: .id(person.id), date: try form.date("date"), motif: form.text("motif"), cap: form.text("cap"),
                quantity: try form.number("quantity"), unit: try form.term("unit", ProductionUnit.self),
                grade: try form.term("grade", QualityGrade.self), hours: try form.number("hours"),
                rework: try form.count("rework"), rejects: try form.count("rejects"), rejectReason: form.optional("rejectReason")),
                context: context)
            return .saved
        })

    static let certificateForm = PersonFormRoute(
        slug: "sertifikat", title: LocalizedText(id: "Catat sertifikat", en: "Record a certificate"),
        permission: { .recordFor($0.id) },
        view: { site, _, context in
            FormView(action: "", fields: [
                FormField("issuer", LocalizedText(id: "Penerbit (LSP)", en: "Issuer (LSP)")),
                FormField("scheme", LocalizedText(id: "Skema", en: "Scheme")),
                FormField("number", LocalizedText(id: "Nomor sertifikat", en: "Certificate number")),
                FormField("registration", LocalizedText(id: "Nomor registrasi BNSP", en: "BNSP registration number"), required: false),
                FormField("issuedOn", LocalizedText(id: "Tanggal terbit", en: "Issued on"), .date),
                FormField("expiresOn", LocalizedText(id: "Berlaku sampai", en: "Valid until"), .date, required: false,
                          hint: LocalizedText(id: "Kosongkan untuk 3 tahun.", en: "Leave empty for 3 years.")),
                FormField("scan", LocalizedText(id: "Pindaian sertifikat", en: "Certificate scan"),
                          .file(accept: "image/*,application/pdf", capture: true), required: false, hint: evidenceHint),
            ], submit: LocalizedText(id: "Simpan sertifikat", en: "Save certificate"), values: ["issuedOn": site.todayText(context.language)])
        },
        submit: { site, person, form, context in
            _ = try await site.app.recordCertificate(CertificateInput(
                person: .id(person.id), issuer: form.text("issuer"), scheme: form.text("scheme"), number: form.text("number"),
                registrationNumber: form.optional("registration"), issuedOn: try form.date("issuedOn"),
                expiresOn: try form.optionalDate("expiresOn"),
                scan: try form.uploads("scan", description: "pindaian sertifikat").first), context: context)
            return .saved
        },
        aliases: ["expires": "expiresOn", "evidence": "scan", "registration number": "registration"])
}
