/// A versioned set of competency units, e.g. an SKKNI batik standard or a partner's house standard.
///
/// Frameworks are data: imported from JSON described by `schemas/framework.schema.json`. A unit is
/// identified by `(framework id, framework version, unit code)`, so retiring a unit in a new version never
/// strands an assessment recorded against the old one.
public struct CompetencyFramework: Sendable, Hashable, Codable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    /// Where the units come from (a regulation, a partner), shown in exports.
    public var source: String?
    /// `true` for the clearly labelled sample framework Bekal ships for demos and tests.
    public var isSample: Bool
    public var units: [CompetencyUnit]

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

    public func unit(code: String) -> CompetencyUnit? { units.first { $0.code == code } }
}

/// Text in Bahasa Indonesia and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var id: String
    public var en: String

    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }
}

/// One unit of competency, e.g. `C.13BTK01.001.2` *Menggambar Sketsa Batik*.
public struct CompetencyUnit: Sendable, Hashable, Codable {
    public var code: String
    public var title: LocalizedText
    /// Elements of competency (the steps an assessor checks), optional.
    public var elements: [LocalizedText]
    /// KKNI qualification level (1–9), when the standard states one.
    public var kkniLevel: Int?
    /// Core units count towards readiness; elective ones are recorded but not required.
    public var isCore: Bool

    public init(code: String, title: LocalizedText, elements: [LocalizedText] = [], kkniLevel: Int? = nil, isCore: Bool = true) {
        self.code = code
        self.title = title
        self.elements = elements
        self.kkniLevel = kkniLevel
        self.isCore = isCore
    }
}
