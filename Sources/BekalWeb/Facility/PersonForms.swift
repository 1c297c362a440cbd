import BekalApp
import BekalCredentials
import BekalDomain
import BekalRender
import Foundation
import HTTPTypes
import Hummingbird

extension FacilitySite {
    func registerPersonForms(_ router: RouterGroup<WebRequestContext>) {
        router.get("/wbp/baru") { request, context in
            try await self.require(.addPerson, context)
            return try await self.addPersonPage(self.addPersonView(context), request, context)
        }
        router.post("/wbp/baru") { request, context in try await self.addPerson(request, context) }
        for route in [Self.detailsForm, Self.remissionForm, Self.transferForm, Self.counselorForm] {
            register(route, on: router)
        }
        router.get("/wbp/{id}/bebas") { request, context in
            let person = try await self.person(context)
            try await self.require(.recordFor(person.id), context)
            return self.personFormPage(Self.releaseRoute, person, Self.releaseView(context), request, context)
        }
        router.post("/wbp/{id}/bebas") { request, context in try await self.release(request, context) }
    }

    // MARK: Adding a person

    func addPersonView(_ context: WebRequestContext) async throws -> FormView {
        var fields = [
            FormField("fullName", LocalizedText(id: "Nama lengkap", en: "Full name")),
            FormField("registerNumber", LocalizedText(id: "Nomor register", en: "Register number")),
            FormField("admissionDate", LocalizedText(id: "Tanggal masuk", en: "Admission date"), .date),
            FormField("expectedReleaseDate", LocalizedText(id: "Perkiraan bebas", en: "Expected release"), .date),
            FormField("birthDate", LocalizedText(id: "Tanggal lahir", en: "Birth date"), .date, required: false),
        ]
        if context.account?.role == .admin {
            let counselors = try await app.accounts(context: try kit.actionContext(context))
                .filter { $0.role == .counselor && $0.isActive }
            fields.append(FormField("counselor", LocalizedText(id: "Wali", en: "Counselor"), .select(
                [("", LocalizedText(id: "(belum)", en: "(none yet)"))]
                    + counselors.map { ($0.name, LocalizedText(id: $0.displayName ?? $0.name, en: $0.displayName ?? $0.name)) }),
                required: false))
        }
        return FormView(action: "/wbp/baru", fields: fields, submit: LocalizedText(id: "Tambah WBP", en: "Add person"))
    }

    private func addPersonPage(_ view: FormView, _ request: Request, _ context: WebRequestContext,
                               status: HTTPResponse.Status = .ok) -> Response
    {
        page(context.language.t("Tambah WBP", "Add a person"), request, context, status: status, view.render(context))
    }

    private func addPerson(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await require(.addPerson, context)
        let form = try self.form(context)
        let reader = FormReader(form: form)
        do {
            var input = NewPerson(
                registerNumber: try reader.required("registerNumber"), fullName: try reader.required("fullName"),
                admissionDate: try reader.date("admissionDate"), expectedReleaseDate: try reader.date("expectedReleaseDate"),
                birthDate: try reader.optionalDate("birthDate"))
            input.counselor = reader.optional("counselor")
            let (_, person) = try await app.addPerson(input, context: try kit.actionContext(context))
            return WebResponse.redirect("/wbp/\(person.id.uuidString.lowercased())?pesan=\(Notice.added.rawValue)")
        } catch {
            let failure = AppError(error)
            guard [.invalidInput, .usage, .notFound, .conflict].contains(failure.code) else { throw error }
            let view = try await addPersonView(context).refused(failure, form: form, language: context.language)
            return addPersonPage(view, request, context, status: .unprocessableContent)
        }
    }

    // MARK: Details, remisi, transfer, counselor

    static let detailsForm = PersonFormRoute(
        slug: "data", title: LocalizedText(id: "Ubah data WBP", en: "Change a person's details"),
        permission: { .recordFor($0.id) },
        view: { site, person, context in
            let l = context.language
            return FormView(action: "", fields: [
                FormField("fullName", LocalizedText(id: "Nama lengkap", en: "Full name")),
                FormField("registerNumber", LocalizedText(id: "Nomor register", en: "Register number")),
                FormField("admissionDate", LocalizedText(id: "Tanggal masuk", en: "Admission date"), .date),
                FormField("expectedReleaseDate", LocalizedText(id: "Perkiraan bebas", en: "Expected release"), .date,
                          hint: LocalizedText(id: "Untuk remisi, pakai formulir Remisi.", en: "For a remission, use the Remission form.")),
                FormField("birthDate", LocalizedText(id: "Tanggal lahir", en: "Birth date"), .date, required: false),
                FormField("reason", LocalizedText(id: "Alasan perubahan", en: "Reason for the change")),
            ], submit: LocalizedText(id: "Simpan perubahan", en: "Save changes"), values: [
                "fullName": person.fullName.rawValue, "registerNumber": person.registerNumber.rawValue,
                "admissionDate": PageFormat.date(person.admissionDate, l),
                "expectedReleaseDate": PageFormat.date(person.expectedReleaseDate, l),
                "birthDate": person.birthDate.map { PageFormat.date($0, l) } ?? "",
            ])
        },
        submit: { site, person, form, context in
            var changes = RecordChanges()
            let name = try form.required("fullName"), number = try form.required("registerNumber")
            if name != person.fullName.rawValue { changes.fullName = name }
            if number != person.registerNumber.rawValue { changes.registerNumber = number }
            let admission = try form.date("admissionDate"), release = try form.date("expectedReleaseDate")
            if admission != person.admissionDate { changes.admissionDate = admission }
            if release != person.expectedReleaseDate { changes.expectedReleaseDate = release }
            if let birth = try form.optionalDate("birthDate"), birth != person.birthDate { changes.birthDate = birth }
            let history = try await site.app.history(of: .id(person.id), context: context)
            guard let added = history.entries.first(where: { $0.event.type == "person.added" }) else {
                throw AppError(.notFound, "no event with this id", reason: .noSuchEvent)
            }
            _ = try await site.app.correct(eventID: added.event.id, changes: changes, reason: form.text("reason"),
                                           context: context)
            return .corrected
        },
        aliases: ["name": "fullName", "register number": "registerNumber"])

