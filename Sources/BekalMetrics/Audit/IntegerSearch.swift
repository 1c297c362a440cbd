/// Integer points of an `IntegerProgram` by LP-based branch and bound: depth first, branching on the most
/// fractional count (hours and pieces only as a fallback, `IntegerProgram.followsOthers`), pruning a node when its
/// relaxation cannot beat the best point found or reach the target.
///
/// Every point it returns has passed `IntegerProgram.isSatisfied(by:)` in exact integer arithmetic. The claim "no
/// better point exists" (`proven`) rests on the floating-point relaxation, with a tolerance of 10⁻⁶ on integer data.
struct IntegerSearch {
    let program: IntegerProgram
    /// Nodes explored before giving up (the answer is then "not proven").
    var nodeLimit = 4_000

    struct Result {
        /// The best verified point, and the objective's value there.
        var point: [Int]?
        var value: Int?
        /// Without a target: whether no integer point has a larger value. With a target that was not reached:
        /// whether no integer point reaches it. False when the search stopped early (a target reached, the node
        /// limit, or a numerical failure).
        var proven: Bool
    }

    /// Maximises `objective`; stops as soon as a point reaches `target` when one is given.
    /// - Parameter root: a simplex for the program's own bounds whose feasible basis can be reused.
    func maximize(_ objective: [IntegerProgram.Term], reaching target: Int? = nil, root: Simplex? = nil) -> Result {
        if let target, objective.allSatisfy({ $0.coefficient == 0 }), target > 0 {
            return Result(point: nil, value: nil, proven: true)  // the objective is 0 everywhere
        }
        if let target, objective.contains(where: { $0.coefficient != 0 }) {
            // Any point at the target will do: search for one with the target as a constraint and no objective,
            // so the dive stays near the bounds instead of chasing the largest value.
            var constrained = program
            let reach = objective.reduce(0) {
                $0 + abs($1.coefficient) * max(abs(program.lower[$1.variable]), abs(program.upper[$1.variable]))
            }
            constrained.add(objective.map { ($0.variable, $0.coefficient) }, lower: target, upper: max(target, reach))
            var found = IntegerSearch(program: constrained, nodeLimit: nodeLimit).maximize([], reaching: 0)
            found.value = found.point.map { IntegerProgram.value(objective, at: $0) }
            return found
        }
        return search(objective, reaching: target, root: root)
    }

    private func search(_ objective: [IntegerProgram.Term], reaching target: Int?, root: Simplex?) -> Result {
        var stack: [([Int], [Int])] = [(program.lower, program.upper)]
        var best: [Int]?
        var bestValue = Int.min
        var proven = true
        var nodes = 0
        while var (lower, upper) = stack.popLast() {
            nodes += 1
            guard nodes <= nodeLimit else { return Result(point: best, value: best.map { _ in bestValue }, proven: false) }
            // Exact propagation first: it proves most branches empty without a relaxation.
            let before = (lower, upper)
            guard program.propagate(lower: &lower, upper: &upper) else { continue }
            let unchanged = before.0 == lower && before.1 == upper
            let simplex = nodes == 1 && unchanged ? (root ?? Simplex(program)) : Simplex(program, lower: lower, upper: upper)
            let relaxed: Double
            var x: [Double]
            switch simplex.maximize(objective) {
            case .infeasible: continue
            case .failed:
                proven = false
                continue
            case .optimal(let value, let point): (relaxed, x) = (value, point)
            }
            // Integer coefficients: the objective at any integer point of this node is at most ⌊relaxed⌋.
            let bound = Int((relaxed + 1e-6).rounded(.down))
            if best != nil && bound <= bestValue { continue }
            // Looking only for a point that reaches the target: a node that cannot reach it is of no use.
            if let target, bound < target { continue }
            // Branch on the most fractional count first; hours and pieces follow once the counts are whole.
            var branch = Self.mostFractional(x, among: { !program.followsOthers[$0] })
            if branch < 0, Self.mostFractional(x, among: { program.followsOthers[$0] }) >= 0 {
                // Counts whole, magnitudes not: fix the counts and take a vertex of what is left (whole there).
                var fixedLower = lower, fixedUpper = upper
                for j in x.indices where !program.followsOthers[j] {
                    fixedLower[j] = Int(x[j].rounded())
                    fixedUpper[j] = fixedLower[j]
                }
                if case .optimal(_, let point) = Simplex(program, lower: fixedLower, upper: fixedUpper).maximize(objective) {
                    x = point
                }
                branch = Self.mostFractional(x, among: { _ in true })
            }
            guard branch >= 0 else {
                let point = x.map { Int($0.rounded()) }
                guard program.isSatisfied(by: point) else {
                    proven = false  // the relaxation's vertex does not round to a true point: numerical trouble
                    continue
                }
                let value = IntegerProgram.value(objective, at: point)
                if value > bestValue { (best, bestValue) = (point, value) }
                if let target, value >= target {
                    return Result(point: best, value: bestValue, proven: false)
                }
                continue
            }
            let floor = Int(x[branch].rounded(.down))
            var down = upper
            down[branch] = floor
            var up = lower
            up[branch] = floor + 1
            let coefficient = objective.first { $0.variable == branch }?.coefficient ?? 0
            // Depth first into the side the objective prefers (pushed last, popped first).
            if coefficient > 0 {
                if floor >= lower[branch] { stack.append((lower, down)) }
                if floor + 1 <= upper[branch] { stack.append((up, upper)) }
            } else {
                if floor + 1 <= upper[branch] { stack.append((up, upper)) }
                if floor >= lower[branch] { stack.append((lower, down)) }
            }
        }
        return Result(point: best, value: best.map { _ in bestValue }, proven: proven)
    }

