import BekalDomain
import Foundation

/// A plain-text rendering of a report for a person to review before it is sent (`bekal stats`). Suppressed
/// figures print as `x`; it shows exactly the figures the JSON holds.
public enum ReportText {
    /// The report as aligned plain-text tables with totals, headed by the facility, period, report id and policy.
    public static func render(_ report: MetricsReport) -> String {
        var out = "Bekal programme report \(report.facilityCode) \(report.period)\n"
        out += "report \(report.reportID.uuidString.lowercased()), policy: \(report.policy.summary)\n"
        out += "x = suppressed; figures are rounded independently, so totals need not equal the sum of rows\n"
        for table in report.tables {
            let hasRowTotals = table.rows.first?.total != nil
            var header = ["", ] + table.columns.map(\.key)
            if hasRowTotals { header.append("total") }
            var lines = [header]
            for row in table.rows {
                var line = [row.key] + row.cells.map(\.description)
                if let total = row.total { line.append(total.description) }
                lines.append(line)
            }
            var totals = ["total"] + table.columnTotals.map(\.description)
            if hasRowTotals { totals.append(table.grandTotal?.description ?? "") }
            lines.append(totals)
            let widths = header.indices.map { c in lines.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
            out += "\n\(table.id)\n"
            for line in lines {
                let cells = line.enumerated().map { c, text in
                    let pad = String(repeating: " ", count: widths[c] - text.count)
                    return c == 0 ? text + pad : pad + text
                }
                out += cells.joined(separator: "  ") + "\n"
            }
        }
        return out
    }
}

extension ReportingPeriod {
    /// Parses a period for the command line, with a named error instead of `nil`.
    public static func parse(_ text: String) throws(MetricsError) -> ReportingPeriod {
        guard let period = ReportingPeriod(text) else {
            throw MetricsError(.invalidPeriod, "a period is a month like 2026-07 or a quarter like 2026-Q3")
        }
        return period
    }
}
