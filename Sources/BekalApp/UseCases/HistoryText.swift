import BekalDomain
import Foundation

/// What an event says, in a line, for a person's history (both languages).
enum HistoryText {
    static func isRecord(_ payload: LedgerPayload) -> Bool {
        switch payload {
        case .personAdded, .assessmentRecorded, .certificateRecorded, .trainingRecorded, .productionRecorded: true
        default: false
        }
    }

    /// The id of the record an export makes a credential of.
    static func recordID(_ payload: LedgerPayload) -> UUID? {
        switch payload {
        case .assessmentRecorded(let a): a.id
        case .certificateRecorded(let c): c.id
        default: nil
        }
    }

    static func recordDate(_ payload: LedgerPayload) -> LocalDate? {
        switch payload {
        case .personAdded(let p): p.admissionDate
        case .assessmentRecorded(let a): a.date
        case .certificateRecorded(let c): c.issuedOn
        case .trainingRecorded(let t): t.date
        case .productionRecorded(let p): p.date
        case .transferred(let t): t.date
        case .released(let r): r.date
        case .remissionGranted(let r): r.grantedOn
        case .corrected(let c): c.replacement.flatMap(recordDate)
        default: nil
        }
    }

    /// - Parameter previous: for a correction, the record it replaced (the original, or the replacement of the
    ///   correction before it): the summary then says which fields changed, old → new.
    static func summary(_ payload: LedgerPayload, replacing previous: LedgerPayload? = nil) -> LocalizedText {
        switch payload {
        case .facilityInitialized: LocalizedText(id: "Fasilitas dibuat", en: "Facility created")
        case .frameworkImported(let f): LocalizedText(id: "Kerangka \(f.id) \(f.version) diimpor", en: "Framework \(f.id) \(f.version) imported")
        case .personAdded(let p):
            LocalizedText(id: "Terdaftar; masuk \(p.admissionDate), perkiraan bebas \(p.expectedReleaseDate)",
                          en: "Added; admitted \(p.admissionDate), expected release \(p.expectedReleaseDate)")
        case .assessmentRecorded(let a):
            LocalizedText(id: "Asesmen \(a.unitCode): \(a.outcome.label.id) (\(a.method.label.id))",
                          en: "Assessment \(a.unitCode): \(a.outcome.label.en) (\(a.method.label.en))")
        case .certificateRecorded(let c):
            LocalizedText(id: "Sertifikat \(c.scheme) dari \(c.issuer), berlaku s.d. \(c.expiresOn)",
                          en: "Certificate \(c.scheme) from \(c.issuer), valid to \(c.expiresOn)")
        case .trainingRecorded(let t):
            LocalizedText(id: "Pelatihan \(number(t.hours, comma: true)) jam: \(t.topic)",
                          en: "Training \(number(t.hours, comma: false)) h: \(t.topic)")
        case .productionRecorded(let p):
            LocalizedText(id: "Produksi \(number(p.quantity, comma: true)) \(p.unit.label.id) \(p.motif), mutu \(p.grade.rawValue)",
                          en: "Production \(number(p.quantity, comma: false)) \(p.unit.rawValue) \(p.motif), grade \(p.grade.rawValue)")
        case .transferred(let t): LocalizedText(id: "Dipindahkan ke \(t.toFacility)", en: "Transferred to \(t.toFacility)")
        case .released(let r): LocalizedText(id: "Bebas: \(r.kind.label.id)", en: "Released: \(r.kind.label.en)")
        case .corrected(let c):
            if let replacement = c.replacement {
                correction(reason: c.reason, changes: previous.map { changes(from: $0, to: replacement) } ?? [])
            } else {
                LocalizedText(id: "Penarikan: \(c.reason)", en: "Retraction: \(c.reason)")
            }
        case .credentialRevoked(let r): LocalizedText(id: "Kredensial dicabut: \(r.reason)", en: "Credential revoked: \(r.reason)")
        case .privacyBudgetSpent: LocalizedText(id: "Anggaran privasi dipakai", en: "Privacy budget spent")
        case .remissionGranted(let r):
            LocalizedText(
                id: "\(r.kind.label.id) SK \(r.decree): \(r.months) bulan \(r.days) hari; bebas \(r.previousReleaseDate) → \(r.newReleaseDate)",
                en: "\(r.kind.label.en) decree \(r.decree): \(r.months) months \(r.days) days; release \(r.previousReleaseDate) → \(r.newReleaseDate)")
        case .evidenceAttached(let e):
            LocalizedText(id: "\(e.evidence.count) bukti ditambahkan ke asesmen", en: "\(e.evidence.count) evidence file(s) attached to an assessment")
        case .verificationCodeIssued: LocalizedText(id: "Kode verifikasi diterbitkan", en: "Verification code issued")
        case .account(let a): AccountText.summary(a)
        }
    }

