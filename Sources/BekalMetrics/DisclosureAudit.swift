/// Plays the attacker against a published table: from the published figures alone, it bounds every suppressed
/// figure by interval arithmetic over the row, column and table totals (each published figure standing for the
/// interval of true values that round to it), and by exact linear elimination when figures are not rounded.
///
/// A suppressed figure is *recovered* when its interval holds a single value.
public struct DisclosureAudit: Sendable {
    /// What the attacker learnt about one suppressed figure.
    public struct Finding: Sendable, Hashable {
        /// The figure's position in layout order (cells row by row, row totals, column totals, grand total).
        public var variable: Int
        public var lowerBound: Int
        public var upperBound: Int
        /// Exact elimination pinned it (figures not rounded), whatever the interval says.
        public var byElimination: Bool
        public var isRecovered: Bool { byElimination || lowerBound == upperBound }
    }

    public let threshold: Int
    public let roundingBase: Int

    public init(policy: DisclosurePolicy) {
        threshold = policy.threshold
        roundingBase = policy.roundingBase
    }

    /// The bounds of every suppressed figure of `table`.
    public func attack(_ table: PublishedTable) -> [Finding] {
        let layout = table.layout
        let published = table.variables
        let suppressed = Set(published.indices.filter { published[$0].isSuppressed })
        // An upper bound no figure can exceed: the largest published value plus slack for every line.
        let ceiling = (published.compactMap(\.count).max() ?? 0) + roundingBase * (published.count + 1) + threshold
        var lo = [Int](repeating: 0, count: published.count)
        var hi = [Int](repeating: ceiling, count: published.count)
        let half = roundingBase / 2
        for (i, value) in published.enumerated() {
            guard let n = value.count else { continue }
            if n == 0 {
                // A true 1…k−1 would have been suppressed, and true values round to 0 only from below half a base.
                (lo[i], hi[i]) = (0, 0)
            } else {
                lo[i] = max(n - half, threshold)
                hi[i] = n + (roundingBase - 1) / 2
            }
        }
        let lines = layout.lines
        var changed = true
        var rounds = 0
        while changed && rounds < 10_000 {
            changed = false
            rounds += 1
            for line in lines {
                let sumLo = line.members.reduce(0) { $0 + lo[$1] }
                let sumHi = line.members.reduce(0) { $0 + hi[$1] }
                changed = tighten(line.total, lo: max(lo[line.total], sumLo), hi: min(hi[line.total], sumHi), &lo, &hi)
                    || changed
                for m in line.members {
                    let newLo = lo[line.total] - (sumHi - hi[m])
                    let newHi = hi[line.total] - (sumLo - lo[m])
                    changed = tighten(m, lo: max(lo[m], newLo), hi: min(hi[m], newHi), &lo, &hi) || changed
                }
            }
        }
        var determined: Set<Int> = []
        if roundingBase == 1 { determined = layout.determinedVariables(suppressed: suppressed) }
        return suppressed.sorted().map { v in
            Finding(variable: v, lowerBound: lo[v], upperBound: hi[v], byElimination: determined.contains(v))
        }
    }

    /// Whether no suppressed figure of `table` can be recovered.
    public func isSafe(_ table: PublishedTable) -> Bool { !attack(table).contains(where: \.isRecovered) }

    private func tighten(_ i: Int, lo newLo: Int, hi newHi: Int, _ lo: inout [Int], _ hi: inout [Int]) -> Bool {
        guard newLo > lo[i] || newHi < hi[i] else { return false }
        lo[i] = max(lo[i], newLo)
        hi[i] = max(lo[i], min(hi[i], newHi))
        return true
    }
}
