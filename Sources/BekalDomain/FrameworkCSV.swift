import Foundation

extension FrameworkDocument {
    /// The header of the CSV form: one unit per row.
    ///
    /// `core` is `yes`/`no` (also `ya`/`tidak`, `true`/`false`, `1`/`0`); `kkni_level` may be empty;
    /// `elements` holds the unit's elements separated by `|`, each written `Indonesian :: English`.
    public static let csvHeader = ["code", "title_id", "title_en", "kkni_level", "core", "elements"]

    /// Decodes a framework from its CSV form. The CSV holds the units; the framework's own id, version and
    /// title come from the caller (the command line). Errors name the row and column, e.g. `row 4, title_en`.
    public static func decode(
        csv data: Data, id: String, version: String, title: LocalizedText, source: String? = nil,
        isSample: Bool = false
    ) throws(FrameworkError) -> CompetencyFramework {
        try checkIdentifier(id, path: "id")
        try checkIdentifier(version, path: "version")
        try checkText(title.id, path: "title.id")
        try checkText(title.en, path: "title.en")
        if let source { try checkText(source, path: "source") }
        let table = try CSVTable(data)
        guard table.header == csvHeader else {
            throw FrameworkError(
                .csvHeader, path: "row 1",
                message: "The header must be exactly: code,title_id,title_en,kkni_level,core,elements.")
        }
        var units: [CompetencyUnit] = []
        var lines: [Int] = []
        for (line, cells) in table.rows {
            func path(_ column: String) -> String { "row \(line), \(column)" }
            let code = cells[0].trimmingWhitespace()
            try checkIdentifier(code, path: path("code"))
            try checkText(cells[1], path: path("title_id"))
            try checkText(cells[2], path: path("title_en"))
            var level: Int?
            let levelText = cells[3].trimmingWhitespace()
            if !levelText.isEmpty {
                guard let number = Int(levelText) else {
                    throw FrameworkError(.kkniLevelOutOfRange, path: path("kkni_level"), message: "A KKNI level is an integer from 1 to 9.")
                }
                try checkKKNILevel(Double(number), path: path("kkni_level"))
                level = number
            }
            let isCore: Bool
            switch cells[4].trimmingWhitespace().lowercased() {
            case "yes", "ya", "true", "1": isCore = true
            case "no", "tidak", "false", "0": isCore = false
            default:
                throw FrameworkError(.wrongType, path: path("core"), message: "Expected yes or no.")
            }
            var elements: [LocalizedText] = []
            let elementsText = cells[5].trimmingWhitespace()
            if !elementsText.isEmpty {
                for (index, part) in elementsText.split(separator: "|", omittingEmptySubsequences: false).enumerated() {
                    let halves = part.components(separatedBy: "::")
                    let elementPath = path("elements[\(index)]")
                    guard halves.count == 2 else {
                        throw FrameworkError(.malformedCSV, path: elementPath, message: "An element is written 'Indonesian :: English'.")
                    }
                    let element = LocalizedText(id: halves[0].trimmingWhitespace(), en: halves[1].trimmingWhitespace())
                    try checkText(element.id, path: elementPath + ".id")
                    try checkText(element.en, path: elementPath + ".en")
                    elements.append(element)
                }
            }
            units.append(CompetencyUnit(
                code: code, title: LocalizedText(id: cells[1].trimmingWhitespace(), en: cells[2].trimmingWhitespace()),
                elements: elements, kkniLevel: level, isCore: isCore))
            lines.append(line)
        }
        try checkUnitList(units, path: { "row \(lines[$0])" })
        return CompetencyFramework(id: id, version: version, title: title, source: source, isSample: isSample, units: units)
    }
}