    /// `Koreksi: <reason> — nama: A → B; perkiraan bebas: 2026-12-20 → 2026-11-10`.
    static func correction(reason: String, changes: [LocalizedText]) -> LocalizedText {
        guard !changes.isEmpty else { return LocalizedText(id: "Koreksi: \(reason)", en: "Correction: \(reason)") }
        return LocalizedText(
            id: "Koreksi: \(reason) — \(changes.map(\.id).joined(separator: "; "))",
            en: "Correction: \(reason) — \(changes.map(\.en).joined(separator: "; "))")
    }

    /// The fields a correction changed, each as `field: old → new`, in both languages. A person's name and
    /// register number are shown as they are: the history is where staff check them (never a log or an error).
    static func changes(from old: LedgerPayload, to new: LedgerPayload) -> [LocalizedText] {
        var out: [LocalizedText] = []
        func add<T: Equatable>(_ id: String, _ en: String, _ before: T, _ after: T, _ text: (T) -> LocalizedText) {
            guard before != after else { return }
            let (from, to) = (text(before), text(after))
            out.append(LocalizedText(id: "\(id): \(from.id) → \(to.id)", en: "\(en): \(from.en) → \(to.en)"))
        }
        func plain(_ text: String) -> LocalizedText { LocalizedText(id: text, en: text) }
        func day(_ date: LocalDate) -> LocalizedText { plain(date.description) }
        func amount(_ value: Double) -> LocalizedText {
            LocalizedText(id: number(value, comma: true), en: number(value, comma: false))
        }
        switch (old, new) {
        case (.personAdded(let a), .personAdded(let b)):
            add("nama", "name", a.fullName.rawValue, b.fullName.rawValue, plain)
            add("nomor register", "register number", a.registerNumber.rawValue, b.registerNumber.rawValue, plain)
            add("tanggal lahir", "birth date", a.birthDate, b.birthDate) { plain($0?.description ?? "-") }
            add("masuk", "admitted", a.admissionDate, b.admissionDate, day)
            add("perkiraan bebas", "expected release", a.expectedReleaseDate, b.expectedReleaseDate, day)
        case (.assessmentRecorded(let a), .assessmentRecorded(let b)):
            add("tanggal", "date", a.date, b.date, day)
            add("unit", "unit", a.unitCode, b.unitCode, plain)
            add("hasil", "outcome", a.outcome, b.outcome) { $0.label }
        case (.certificateRecorded(let a), .certificateRecorded(let b)):
            add("tanggal terbit", "issued", a.issuedOn, b.issuedOn, day)
            add("berlaku s.d.", "valid to", a.expiresOn, b.expiresOn, day)
        case (.trainingRecorded(let a), .trainingRecorded(let b)):
            add("tanggal", "date", a.date, b.date, day)
            add("jam", "hours", a.hours, b.hours, amount)
        case (.productionRecorded(let a), .productionRecorded(let b)):
            add("tanggal", "date", a.date, b.date, day)
            add("jam", "hours", a.hours, b.hours, amount)
            add("jumlah", "quantity", a.quantity, b.quantity, amount)
            add("mutu", "grade", a.grade, b.grade) { plain($0.rawValue) }
        default:
            break
        }
        return out
    }

    static func number(_ value: Double, comma: Bool) -> String {
        var text = value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
        // Trailing zeros of the fraction go (3.50 → 3.5); a regular expression here was a tenth of a history page.
        if value != value.rounded() { while text.hasSuffix("0") { text.removeLast() } }
        return comma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