    static let remissionForm = PersonFormRoute(
        slug: "remisi", title: LocalizedText(id: "Catat remisi", en: "Record a remission"),
        permission: { .recordFor($0.id) },
        view: { site, person, context in
            FormView(action: "", fields: [
                FormField("decree", LocalizedText(id: "Nomor SK", en: "Decree number")),
                FormField.terms("kind", LocalizedText(id: "Jenis remisi", en: "Kind"), Remission.Kind.self),
                FormField("grantedOn", LocalizedText(id: "Tanggal SK", en: "Granted on"), .date),
                FormField("months", LocalizedText(id: "Bulan", en: "Months"), .count, required: false),
                FormField("days", LocalizedText(id: "Hari", en: "Days"), .count, required: false),
            ], submit: LocalizedText(id: "Simpan remisi", en: "Save remission"), values: ["grantedOn": site.todayText(context.language)])
        },
        submit: { site, person, form, context in
            _ = try await site.app.recordRemission(RemissionInput(
                person: .id(person.id), decree: form.text("decree"), kind: try form.term("kind", Remission.Kind.self),
                grantedOn: try form.date("grantedOn"), months: try form.count("months"), days: try form.count("days")),
                context: context)
            return .remission
        },
        aliases: ["date": "grantedOn"])

    static let transferForm = PersonFormRoute(
        slug: "pindah", title: LocalizedText(id: "Catat pemindahan", en: "Record a transfer"),
        permission: { .recordFor($0.id) },
        view: { site, _, context in
            FormView(action: "", fields: [
                FormField("to", LocalizedText(id: "Kode lapas tujuan", en: "Destination facility code")),
                FormField("date", LocalizedText(id: "Tanggal pindah", en: "Date"), .date),
            ], submit: LocalizedText(id: "Simpan pemindahan", en: "Save transfer"), values: ["date": site.todayText(context.language)])
        },
        submit: { site, person, form, context in
            _ = try await site.app.transfer(.id(person.id), to: form.text("to"), on: try form.date("date"), context: context)
            return .saved
        },
        aliases: ["toFacility": "to"])

    static let counselorForm = PersonFormRoute(
        slug: "wali", title: LocalizedText(id: "Tetapkan wali", en: "Assign a counselor"),
        permission: { _ in .administer },
        view: { site, person, context in
            let counselors = try await site.app.accounts(context: try site.kit.actionContext(context))
                .filter { $0.role == .counselor && $0.isActive }
            return FormView(action: "", fields: [
                FormField("counselor", LocalizedText(id: "Wali", en: "Counselor"), .select(
                    counselors.map { ($0.name, LocalizedText(id: $0.displayName ?? $0.name, en: $0.displayName ?? $0.name)) })),
            ], submit: LocalizedText(id: "Tetapkan", en: "Assign"),
            values: ["counselor": try await site.app.counselor(of: person.id, context: try site.kit.actionContext(context)) ?? ""])
        },
        submit: { site, person, form, context in
            _ = try await site.app.assignCaseload(.id(person.id), to: try form.required("counselor"), context: context)
            return .assigned
        })

    // MARK: Release (shows the verification code to print for the person)

    static let releaseRoute = PersonFormRoute(
        slug: "bebas", title: LocalizedText(id: "Catat bebas", en: "Record a release"),
        permission: { .recordFor($0.id) }, view: { _, _, context in releaseView(context) },
        submit: { _, _, _, _ in .released })

    static func releaseView(_ context: WebRequestContext) -> FormView {
        FormView(action: "", fields: [
            FormField.terms("kind", LocalizedText(id: "Jenis", en: "Kind"), ReleaseKind.self),
            FormField("date", LocalizedText(id: "Tanggal bebas", en: "Date of release"), .date),
        ], submit: LocalizedText(id: "Simpan pembebasan", en: "Save release"))
    }

    private func release(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let person = try await self.person(context)
        try await require(.recordFor(person.id), context)
        let form = try self.form(context)
        let reader = FormReader(form: form)
        let l = context.language
        do {
            let (_, code) = try await app.release(
                .id(person.id), on: try reader.date("date"), kind: try reader.term("kind", ReleaseKind.self),
                context: try kit.actionContext(context))
            return page(l.t("Bebas tercatat", "Release recorded"), request, context, """
                <p class="notice">\(Notice.released.text(l))</p>
                <p>\(l.t("Berikan kode verifikasi ini kepada WBP (dicetak); PK di Bapas memintanya untuk memastikan berkas portofolio:", "Give this verification code to the person (printed); the PK at Bapas asks for it to confirm the portfolio file:"))</p>
                <p class="code">\(code.formatted)</p>
                <p><a href="/wbp/\(person.id.uuidString.lowercased())">\(l.t("Kembali ke halaman WBP", "Back to the person"))</a></p>
                """)
        } catch {
            let failure = AppError(error)
            guard [.invalidInput, .usage, .notFound, .conflict].contains(failure.code) else { throw error }
            return personFormPage(Self.releaseRoute, person, Self.releaseView(context).refused(failure, form: form, language: l),
                                  request, context, status: .unprocessableContent)
        }
    }
}
