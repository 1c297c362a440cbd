import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// Collects what the embedded AchievementCredentials of an export say, credential by credential.
struct ExportContents {
    var today: LocalDate
    var kompeten: [String: PortfolioView.UnitRow] = [:]
    var kompetenOrder: [String] = []
    /// Unit code → `K`, `BK` or `not-assessed`, from the training and production record.
    var standing: [String: String] = [:]
    var standingOrder: [String] = []
    var framework: String?
    var certificates: [PortfolioView.CertificateRow] = []
    var production = PortfolioView.ProductionSummary(
        trainingHours: 0, trainingSessions: 0, piecesByGrade: [:], metres: 0, rejects: 0, rework: 0, months: [])
    var evidence: [PortfolioView.EvidenceRow] = []
    /// The training and production record's mark, if its credential does not simply stand.
    var recordMark: PortfolioView.RowMark?

    /// Reads one embedded credential; `mark` is what the verifier found about it, shown on its row.
    mutating func read(_ credential: JSONObject, mark: PortfolioView.RowMark? = nil) {
        let achievement = credential["credentialSubject"]?["achievement"]?.objectValue ?? JSONObject()
        let results = credential["credentialSubject"]?["result"]?.arrayValue ?? []
        var values: [String: String] = [:]
        for result in results {
            guard let key = result["resultDescription"]?.stringValue?.split(separator: "#").last,
                let value = result["value"]?.stringValue
            else { continue }
            values[String(key)] = value
            if let code = result["alignment"]?.arrayValue?.first?["targetCode"]?.stringValue, key.hasPrefix("unit-") {
                if standing[code] == nil { standingOrder.append(code) }
                standing[code] = value
            }
        }
        var backs = ""
        switch achievement["achievementType"]?.stringValue {
        case "Competency":
            let code = Self.code(of: achievement)
            backs = code
            framework = framework ?? achievement["alignment"]?.arrayValue?.first?["targetFramework"]?.stringValue
            if kompeten[code] == nil { kompetenOrder.append(code) }
            kompeten[code] = PortfolioView.UnitRow(
                code: code, title: Self.title(of: achievement), isCore: true,
                status: values["outcome"] == "BK" ? .belumKompeten : .kompeten,
                assessedOn: values["date"].flatMap { LocalDate($0) }, assessorRole: values["assessor-role"], mark: mark)
        case "Certificate":
            let expires = values["expires-on"].flatMap { LocalDate($0) }
            let scheme = values["scheme"] ?? achievement["name"]?.stringValue ?? ""
            backs = scheme
            certificates.append(PortfolioView.CertificateRow(
                issuer: values["certification-body"] ?? "", scheme: scheme, number: values["certificate-number"] ?? "",
                issuedOn: values["issued-on"].flatMap { LocalDate($0) }, expiresOn: expires,
                isExpired: expires.map { $0 < today } ?? false, mark: mark))
        case "LearningProgram":
            readRecord(values)
            recordMark = mark
        default:
            backs = achievement["name"]?.stringValue ?? ""
        }
        for item in credential["evidence"]?.arrayValue ?? [] {
            guard let hex = Self.sha256(fromNI: item["id"]?.stringValue ?? "") else { continue }
            evidence.append(PortfolioView.EvidenceRow(
                sha256: hex, mediaType: item["mediaType"]?.stringValue ?? "",
                description: item["description"]?.stringValue ?? item["name"]?.stringValue ?? "",
                backs: backs, check: .notChecked))
        }
    }

    private mutating func readRecord(_ values: [String: String]) {
        production.trainingHours = values["training-hours"].flatMap(Double.init) ?? 0
        production.trainingSessions = values["training-sessions"].flatMap { Int($0) } ?? 0
        production.rejects = values["rejects"].flatMap { Int($0) } ?? 0
        production.rework = values["rework"].flatMap { Int($0) } ?? 0
        var months: [String: [QualityGrade: Double]] = [:]
        for grade in QualityGrade.allCases {
            production.piecesByGrade[grade] = values["pieces-grade-\(grade.rawValue)"].flatMap(Double.init) ?? 0
            production.metres += values["metres-grade-\(grade.rawValue)"].flatMap(Double.init) ?? 0
        }
        // pieces-YYYY-MM-grade-G
        for (key, value) in values where key.hasPrefix("pieces-") && key.count == "pieces-YYYY-MM-grade-A".count {
            let month = String(key.dropFirst(7).prefix(7))
            guard let grade = QualityGrade(rawValue: String(key.suffix(1))), let pieces = Double(value),
                LocalDate(month + "-01") != nil
            else { continue }
            months[month, default: [:]][grade, default: 0] += pieces
        }
        production.months = months.keys.sorted().map { PortfolioView.MonthRow(month: $0, pieces: months[$0] ?? [:]) }
    }

    /// The competency map: every unit the export lists (framework order), else every unit it mentions.
    func units(listed: [JSONValue]) -> [PortfolioView.UnitRow] {
        var rows: [PortfolioView.UnitRow] = listed.compactMap { item in
            guard let achievement = item.objectValue else { return nil }
            let code = Self.code(of: achievement)
            let tags = achievement["tag"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return PortfolioView.UnitRow(
                code: code, title: Self.title(of: achievement), isCore: !tags.contains("elective"),
                status: .notAssessed, assessedOn: nil, assessorRole: nil)
        }
        var seen = Set(rows.map(\.code))
        for code in kompetenOrder + standingOrder where !seen.contains(code) {
            seen.insert(code)
            rows.append(kompeten[code] ?? PortfolioView.UnitRow(
                code: code, title: LocalizedText(id: code, en: code), isCore: true, status: .notAssessed,
                assessedOn: nil, assessorRole: nil))
        }
        return rows.map { row in
            // A signed credential for the unit is the strongest statement; the record's standing comes next.
            if let credential = kompeten[row.code] {
                var merged = credential
                merged.isCore = row.isCore
                if row.title.id != row.code { merged.title = row.title }
                return merged
            }
            var row = row
            switch standing[row.code] {
            case "K": row.status = .kompeten
            case "BK": row.status = .belumKompeten
            default: row.status = .notAssessed
            }
            return row
        }
    }

    static func code(of achievement: JSONObject) -> String {
        achievement["humanCode"]?.stringValue
            ?? achievement["alignment"]?.arrayValue?.first?["targetCode"]?.stringValue
            ?? achievement["id"]?.stringValue ?? ""
    }

    /// Bekal writes `name` in English and `description` as "Indonesian / English".
    static func title(of achievement: JSONObject) -> LocalizedText {
        let english = achievement["name"]?.stringValue ?? code(of: achievement)
        let description = achievement["description"]?.stringValue ?? ""
        let suffix = " / " + english
        if description.hasSuffix(suffix), description.count > suffix.count {
            return LocalizedText(id: String(description.dropLast(suffix.count)), en: english)
        }
        return LocalizedText(id: english, en: english)
    }

    /// The hex SHA-256 in an RFC 6920 `ni:///sha-256;<base64url>` URI.
    static func sha256(fromNI uri: String) -> String? {
        let prefix = "ni:///sha-256;"
        guard uri.hasPrefix(prefix) else { return nil }
        guard let bytes = Base64URL.decode(String(uri.dropFirst(prefix.count))), bytes.count == 32 else {
            return nil
        }
        return Hex.encode(bytes)
    }
}
