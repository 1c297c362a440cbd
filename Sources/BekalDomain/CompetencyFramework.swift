/// A versioned set of competency units, e.g. an SKKNI batik standard or a partner's house standard.
///
/// Frameworks are data: imported from JSON described by `schemas/framework.schema.json`. A unit is
/// identified by `(framework id, framework version, unit code)`, so retiring a unit in a new version never
/// strands an assessment recorded against the old one.
public struct CompetencyFramework: Sendable, Hashable, Codable {
    /// The framework's stable identifier, e.g. `sample-batik-cap`; part of every unit's identity.
    public var id: String
    /// The framework's version label; a new version may retire or add units without touching earlier records.
    public var version: String
    /// The framework's title in Indonesian and English, shown in portfolios and exports.
    public var title: LocalizedText
    /// Where the units come from (a regulation, a partner), shown in exports.
    public var source: String?
    /// `true` for the clearly labelled sample framework Bekal ships for demos and tests.
    public var isSample: Bool
    /// The units of competency this version defines, in the order the standard lists them.
    public var units: [CompetencyUnit]

    /// Creates a framework version; `isSample` marks the demo framework so it is never mistaken for a real standard.
    public init(
        id: String, version: String, title: LocalizedText, source: String? = nil, isSample: Bool = false,
        units: [CompetencyUnit]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.source = source
        self.isSample = isSample
        self.units = units
    }

    /// The unit with this code in this version, or `nil` when the version does not define it.
    public func unit(code: String) -> CompetencyUnit? { units.first { $0.code == code } }
}

/// Text in Bahasa Indonesia and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The Bahasa Indonesia text (the language staff work in), not an identifier.
    public var id: String
    /// The English text, for readers outside Indonesia and English-language exports.
    public var en: String

    /// Creates a text from its Indonesian (`id`) and English (`en`) forms.
    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }
}

/// One unit of competency, e.g. `C.13BTK01.001.2` *Menggambar Sketsa Batik*.
public struct CompetencyUnit: Sendable, Hashable, Codable {
    /// The unit code as the standard writes it, e.g. `C.13BTK01.001.2`; unique within a framework version.
    public var code: String
    /// The unit title in Indonesian and English, as printed in portfolios.
    public var title: LocalizedText
    /// Elements of competency (the steps an assessor checks), optional.
    public var elements: [LocalizedText]
    /// KKNI qualification level (1–9), when the standard states one.
    public var kkniLevel: Int?
    /// Core units count towards readiness; elective ones are recorded but not required.
    public var isCore: Bool

    /// Creates a unit; units are core (required for readiness) unless `isCore` is `false`.
    public init(code: String, title: LocalizedText, elements: [LocalizedText] = [], kkniLevel: Int? = nil, isCore: Bool = true) {
        self.code = code
        self.title = title
        self.elements = elements
        self.kkniLevel = kkniLevel
        self.isCore = isCore
    }
}
