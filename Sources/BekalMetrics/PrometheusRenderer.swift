import BekalDomain
import Foundation

/// Renders a report in the Prometheus text exposition format 0.0.4, as pushed to a Pushgateway.
///
/// One gauge family per table and column, `bekal_<table>_<column>`, with labels `period`, `row` and `scope`
/// (`cell`, `row_total`, `column_total` or `grand_total`). Suppressed figures are omitted (not NaN), so a sum over a
/// family never silently turns into NaN and absence reads as "not published". The facility is not a label: the
/// Pushgateway adds it from the grouping key (`/metrics/job/bekal/facility/<code>`).
public enum PrometheusRenderer {
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public static func render(_ report: MetricsReport) -> String {
        var out = ""
        let period = escape(report.period.description)
        for table in report.tables {
            for (c, column) in table.columns.enumerated() {
                let name = metricName("bekal_\(table.id)_\(column.key)")
                out += "# HELP \(name) Bekal \(table.id) (\(column.measure.rawValue)), disclosure-controlled.\n"
                out += "# TYPE \(name) gauge\n"
                func sample(_ value: PublishedValue?, row: String, scope: String) {
                    guard let n = value?.count else { return }
                    out += "\(name){period=\"\(period)\",row=\"\(escape(row))\",scope=\"\(scope)\"} \(n)\n"
                }
                for row in table.rows where c < row.cells.count { sample(row.cells[c], row: row.key, scope: "cell") }
                if c < table.columnTotals.count { sample(table.columnTotals[c], row: "", scope: "column_total") }
            }
            if table.rows.first?.total != nil || table.grandTotal != nil {
                let name = metricName("bekal_\(table.id)_row_total")
                out += "# HELP \(name) Bekal \(table.id) row and grand totals, disclosure-controlled.\n"
                out += "# TYPE \(name) gauge\n"
                for row in table.rows {
                    if let n = row.total?.count {
                        out += "\(name){period=\"\(period)\",row=\"\(escape(row.key))\",scope=\"row_total\"} \(n)\n"
                    }
                }
                if let n = table.grandTotal?.count {
                    out += "\(name){period=\"\(period)\",row=\"\",scope=\"grand_total\"} \(n)\n"
                }
            }
        }
        return out
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
