import BekalApp
import BekalDomain
import BekalRender
import Foundation

/// One input of a form.
struct FormField: Sendable {
    enum Kind: Sendable {
        case text, longText, date, number, count, password
        /// A choice: the value sent and its label.
        case select([(value: String, label: LocalizedText)])
        /// A file, with the types the picker offers and whether a phone opens its camera.
        case file(accept: String, capture: Bool)
    }

    var name: String
    var label: LocalizedText
    var kind: Kind
    var required = true
    var hint: LocalizedText?

    init(_ name: String, _ label: LocalizedText, _ kind: Kind = .text, required: Bool = true, hint: LocalizedText? = nil) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
    }

    /// A choice among the terms of the glossary, labelled in the page's language.
    static func terms<T: GlossaryTerm>(_ name: String, _ label: LocalizedText, _ type: T.Type) -> FormField {
        FormField(name, label, .select(T.allCases.map { ($0.rawValue, $0.label) }))
    }
}

/// A form as shown: its fields with what was typed and, after a refused submission, the message next to the
/// field it concerns (or above the form when it concerns no one field). Nothing was saved then.
struct FormView: Sendable {
    var action: String
    var fields: [FormField]
    var submit: LocalizedText
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var general: String?

    var hasFile: Bool { fields.contains { if case .file = $0.kind { true } else { false } } }

    func render(_ context: WebRequestContext) -> HTML {
        let l = context.language
        let inputs = fields.map { field -> HTML in
            let id = "f-\(field.name)"
            let value = values[field.name] ?? ""
            let label = l == .english ? field.label.en : field.label.id
            let error = errors[field.name]
            let described = error != nil ? HTML(" aria-invalid=\"true\" aria-describedby=\"\(id)-e\"") : .empty
            let required = HTML.when(field.required, " required")
            let control: HTML
            switch field.kind {
            case .text:
                control = "<input id=\"\(id)\" name=\"\(field.name)\" value=\"\(value)\"\(required)\(described)>"
            case .password:
                control = "<input id=\"\(id)\" name=\"\(field.name)\" type=\"password\" autocomplete=\"new-password\"\(required)\(described)>"
            case .longText:
                control = "<textarea id=\"\(id)\" name=\"\(field.name)\" rows=\"3\"\(required)\(described)>\(value)</textarea>"
            case .date:
                control = "<input id=\"\(id)\" name=\"\(field.name)\" value=\"\(value)\" placeholder=\"\(l.t("contoh: 6 Desember 2026", "e.g. 6 December 2026"))\" autocomplete=\"off\"\(required)\(described)>"
            case .number, .count:
                control = "<input id=\"\(id)\" name=\"\(field.name)\" value=\"\(value)\" inputmode=\"decimal\" autocomplete=\"off\"\(required)\(described)>"
            case .select(let options):
                let items = options.map { option -> HTML in
                    let text = l == .english ? option.label.en : option.label.id
                    return "<option value=\"\(option.value)\"\(HTML.when(option.value == value, " selected"))>\(text)</option>"
                }
                control = "<select id=\"\(id)\" name=\"\(field.name)\"\(described)>\(items)</select>"
            case .file(let accept, let capture):
                control = "<input id=\"\(id)\" name=\"\(field.name)\" type=\"file\" accept=\"\(accept)\"\(HTML.when(capture, " capture=\"environment\""))\(required)\(described)>"
            }
            let hint = field.hint.map { HTML("<small>\(l == .english ? $0.en : $0.id)</small>") }
            let message = error.map { HTML("<p class=\"field-error\" id=\"\(id)-e\">\($0)</p>") }
            return "<div class=\"field\(HTML.when(error != nil, " invalid"))\"><label for=\"\(id)\">\(label)\(HTML.when(!field.required, " <span class=\"optional\">(\(l.t("boleh kosong", "optional")))</span>"))</label>\(control)\(hint)\(message)</div>"
        }
        let encoding = HTML.when(hasFile, " enctype=\"multipart/form-data\"")
        return """
            \(general.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            \(HTML.when(!errors.isEmpty && general == nil, HTML("<p class=\"error\" role=\"alert\">\(l.t("Periksa isian yang ditandai; belum ada yang disimpan.", "Check the marked fields; nothing was saved."))</p>")))
            <form method="post" action="\(action)"\(encoding) class="card">
            \(Layout.csrf(context))
            \(inputs)
            <button type="submit">\(l == .english ? submit.en : submit.id)</button>
            </form>
            """
    }

    /// The form again with the submitted values and the error placed next to its field.
    func refused(_ error: AppError, form: FormData, language: PageLanguage, aliases: [String: String] = [:]) -> FormView {
        var view = self
        view.values = form.fields
        let message = Messages.text(error, language)
        var field = error.field.map { $0.replacingOccurrences(of: "replacement.", with: "") }
        field = field.flatMap { aliases[$0] ?? $0 }
        if let field, fields.contains(where: { $0.name == field }) {
            view.errors[field] = message
        } else {
            view.general = message
        }
        return view
    }
}

/// Typed values read from a form, with the form's field names in the errors (so they land next to the field).
struct FormReader {
    let form: FormData

    func text(_ name: String) -> String { form[name] }
    func optional(_ name: String) -> String? { form.optional(name) }

    func required(_ name: String) throws(AppError) -> String {
        guard let value = form.optional(name) else { throw AppError(.invalidInput, "\(name): a value is required", field: name, reason: .valueRequired) }
        return value
    }

    func date(_ name: String) throws(AppError) -> LocalDate { try TypedInput.date(try required(name), field: name) }

    func optionalDate(_ name: String) throws(AppError) -> LocalDate? {
        guard let text = form.optional(name) else { return nil }
        return try TypedInput.date(text, field: name)
    }

    func number(_ name: String) throws(AppError) -> Double { try TypedInput.number(try required(name), field: name) }

    func optionalNumber(_ name: String) throws(AppError) -> Double? {
        guard let text = form.optional(name) else { return nil }
        return try TypedInput.number(text, field: name)
    }

    func count(_ name: String, default value: Int = 0) throws(AppError) -> Int {
        guard let text = form.optional(name) else { return value }
        return try TypedInput.count(text, field: name)
    }

    func term<T: GlossaryTerm>(_ name: String, _ type: T.Type) throws(AppError) -> T {
        try TypedInput.term(try required(name), field: name, as: type)
    }

    /// The files of a file input, checked (type by content, size), each described as `description`.
    func uploads(_ name: String, description: String) throws(AppError) -> [EvidenceUpload] {
        try (form.files[name] ?? []).map { file throws(AppError) in
            try EvidenceUpload(bytes: file.bytes, fileName: file.fileName, description: description)
        }
    }
}
