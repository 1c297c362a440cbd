/// A value with its names in the programme's two languages and the other words people type for it. Front ends
/// show `label`; they accept the raw value, either label or any alias, ignoring case, so a counselor can type
/// `Kompeten`, `--role asesor` or `release --kind PB`.
public protocol GlossaryTerm: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The name shown to people.
    var label: LocalizedText { get }
    /// Other words typed for it (abbreviations, Indonesian forms), lowercase.
    var aliases: [String] { get }
}

extension GlossaryTerm {
    /// The term a typed word names: the raw value, a label or an alias, ignoring case and surrounding space.
    public init?(typed text: String) {
        // Most words arrive as the raw value itself (CSV files from spreadsheets and from Bekal): answered without
        // lowercasing every word of every term (that scan was ≈ 4% of an import). The same term as the scan
        // below, because no term's label or alias is another term's raw value (`GlossaryTests`).
        if let exact = Self(rawValue: text) {
            self = exact
            return
        }
        let key = text.trimmingWhitespace().lowercased()
        guard !key.isEmpty else { return nil }
        let match = Self.allCases.first { term in
            term.rawValue.lowercased() == key || term.label.id.lowercased() == key || term.label.en.lowercased() == key
                || term.aliases.contains(key)
        }
        guard let match else { return nil }
        self = match
    }

    /// The words accepted, for messages: each raw value with its Indonesian label.
    public static var acceptedWords: String {
        allCases.map { "\($0.rawValue) (\($0.label.id))" }.joined(separator: ", ")
    }
}

extension AssessmentOutcome: GlossaryTerm {
    /// The outcome as staff and readers see it: Kompeten / Competent or Belum Kompeten / Not yet competent.
    public var label: LocalizedText {
        switch self {
        case .kompeten: LocalizedText(id: "Kompeten", en: "Competent")
        case .belumKompeten: LocalizedText(id: "Belum Kompeten", en: "Not yet competent")
        }
    }

    /// Abbreviations counselors type for the outcome, e.g. `k` and `bk`.
    public var aliases: [String] {
        switch self {
        case .kompeten: ["k"]
        case .belumKompeten: ["bk", "belum"]
        }
    }
}

extension AssessmentMethod: GlossaryTerm {
    /// The assessment method's name in Indonesian and English, e.g. Observasi / Observation.
    public var label: LocalizedText {
        switch self {
        case .observation: LocalizedText(id: "Observasi", en: "Observation")
        case .demonstration: LocalizedText(id: "Demonstrasi", en: "Demonstration")
        case .questioning: LocalizedText(id: "Tanya jawab", en: "Questioning")
        case .portfolioReview: LocalizedText(id: "Tinjauan portofolio", en: "Portfolio review")
        }
    }

    /// Other Indonesian and English words accepted for the method, e.g. `praktik` for a demonstration.
    public var aliases: [String] {
        switch self {
        case .observation: ["pengamatan"]
        case .demonstration: ["praktik", "unjuk kerja"]
        case .questioning: ["wawancara", "pertanyaan", "tes lisan"]
        case .portfolioReview: ["portofolio", "portfolio", "verifikasi portofolio"]
        }
    }
}

extension AssessorRole: GlossaryTerm {
    /// The assessor's role in Indonesian and English, e.g. Asesor BNSP / BNSP assessor.
    public var label: LocalizedText {
        switch self {
        case .bnspAssessor: LocalizedText(id: "Asesor BNSP", en: "BNSP assessor")
        case .partnerMentor: LocalizedText(id: "Mentor mitra", en: "Partner mentor")
        case .facilityStaff: LocalizedText(id: "Petugas lapas", en: "Facility staff")
        }
    }

    /// Other words accepted for the role, e.g. `asesor` for a BNSP assessor or `mentor` for the partner's mentor.
    public var aliases: [String] {
        switch self {
        case .bnspAssessor: ["asesor", "asesor kompetensi"]
        case .partnerMentor: ["mentor", "pendamping", "mitra"]
        case .facilityStaff: ["petugas", "staf", "pegawai"]
        }
    }
}

extension ReleaseKind: GlossaryTerm {
    /// The kind of release in Indonesian and English, e.g. Pembebasan bersyarat / Parole.
    public var label: LocalizedText {
        switch self {
        case .parole: LocalizedText(id: "Pembebasan bersyarat", en: "Parole")
        case .conditionalLeave: LocalizedText(id: "Cuti bersyarat", en: "Conditional leave")
        case .endOfSentence: LocalizedText(id: "Bebas murni", en: "End of sentence")
        case .leaveBeforeRelease: LocalizedText(id: "Cuti menjelang bebas", en: "Leave before release")
        }
    }

    /// The abbreviations used in correctional paperwork, e.g. `pb`, `cb`, `cmb`.
    public var aliases: [String] {
        switch self {
        case .parole: ["pb"]
        case .conditionalLeave: ["cb"]
        case .endOfSentence: ["bebas", "ekspirasi"]
        case .leaveBeforeRelease: ["cmb"]
        }
    }
}

extension ProductionUnit: GlossaryTerm {
    /// The production unit in Indonesian and English: Lembar / Pieces or Meter / Metres.
    public var label: LocalizedText {
        switch self {
        case .pieces: LocalizedText(id: "Lembar", en: "Pieces")
        case .metres: LocalizedText(id: "Meter", en: "Metres")
        }
    }

    /// Other words accepted for the unit, e.g. `pcs` or `helai` for pieces and `m` for metres.
    public var aliases: [String] {
        switch self {
        case .pieces: ["potong", "pcs", "helai"]
        case .metres: ["m"]
        }
    }
}

extension QualityGrade: GlossaryTerm {
    /// The grade as shown in portfolios, e.g. Mutu A / Grade A.
    public var label: LocalizedText { LocalizedText(id: "Mutu \(rawValue)", en: "Grade \(rawValue)") }
    /// Grades have no aliases: staff type the letter itself.
    public var aliases: [String] { [] }
}

extension PersonStatus: GlossaryTerm {
    /// The person's status in Indonesian and English: Aktif, Bebas (released) or Dipindahkan (transferred).
    public var label: LocalizedText {
        switch self {
        case .active: LocalizedText(id: "Aktif", en: "Active")
        case .released: LocalizedText(id: "Bebas", en: "Released")
        case .transferred: LocalizedText(id: "Dipindahkan", en: "Transferred")
        }
    }

    /// Other words accepted for the status, e.g. `mutasi` for a transfer.
    public var aliases: [String] {
        switch self {
        case .active: ["aktif"]
        case .released: ["dibebaskan"]
        case .transferred: ["pindah", "mutasi"]
        }
    }
}
