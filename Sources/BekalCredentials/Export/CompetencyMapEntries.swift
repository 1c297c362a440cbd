import BekalDomain
import BekalJSON
import Foundation

/// The parts of an export that let a reader rebuild the whole competency map and the production chart, not only
/// the achievements: every unit of the framework (as `ClrSubject.achievement`), the standing on each unit and the
/// pieces produced per month and grade (as results of the training and production record).
extension AchievementCredentialBuilder {
    /// Every unit of the framework as an OB 3.0 Achievement, in framework order. A unit assessed Kompeten has the
    /// same achievement id as its embedded credential, so a reader can join the two.
    func frameworkUnits() -> [JSONValue] {
        let framework = portfolio.framework
        return framework.units.map { unit in
            var achievement = JSONObject([
                ("id", .string(achievementID(framework: framework, unitCode: unit.code))),
                ("type", ["Achievement"]),
                ("achievementType", "Competency"),
                ("name", .string(unit.title.en)),
                ("description", .string("\(unit.title.id) / \(unit.title.en)")),
                (
                    "criteria",
                    ["narrative": .string("Unit \(unit.code) of \(framework.title.en) version \(framework.version)"
                        + (unit.isCore ? " (core unit)." : " (elective unit).")) ]
                ),
                ("alignment", [alignment(framework: framework, unitCode: unit.code, title: unit.title.en)]),
                ("humanCode", .string(unit.code)),
                // "sample-framework" lets a reader warn that the units are illustrative, not a standard.
                ("tag", .array([.string(unit.isCore ? "core" : "elective")] + (framework.isSample ? ["sample-framework"] : []))),
            ])
            if let level = unit.kkniLevel { achievement["fieldOfStudy"] = .string("KKNI level \(level)") }
            return .object(achievement)
        }
    }

    /// One `Status` result per framework unit (`K`, `BK` or `not-assessed`, aligned to the unit) and one raw
    /// score per month and grade of pieces produced, with their result descriptions.
    func competencyMapResults(_ rd: ResultDescriptions) -> (results: [JSONValue], descriptions: [JSONValue]) {
        let framework = portfolio.framework
        let latest = portfolio.latestAssessmentByUnit
        var results: [JSONValue] = []
        var descriptions: [JSONValue] = []
        for unit in framework.units {
            let key = "unit-\(Self.slug(unit.code))"
            let aligned: JSONValue = [alignment(framework: framework, unitCode: unit.code, title: unit.title.en)]
            let assessment = latest[unit.code]
            var result = JSONObject([
                ("type", ["Result"]),
                ("resultDescription", .string(rd.id(key))),
                ("value", .string(assessment?.outcome.rawValue ?? "not-assessed")),
                ("alignment", aligned),
            ])
            switch assessment?.outcome {
            case .kompeten?: result["status"] = "Completed"
            case .belumKompeten?: result["status"] = "InProgress"
            case nil: break
            }
            results.append(.object(result))
            if case .object(var description) = rd.description(
                key, name: "Standing on unit \(unit.code)", type: "Status", allowed: ["BK", "K", "not-assessed"])
            {
                description["alignment"] = aligned
                descriptions.append(.object(description))
            }
        }
        var perMonth: [String: Double] = [:]
        for entry in portfolio.production where entry.unit == .pieces {
            let month = String(entry.date.description.prefix(7))
            perMonth["pieces-\(month)-grade-\(entry.grade.rawValue)", default: 0] += entry.quantity
        }
        for key in perMonth.keys.sorted() {
            results.append(rd.result(key, value: Self.number(perMonth[key] ?? 0)))
            descriptions.append(rd.description(key, name: AchievementCredentialBuilder.spaced(key), type: "RawScore"))
        }
        return (results, descriptions)
    }
}

extension PortfolioExporter {
    /// Whether the export has the training and production record: when there is training or production, and
    /// also when a unit stands Belum Kompeten, because the record carries the standing on every unit and a BK
    /// must not drop out of the competency map.
    static func hasRecordCredential(_ portfolio: Portfolio) -> Bool {
        !portfolio.training.isEmpty || !portfolio.production.isEmpty
            || portfolio.latestAssessmentByUnit.values.contains { $0.outcome == .belumKompeten }
    }
}
