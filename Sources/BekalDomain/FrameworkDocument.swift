import BekalJSON
import Foundation

/// The file format of a competency framework: JSON described by `schemas/framework.schema.json`, read strictly.
///
/// Strict means: unknown members are refused (a misspelt `tittle` must not silently drop a title), every
/// required member is present with its JSON type, texts are not blank, ids and unit codes use a safe alphabet,
/// KKNI levels are 1–9 and unit codes are unique. The first problem is thrown as a `FrameworkError` naming its
/// JSON path, e.g. `units[3].title.en`.
public enum FrameworkDocument {
    /// Longest id, version or unit code accepted.
    public static let maxIdentifierLength = 64
    /// Longest title, element or source text accepted.
    public static let maxTextLength = 500

    /// Decodes and checks a framework from JSON text.
    public static func decode(json data: Data) throws(FrameworkError) -> CompetencyFramework {
        let root = try JSONObjectReader(
            try JSONNode.parse(data), path: "",
            allowed: ["$schema", "id", "version", "title", "source", "isSample", "units"])
        _ = try root.optionalString("$schema")
        let id = try root.string("id")
        try checkIdentifier(id, path: "id")
        let version = try root.string("version")
        try checkIdentifier(version, path: "version")
        let title = try localizedText(try root.required("title"), path: "title")
        let source = try root.optionalString("source")
        if let source { try checkText(source, path: "source") }
        let isSample = try root.optionalBool("isSample") ?? false
        let unitNodes = try root.array("units", required: true) ?? []
        var units: [CompetencyUnit] = []
        units.reserveCapacity(unitNodes.count)
        for (index, node) in unitNodes.enumerated() {
            units.append(try unit(node, path: "units[\(index)]"))
        }
        let framework = CompetencyFramework(
            id: id, version: version, title: title, source: source, isSample: isSample, units: units)
        try checkUnitList(framework.units, path: { "units[\($0)]" })
        return framework
    }

    /// Checks a framework value against the same rules as a file (for frameworks built in code or read from
    /// the ledger).
    public static func check(_ framework: CompetencyFramework) throws(FrameworkError) {
        try checkIdentifier(framework.id, path: "id")
        try checkIdentifier(framework.version, path: "version")
        try checkText(framework.title.id, path: "title.id")
        try checkText(framework.title.en, path: "title.en")
        if let source = framework.source { try checkText(source, path: "source") }
        for (index, unit) in framework.units.enumerated() {
            let path = "units[\(index)]"
            try checkIdentifier(unit.code, path: "\(path).code")
            try checkText(unit.title.id, path: "\(path).title.id")
            try checkText(unit.title.en, path: "\(path).title.en")
            for (e, element) in unit.elements.enumerated() {
                try checkText(element.id, path: "\(path).elements[\(e)].id")
                try checkText(element.en, path: "\(path).elements[\(e)].en")
            }
            if let level = unit.kkniLevel { try checkKKNILevel(Double(level), path: "\(path).kkniLevel") }
        }
        try checkUnitList(framework.units, path: { "units[\($0)]" })
    }

    /// Encodes a framework in the file format (pretty-printed, keys sorted), ready to be written or shipped.
    public static func encode(_ framework: CompetencyFramework) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and booleans cannot fail.
        return (try? encoder.encode(framework)) ?? Data()
    }

    // MARK: - Members

    private static func unit(_ node: JSONNode, path: String) throws(FrameworkError) -> CompetencyUnit {
        let object = try JSONObjectReader(
            node, path: path, allowed: ["code", "title", "elements", "kkniLevel", "isCore"])
        let code = try object.string("code")
        try checkIdentifier(code, path: object.childPath("code"))
        let title = try localizedText(try object.required("title"), path: object.childPath("title"))
        var elements: [LocalizedText] = []
        for (index, element) in (try object.array("elements", required: false) ?? []).enumerated() {
            elements.append(try localizedText(element, path: object.childPath("elements[\(index)]")))
        }
        var level: Int?
        if let number = try object.optionalNumber("kkniLevel") {
            try checkKKNILevel(number, path: object.childPath("kkniLevel"))
            level = Int(number)
        }
        let isCore = try object.optionalBool("isCore") ?? true
        return CompetencyUnit(code: code, title: title, elements: elements, kkniLevel: level, isCore: isCore)
    }

    private static func localizedText(_ node: JSONNode, path: String) throws(FrameworkError) -> LocalizedText {
        let object = try JSONObjectReader(node, path: path, allowed: ["id", "en"])
        let id = try object.string("id")
        try checkText(id, path: object.childPath("id"))
        let en = try object.string("en")
        try checkText(en, path: object.childPath("en"))
        return LocalizedText(id: id, en: en)
    }

    // MARK: - Rules shared by the JSON and CSV forms

    static func checkIdentifier(_ text: String, path: String) throws(FrameworkError) {
        guard !text.isEmpty else {
            throw FrameworkError(.invalidIdentifier, path: path, message: "An identifier must not be empty.")
        }
        guard text.unicodeScalars.count <= maxIdentifierLength else {
            throw FrameworkError(.textTooLong, path: path, message: "An identifier is at most 64 characters long.")
        }
        let scalars = Array(text.unicodeScalars)
        func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
        }
        guard isAlphanumeric(scalars[0]), scalars.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" })
        else {
            throw FrameworkError(
                .invalidIdentifier, path: path,
                message: "An identifier starts with a letter or digit and uses only A-Z, a-z, 0-9, '.', '_' and '-'.")
        }
    }

    static func checkText(_ text: String, path: String) throws(FrameworkError) {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw FrameworkError(.emptyText, path: path, message: "A text must not be empty or only white space.")
        }
        guard text.unicodeScalars.count <= maxTextLength else {
            throw FrameworkError(.textTooLong, path: path, message: "A text is at most 500 characters long.")
        }
    }

    static func checkKKNILevel(_ level: Double, path: String) throws(FrameworkError) {
        guard level.rounded() == level, (1...9).contains(level) else {
            throw FrameworkError(.kkniLevelOutOfRange, path: path, message: "A KKNI level is an integer from 1 to 9.")
        }
    }

    static func checkUnitList(_ units: [CompetencyUnit], path: (Int) -> String) throws(FrameworkError) {
        guard !units.isEmpty else {
            throw FrameworkError(.noUnits, path: "units", message: "A framework has at least one unit.")
        }
        var seen = Set<String>()
        for (index, unit) in units.enumerated() where !seen.insert(unit.code).inserted {
            throw FrameworkError(
                .duplicateUnitCode, path: "\(path(index)).code", message: "Two units of a framework share this code.")
        }
    }
}
