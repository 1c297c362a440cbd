import BekalDomain

/// What a quarter's table and its three months' tables say about each other, table by table (docs/metrics.md,
/// "Reports that overlap"). Every relation holds for true figures computed from the same records; the model
/// assumes the records of a day do not change between the reports that cover it.
///
/// - certificates, releases: the quarter's cell is the sum of its months' (a certificate or release has one date;
///   a person released twice in one quarter would make the quarter smaller, which the model does not allow: a
///   stronger assumption than the truth, so the check can only be stricter).
/// - production, training hours: the sum up to rounding to whole pieces and hours (½ per rounded cell).
/// - participants, assessed persons per unit, trained persons: a union of months — at least each month, at most
///   their sum. Status on the quarter's last day is status on the third month's last day, and a person's latest
///   assessment of a unit in the quarter is their latest in the month it falls in.
/// - training bands: a person's quarter hours are at least their hours in any month, so for each band the persons
///   at or above it in the quarter are at least those of any month; persons under 10 hours in the quarter were
///   under 10 hours in each month they trained.
enum PeriodLinks {
    typealias Placed = LinkedTables.Placed

    static func link(
        quarter q: Placed, months: [Placed], keys: [String], ceiling: Int, into program: inout IntegerProgram
    ) {
        let third = months[2]
        // "No bound" on a side of a relation: far beyond any figure, small enough for the relaxation's numbers.
        let big = ceiling * 64
        func sum(_ pick: (Placed) -> Int?) -> [(Int, Int)] { months.compactMap { pick($0).map { ($0, -1) } } }
        /// quarter − Σ months within [lower, upper].
        func additive(_ pick: (Placed) -> Int?, slack: Int = 0) {
            program.add((pick(q).map { [($0, 1)] } ?? []) + sum(pick), lower: -slack, upper: slack)
        }
        /// max(months) ≤ quarter ≤ Σ months.
        func union(_ pick: (Placed) -> Int?) {
            guard let whole = pick(q) else { return }
            for month in months {
                if let part = pick(month) { program.add([(whole, 1), (part, -1)], lower: 0, upper: big) }
            }
            program.add([(whole, 1)] + sum(pick), lower: -(big), upper: 0)
        }
        /// quarter ≥ third month (the same people, judged on the same last day).
        func atLeastThird(_ pick: (Placed) -> Int?) {
            guard let whole = pick(q), let part = pick(third) else { return }
            program.add([(whole, 1), (part, -1)], lower: 0, upper: big)
        }
        let width = q.instance.columns.count
        switch q.instance.id {
        case "certificates", "releases":
            for key in keys { for c in 0..<width { additive { $0.cell(key, c) } } }
        case "production":
            for key in keys { additive({ $0.cell(key, 0) }, slack: 2) }
        case "participants":
            union { $0.columnTotal(0) }
            for key in keys { atLeastThird { $0.cell(key, 0) } }
            // Active on the quarter's last day: active on every earlier last day too.
            if let active = q.cell("active", 0) {
                program.add([(active, 1)] + sum { $0.cell("active", 0) }, lower: -(big), upper: 0)
            }
        case "competency-outcomes":
            for key in keys {
                union { $0.rowWhole(key) }
                for c in 0..<width {
                    atLeastThird { $0.cell(key, c) }
                    if let whole = q.cell(key, c) {
                        program.add([(whole, 1)] + sum { $0.cell(key, c) }, lower: -(big), upper: 0)
                    }
                }
            }
        case "training-hours":
            union { $0.columnTotal(0) }
            let order = ProgrammeFigures.trainingBands.map(\.key)
            let bands = order.filter(keys.contains)
            for start in bands.indices.dropFirst() {
                for month in months {
                    let terms = bands[start...].flatMap { key in
                        [q.cell(key, 0).map { ($0, 1) }, month.cell(key, 0).map { ($0, -1) }].compactMap { $0 }
                    }
                    program.add(terms, lower: 0, upper: big)
                }
            }
            if let lowest = bands.first, let whole = q.cell(lowest, 0) {
                program.add([(whole, 1)] + sum { $0.cell(lowest, 0) }, lower: -(big), upper: 0)
            }
            if width > 1 {
                // Each band's hours are rounded to whole hours: ½ for each band in the quarter and in each month.
                additive({ $0.columnTotal(1) }, slack: keys.count * 2)
            }
        default:
            break
        }
    }
}
