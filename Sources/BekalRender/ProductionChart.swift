import Foundation
import BekalDomain

/// A small inline SVG bar chart: pieces per month, stacked by quality grade. No script, no external resources.
struct ProductionChart {
    var months: [PortfolioView.MonthRow]
    var title: String
    var gradeLabel: String
    var language: PageLanguage = .indonesian

    static let colours: [QualityGrade: String] = [.a: "#2f6f4e", .b: "#c08a2c", .c: "#a33b32"]

    func svg() -> String {
        let shown = Self.continuous(months, last: 24)
        let width = 640.0, height = 220.0, left = 44.0, bottom = 36.0, top = 16.0, right = 12.0
        let plotHeight = height - top - bottom
        let maximum = max(shown.map(\.total).max() ?? 0, 1)
        let step = Self.niceCeiling(maximum / 4)
        let scale = step * 4
        let slot = (width - left - right) / Double(max(shown.count, 1))
        let barWidth = min(36, slot * 0.7)
        let labelEvery = max(1, Int((52 / slot).rounded(.up)))
        var parts: [String] = []
        parts.append(#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(HTMLText.escape(title))">"#)
        parts.append("<title>\(HTMLText.escape(title))</title>")
        for step in 0...4 {
            let value = scale * Double(step) / 4
            let y = top + plotHeight - plotHeight * Double(step) / 4
            parts.append(#"<line x1="\#(left)" y1="\#(Self.f(y))" x2="\#(width - right)" y2="\#(Self.f(y))" class="grid"/>"#)
            parts.append(#"<text x="\#(left - 6)" y="\#(Self.f(y + 4))" class="axis" text-anchor="end">\#(PageFormat.number(value, language))</text>"#)
        }
        for (index, month) in shown.enumerated() {
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            var y = top + plotHeight
            for grade in QualityGrade.allCases.sorted() {
                let pieces = month.pieces[grade] ?? 0
                guard pieces > 0 else { continue }
                let h = plotHeight * pieces / scale
                y -= h
                let tip = HTMLText.escape("\(month.month) \(gradeLabel) \(grade.rawValue): \(PageFormat.number(pieces, language))")
                parts.append(#"<rect x="\#(Self.f(x))" y="\#(Self.f(y))" width="\#(Self.f(barWidth))" height="\#(Self.f(h))" fill="\#(Self.colours[grade] ?? "#777")"><title>\#(tip)</title></rect>"#)
            }
            if month.total > 0 {
                parts.append(#"<text x="\#(Self.f(x + barWidth / 2))" y="\#(Self.f(y - 3))" class="value" text-anchor="middle">\#(PageFormat.number(month.total, language))</text>"#)
            }
            // Every month gets a bar; labels thin out so they never overlap (a label needs about 52 px).
            if index % labelEvery == 0 {
                parts.append(#"<text x="\#(Self.f(x + barWidth / 2))" y="\#(Self.f(height - bottom + 14))" class="axis" text-anchor="middle">\#(HTMLText.escape(month.month))</text>"#)
            }
        }
        var legendX = left
        for grade in QualityGrade.allCases.sorted() {
            parts.append(#"<rect x="\#(Self.f(legendX))" y="\#(Self.f(height - 12))" width="10" height="10" fill="\#(Self.colours[grade] ?? "#777")"/>"#)
            parts.append(#"<text x="\#(Self.f(legendX + 14))" y="\#(Self.f(height - 3))" class="axis">\#(HTMLText.escape(gradeLabel)) \#(grade.rawValue)</text>"#)
            legendX += 70
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The last `count` calendar months up to the latest one with production, months without production as
    /// empty bars, so the axis is time and a gap shows as a gap.
    static func continuous(_ months: [PortfolioView.MonthRow], last count: Int) -> [PortfolioView.MonthRow] {
        func index(_ month: String) -> Int? {
            let parts = month.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            return y * 12 + m - 1
        }
        var byIndex: [Int: PortfolioView.MonthRow] = [:]
        for month in months { if let i = index(month.month) { byIndex[i] = month } }
        guard let first = byIndex.keys.min(), let latest = byIndex.keys.max() else { return [] }
        return (max(first, latest - count + 1)...latest).map { i in
            let name = String(format: "%04d-%02d", i / 12, i % 12 + 1)
            return byIndex[i] ?? PortfolioView.MonthRow(month: name, pieces: [:])
        }
    }

    /// 1, 2 or 5 times a power of ten (at least 1), at least `value`, so grid lines fall on round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where magnitude * factor >= value { return magnitude * factor }
        return magnitude * 10
    }

    static func f(_ value: Double) -> String { String(Double(Int((value * 10).rounded())) / 10) }
}
