import BekalCredentials
import Foundation

/// The verdict in one sentence that names the facility and what the file holds, in the page's language:
/// "Sah — diterbitkan oleh Lapas Kelas IIA Purwokerto, 9 kompetensi, 1 sertifikat." The CLI's verdict line is the
/// English sentence with the verdict in capitals.
public enum VerdictText {
    /// `SAH`, `SAH DENGAN PENGECUALIAN`, `TIDAK SAH` / `VALID`, `VALID WITH EXCEPTIONS`, `INVALID`.
    public static func headline(_ verdict: Verdict, _ language: PageLanguage) -> String {
        switch verdict {
        case .valid: language.labels.verdictValid
        case .validWithExceptions: language.labels.verdictValidWithExceptions
        case .invalid: language.labels.verdictInvalid
        }
    }

    /// The whole sentence: "Sah — diterbitkan oleh …, 9 kompetensi, 1 sertifikat."
    public static func sentence(_ summary: VerificationSummary, _ language: PageLanguage) -> String {
        let word = headline(summary.verdict, language).lowercased()
        return word.prefix(1).uppercased() + word.dropFirst() + " — " + body(summary, language)
    }

    /// The sentence after the verdict word, ending with a full stop.
    public static func body(_ summary: VerificationSummary, _ language: PageLanguage) -> String {
        let id = language == .indonesian
        switch summary.verdict {
        case .valid:
            return "\(id ? "diterbitkan oleh" : "issued by") \(issuer(summary, language))\(id ? "," : ":") \(counts(summary.contents, language))."
        case .validWithExceptions:
            let revoked = summary.exceptions.filter { $0.kind == .revoked }.map { credential($0.credential, language) }
            let expired = summary.exceptions.compactMap { exception -> String? in
                guard case .expired(let on) = exception.kind else { return nil }
                return "\(credential(exception.credential, language)) \(id ? "pada" : "on") \(PageFormat.date(on, language))"
            }
            var parts = ["\(id ? "diterbitkan oleh" : "issued by") \(issuer(summary, language))\(id ? "," : ":") \(counts(summary.contents, language))"]
            if !revoked.isEmpty { parts.append("\(id ? "ditarik" : "withdrawn"): \(list(revoked))") }
            if !expired.isEmpty { parts.append("\(id ? "kedaluwarsa" : "expired"): \(list(expired))") }
            return parts.joined(separator: "; ") + (id ? ". Selebihnya tetap berlaku." : ". The rest stands.")
        case .invalid:
            return invalidReason(summary, language) + "."
        }
    }

    /// Said after the sentence when revocation was not checked for every credential, else `nil`.
    public static func revocationNote(_ summary: VerificationSummary, _ language: PageLanguage) -> String? {
        let coverage = summary.revocation
        guard !coverage.isComplete else { return nil }
        let id = language == .indonesian
        let reasons = coverage.reasons.map { CheckText.revocationGap($0, language) }.joined(separator: "; ")
        if coverage.isNone {
            return (id ? "Status penarikan TIDAK diperiksa: " : "Revocation NOT checked: ") + reasons + "."
        }
        let missing = coverage.notChecked.values.reduce(0, +)
        let total = missing + coverage.checked
        return id
            ? "Status penarikan TIDAK diperiksa untuk \(missing) dari \(total) kredensial: \(reasons)."
            : "Revocation NOT checked for \(missing) of \(total) credentials: \(reasons)."
    }

    /// The register-number (and code) check, in a sentence.
    public static func identity(_ outcome: VerificationSummary.IdentityOutcome, _ language: PageLanguage) -> String {
        let id = language == .indonesian
        switch outcome {
        case .matched:
            return id ? "Nomor register dan kode verifikasi cocok dengan pemilik berkas ini." : "The register number and verification code match this file's holder."
        case .matchedWeakForm:
            return id
                ? "Nomor register cocok. Berkas ini memakai bentuk identitas lama tanpa kode verifikasi, yang dapat ditebak dari berkasnya; mintalah ekspor baru."
                : "The register number matches. This file uses the older identity form without a verification code, which can be guessed from the file; ask for a new export."
        case .mismatch:
            return id ? "Nomor register (dan kode verifikasi) TIDAK cocok: berkas ini bukan milik orang tersebut." : "The register number (and verification code) do NOT match: this file is not that person's."
        case .notChecked(let code):
            return CheckText.finding(check: "identity", code: code, date: nil, detail: code.rawValue, language)
        }
    }

