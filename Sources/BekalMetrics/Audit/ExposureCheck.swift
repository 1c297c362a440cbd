import BekalDomain

/// A fact an analyst must not be able to derive from what was published.
enum Exposure: Hashable {
    /// A hidden figure with fewer than three possible values (pinned, or narrowed to two).
    case narrowed(Int)
    /// A member of a group of 1 to k − 1 proven to be 0: "none of the group".
    case noneOf(member: Int, total: Int)
    /// A member proven to equal its group of 1 to k − 1: "all of the group".
    case allOf(member: Int, total: Int)

    /// The program variables the fact is about.
    var variables: [Int] {
        switch self {
        case .narrowed(let v): [v]
        case .noneOf(let m, let t), .allOf(let m, let t): [m, t]
        }
    }

    /// Whether the fact follows from the integer points of `ranges`: `yes` when proven, `unknown` when a search
    /// gave up. The check treats `unknown` as exposed, and exempts a fact as "already known from history" only when
    /// it is proven there.
    func holds(in ranges: IntegerRanges) -> IntegerRanges.Answer {
        let escape: IntegerRanges.Answer
        switch self {
        case .narrowed(let v): escape = ranges.hasThreeValues(v)
        case .noneOf(let m, _): escape = ranges.canReach([.init(variable: m, coefficient: 1)], atLeast: 1)
        case .allOf(let m, let t):
            escape = ranges.canReach([.init(variable: t, coefficient: 1), .init(variable: m, coefficient: -1)], atLeast: 1)
        }
        switch escape {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return .unknown
        }
    }
}

/// Finds every `Exposure` in a group of linked tables: each hidden figure of each published table (and of the
/// table being cleared) must keep three or more possible values, and no member of a line whose group may be of
/// 1 to k − 1 may be proven 0 or equal to the group.
///
/// A group "may be small": for the table being cleared, its true total is from 1 to k − 1; for a table published
/// earlier (whose true figures the check does not have), its total is hidden and the relaxation allows a value
/// from 1 to k − 1 — the cautious reading.
struct ExposureCheck {
    let placed: [LinkedTables.Placed]
    /// The figures of the table being cleared, in its layout order.
    let candidateValues: [Int]

    func exposures(in ranges: IntegerRanges) -> [Exposure] {
        var hidden: [Int] = []
        for p in placed where !p.instance.isLatent {
            for v in p.instance.published.indices where p.instance.published[v].isSuppressed {
                hidden.append(p.variable(v))
            }
        }
        ranges.seed(hidden)
        var found = hidden.map(Exposure.narrowed).filter { $0.holds(in: ranges) != .no }
        for p in placed where !p.instance.isLatent {
            for line in p.instance.layout.lines where !p.instance.measure(of: line.total).isMagnitude {
                guard maySmall(line, in: p, ranges: ranges) else { continue }
                let total = p.variable(line.total)
                for member in line.members.map(p.variable) {
                    for fact in [Exposure.noneOf(member: member, total: total), .allOf(member: member, total: total)]
                    where fact.holds(in: ranges) != .no {
                        found.append(fact)
                    }
                }
            }
        }
        return found
    }

    private func maySmall(_ line: TableLayout.Line, in p: LinkedTables.Placed, ranges: IntegerRanges) -> Bool {
        let k = p.instance.threshold
        if p.instance.isCandidate { return (1..<k).contains(candidateValues[line.total]) }
        guard p.instance.published[line.total].isSuppressed else { return false }
        guard let range = ranges.relaxedRange([.init(variable: p.variable(line.total), coefficient: 1)]) else {
            return true
        }
        return range.lowerBound <= Double(k - 1) + 1e-6 && range.upperBound >= 1 - 1e-6
    }
}