    /// The variable among `eligible` whose value is farthest from a whole number, or −1.
    static func mostFractional(_ x: [Double], among eligible: (Int) -> Bool) -> Int {
        var branch = -1
        var distance = 1e-6
        for j in x.indices where eligible(j) {
            let f = x[j] - x[j].rounded(.down)
            if min(f, 1 - f) > distance { (branch, distance) = (j, min(f, 1 - f)) }
        }
        return branch
    }
}

/// What an analyst can and cannot pin down in one `IntegerProgram`, answered from witnesses: integer points that
/// satisfy every constraint exactly. A figure is shown to keep three or more possible values by three such points
/// (or two that differ by two); such an answer is sound whatever the floating-point relaxation did.
final class IntegerRanges {
    let program: IntegerProgram
    private let root: Simplex
    private(set) var points: [[Int]] = []
    private var low: [Int]
    private var high: [Int]
    /// Whether the program has an integer point (false also when none could be found).
    private(set) var isFeasible = false

    /// - Parameter known: points believed to satisfy the program (the true figures, completed); each is checked
    ///   exactly and kept when it does, which spares the search for a first point.
    init(_ program: IntegerProgram, known: [[Int]] = []) {
        self.program = program
        root = Simplex(program)
        low = program.upper
        high = program.lower
        for point in known where program.isSatisfied(by: point) { add(point) }
        if points.isEmpty, let point = IntegerSearch(program: program).maximize([], reaching: 0, root: root).point {
            add(point)
        }
        isFeasible = !points.isEmpty
    }

    private func add(_ point: [Int]) {
        points.append(point)
        for v in point.indices {
            low[v] = min(low[v], point[v])
            high[v] = max(high[v], point[v])
        }
    }

    /// Pushes every variable of `variables` up together, then down, then in a mixed pattern, so that later
    /// questions are mostly answered from the points already found.
    func seed(_ variables: [Int]) {
        guard isFeasible, !variables.isEmpty else { return }
        for sign in [1, -1, 0] {
            let objective = variables.enumerated().map { n, v in
                IntegerProgram.Term(variable: v, coefficient: sign == 0 ? (n.isMultiple(of: 2) ? 1 : -1) : sign)
            }
            if let point = IntegerSearch(program: program, nodeLimit: 200).maximize(objective, root: root).point {
                add(point)
            }
        }
    }

    /// An answer about the integer points: `unknown` when a search gave up (node limit or numerical trouble).
    enum Answer: Equatable {
        case yes, no, unknown
    }

    /// Whether `variable` takes three or more values. `yes` is proven by two verified points at least two apart;
    /// `no` by searches that found no further point.
    func hasThreeValues(_ variable: Int) -> Answer {
        guard isFeasible else { return .unknown }
        var proven = true
        func search(_ coefficient: Int, reaching target: Int) {
            let result = IntegerSearch(program: program).maximize(
                [IntegerProgram.Term(variable: variable, coefficient: coefficient)], reaching: target, root: root)
            if let point = result.point { add(point) } else if !result.proven { proven = false }
        }
        if high[variable] - low[variable] >= 2 { return .yes }
        search(1, reaching: low[variable] + 2)
        if high[variable] - low[variable] >= 2 { return .yes }
        // No point reaches low + 2; one at low + 1 would leave only low − 1 to find below.
        if high[variable] == low[variable] { search(1, reaching: low[variable] + 1) }
        search(-1, reaching: -(high[variable] - 2))
        if high[variable] - low[variable] >= 2 { return .yes }
        return proven ? .no : .unknown
    }

    /// Whether some verified point gives `objective` a value of at least `target`; `no` when the search proved
    /// that none does.
    func canReach(_ objective: [IntegerProgram.Term], atLeast target: Int) -> Answer {
        guard isFeasible else { return .unknown }
        if points.contains(where: { IntegerProgram.value(objective, at: $0) >= target }) { return .yes }
        let result = IntegerSearch(program: program).maximize(objective, reaching: target, root: root)
        if let point = result.point { add(point) }
        if (result.value ?? Int.min) >= target { return .yes }
        return result.proven ? .no : .unknown
    }

    /// Bounds on `objective` from the relaxation: every integer point lies within them (up to 10⁻⁶).
    func relaxedRange(_ objective: [IntegerProgram.Term]) -> ClosedRange<Double>? {
        guard isFeasible, case .optimal(let high, _) = root.maximize(objective),
            case .optimal(let negatedLow, _) = root.maximize(objective.map {
                IntegerProgram.Term(variable: $0.variable, coefficient: -$0.coefficient)
            })
        else { return nil }
        return min(-negatedLow, high)...max(-negatedLow, high)
    }
}