    /// "Lapas Kelas IIA Purwokerto", or the issuer id with the name it gives itself, marked unconfirmed.
    static func issuer(_ summary: VerificationSummary, _ language: PageLanguage) -> String {
        guard let issuer = summary.issuer else { return language == .indonesian ? "penerbit tak dikenal" : "an unknown issuer" }
        guard let name = issuer.name else { return issuer.id }
        if issuer.nameIsConfirmed { return name }
        return language == .indonesian
            ? "\(issuer.id) (menyebut dirinya “\(name)”; nama ini tidak dikonfirmasi daftar kepercayaan)"
            : "\(issuer.id) (calls itself “\(name)”; no trust list confirms that name)"
    }

    static func counts(_ contents: VerificationSummary.Contents, _ language: PageLanguage) -> String {
        if language == .indonesian {
            return contents.certificates == 0
                ? "\(contents.competencies) kompetensi" : "\(contents.competencies) kompetensi, \(contents.certificates) sertifikat"
        }
        let competencies = "\(contents.competencies) \(contents.competencies == 1 ? "competency" : "competencies")"
        guard contents.certificates > 0 else { return competencies }
        return competencies + ", \(contents.certificates) \(contents.certificates == 1 ? "certificate" : "certificates")"
    }

    /// A credential as a reader names it: "sertifikat Tukang Cap (BTK-2026-0042)", "competency C.13BTK01.003.2".
    public static func credential(_ reference: CredentialReference, _ language: PageLanguage) -> String {
        let id = language == .indonesian
        switch reference.kind {
        case .export: return id ? "berkas ini" : "this file"
        case .competency: return "\(id ? "kompetensi" : "competency") \(reference.unitCode ?? reference.id ?? "?")"
        case .certificate:
            return "\(id ? "sertifikat" : "certificate") \(reference.scheme ?? reference.id ?? "?")"
                + (reference.certificateNumber.map { " (\($0))" } ?? "")
        case .record: return id ? "catatan pelatihan dan produksi" : "the training and production record"
        case .other: return reference.id ?? reference.label
        }
    }

    private static func invalidReason(_ summary: VerificationSummary, _ language: PageLanguage) -> String {
        let id = language == .indonesian
        let failing = summary.failures.map(\.credential)
        var seen = Set<String>()
        let named = failing.filter { $0.kind != .export && seen.insert($0.label).inserted }.prefix(5).map { credential($0, language) }
        let which = named.isEmpty ? "" : (id ? "; gagal diperiksa: " : "; failing: ") + list(Array(named))
        switch summary.invalidCause ?? .alteredOrForged {
        case .alteredOrForged:
            return (id ? "tanda tangan atau struktur tidak cocok dengan isinya: isinya mungkin telah diubah" : "a signature or the structure does not match the contents: they may have been altered") + which
        case .untrustedIssuer:
            return id ? "penerbit \(issuer(summary, language)) tidak tepercaya" : "the issuer \(issuer(summary, language)) is not trusted"
        case .withdrawn:
            return id ? "berkas ini telah ditarik oleh penerbitnya, \(issuer(summary, language))" : "this file was withdrawn by its issuer, \(issuer(summary, language))"
        case .outsideValidity:
            return (id ? "tidak berlaku pada waktu pemeriksaan" : "not valid at the time of the check") + which
        case .otherPerson:
            return id ? "nomor register (dan kode verifikasi) yang diberikan tidak cocok: berkas ini tentang orang lain" : "the register number (and verification code) given do not match: this file is about someone else"
        case .unreadable:
            return id ? "berkas tidak dapat dibaca atau melampaui batas pemeriksaan" : "the file cannot be read, or it exceeds the limits of the check"
        }
    }

    private static func list(_ items: [String]) -> String { items.joined(separator: ", ") }
}
