import BekalDomain
import Foundation

/// Renders a report in the Prometheus text exposition format 0.0.4, as pushed to a Pushgateway.
///
/// Every family holds figures of one level only, so a sum over a family means something: the cells of a table
/// (`bekal_competency_persons{unit,outcome}`), its totals per row (`…_per_unit`), per column (`…_per_outcome`) and
/// overall (`…_all`). Each table's rows and columns get a label named after what they are (`status`, `unit` and
/// `outcome`, `scheme`, `band`, `grade`, `kind` and `readiness`), plus `period`. Values are in base units: training
/// time is published in whole hours and rendered in seconds (`bekal_training_seconds`); pieces and persons are
/// counts. All families are gauges (a figure of a period, not a running count), so none ends in `_total`,
/// `_sum`, `_count` or `_bucket`. Suppressed figures are omitted, not NaN: a missing series reads as "not
/// published", and sums never turn into NaN. The facility is not a label: the Pushgateway adds it from the
/// grouping key (`/metrics/job/bekal/facility/<code>`). `promtool check metrics` accepts the output.
public enum PrometheusRenderer {
    /// The HTTP `Content-Type` of the rendered text, for the push to the Pushgateway.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// How a table appears in Prometheus: the family prefix and the names of its row and column labels.
    struct Shape {
        var prefix: String
        var row: String
        var column: String

        static func of(_ id: String) -> Shape {
            switch id {
            case "participants": Shape(prefix: "bekal_participants", row: "status", column: "column")
            case "competency-outcomes": Shape(prefix: "bekal_competency", row: "unit", column: "outcome")
            case "certificates": Shape(prefix: "bekal_certificates", row: "scheme", column: "column")
            case "training-hours": Shape(prefix: "bekal_training", row: "band", column: "column")
            case "production": Shape(prefix: "bekal_production", row: "grade", column: "column")
            case "releases": Shape(prefix: "bekal_releases", row: "kind", column: "readiness")
            default: Shape(prefix: metricName("bekal_" + id), row: "row", column: "column")
            }
        }
    }

    /// The report's published figures as gauge families labelled by `period`; suppressed figures are left out.
    public static func render(_ report: MetricsReport) -> String {
        var out = ""
        let period = escape(report.period.description)
        for table in report.tables {
            let shape = Shape.of(table.id)
            // Columns of one measure share a family (with a column label when there are several).
            var measures: [FigureMeasure] = []
            for column in table.columns where !measures.contains(column.measure) { measures.append(column.measure) }
            for measure in measures {
                let columns = table.columns.indices.filter { table.columns[$0].measure == measure }
                let several = columns.count > 1
                let base = "\(shape.prefix)_\(unit(measure))"
                let scale = measure == .hours ? 3600 : 1
                func family(_ name: String, _ help: String, _ samples: [(labels: [(String, String)], value: PublishedValue?)]) {
                    let lines = samples.compactMap { sample -> String? in
                        guard let n = sample.value?.count else { return nil }
                        let labels = ([("period", period)] + sample.labels.map { ($0.0, escape($0.1)) })
                            .map { "\($0.0)=\"\($0.1)\"" }.joined(separator: ",")
                        return "\(name){\(labels)} \(n * scale)\n"
                    }
                    out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n" + lines.joined()
                }
                let what = description(table.id, measure)
                family(base, "\(what), by \(shape.row)\(several ? " and \(shape.column)" : ""); disclosure-controlled.",
                       table.rows.flatMap { row in
                           columns.map { c in
                               ([(shape.row, row.key)] + (several ? [(shape.column, table.columns[c].key)] : []), row.cells[c])
                           }
                       })
                if several, table.rows.contains(where: { $0.total != nil }) {
                    family("\(base)_per_\(shape.row)", "\(what), each \(shape.row) over all \(plural(shape.column)).",
                           table.rows.map { ([(shape.row, $0.key)], $0.total) })
                }
                if several {
                    family("\(base)_per_\(shape.column)", "\(what), each \(shape.column) over all \(plural(shape.row)).",
                           columns.map { ([(shape.column, table.columns[$0].key)], table.columnTotals[$0]) })
                    if let grand = table.grandTotal { family("\(base)_all", "\(what), the whole table.", [([], grand)]) }
                } else if let c = columns.first {
                    family("\(base)_all", "\(what), over all \(plural(shape.row)).", [([], table.columnTotals[c])])
                }
            }
        }
        return out
    }

    /// The base unit a measure is rendered in.
    static func unit(_ measure: FigureMeasure) -> String {
        switch measure {
        case .persons: "persons"
        case .certificates: "issued"
        case .hours: "seconds"
        case .pieces: "pieces"
        }
    }

    /// A label's name in the plural, for a HELP line ("over all statuses").
    static func plural(_ label: String) -> String {
        switch label {
        case "readiness": "readiness values"
        default: label.hasSuffix("s") ? label + "es" : label + "s"
        }
    }

    /// What a family counts, for its HELP line.
    static func description(_ table: String, _ measure: FigureMeasure) -> String {
        switch (table, measure) {
        case ("participants", _): "Bekal persons with programme activity in the period (status as on the period's last day)"
        case ("competency-outcomes", _): "Bekal persons assessed per unit, by latest outcome (totals over units count person-unit pairs)"
        case ("certificates", _): "Bekal certificates issued in the period"
        case ("training-hours", .hours): "Bekal training time in seconds (published in whole hours), per band of hours per person"
        case ("training-hours", _): "Bekal persons trained, per band of training hours per person"
        case ("production", _): "Bekal pieces produced, by quality grade"
        case ("releases", _): "Bekal persons released, by kind of release and portfolio readiness"
        default: "Bekal \(table) (\(measure.rawValue))"
        }
    }

    /// A valid metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`, other characters become `_`.
    static func metricName(_ raw: String) -> String {
        String(raw.unicodeScalars.map { s in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == ":"))
                ? Character(s) : "_"
        })
    }

    /// Escapes a label value: backslash, double quote and line feed.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
