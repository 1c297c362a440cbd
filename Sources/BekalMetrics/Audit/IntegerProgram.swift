/// What an analyst knows about the true figures, written as integer linear constraints: every figure is a bounded
/// integer variable, every relation `lower ≤ Σ coefficient · variable ≤ upper`.
///
/// Integer arithmetic throughout, so a point can be checked exactly (`isSatisfied(by:)`): the disclosure check
/// trusts a witness only after this check, never the floating-point solver that found it.
struct IntegerProgram: Sendable {
    /// `coefficient · variable`.
    struct Term: Sendable, Hashable {
        var variable: Int
        var coefficient: Int
    }

    /// `lower ≤ Σ terms ≤ upper`.
    struct Constraint: Sendable, Hashable {
        var terms: [Term]
        var lower: Int
        var upper: Int
    }

    private(set) var lower: [Int] = []
    private(set) var upper: [Int] = []
    private(set) var constraints: [Constraint] = []
    /// Variables the search need not branch on: once every other variable is whole, the relations left on them
    /// have whole vertices (hours and pieces: sums with ±1 coefficients and whole bounds, a totally unimodular
    /// system), so the relaxation's vertex is whole there. A fractional one is still branched on, as a fallback.
    private(set) var followsOthers: [Bool] = []

    var variableCount: Int { lower.count }

    /// Adds a variable with `lower ≤ x ≤ upper` and returns its index.
    mutating func addVariable(lower: Int, upper: Int, followsOthers: Bool = false) -> Int {
        self.lower.append(lower)
        self.upper.append(max(lower, upper))
        self.followsOthers.append(followsOthers)
        return self.lower.count - 1
    }

    /// Narrows a variable's bounds (never widens them).
    mutating func restrict(_ variable: Int, lower: Int? = nil, upper: Int? = nil) {
        if let lower { self.lower[variable] = max(self.lower[variable], lower) }
        if let upper { self.upper[variable] = min(self.upper[variable], upper) }
    }

    /// Adds `lower ≤ Σ coefficient · variable ≤ upper`; terms on the same variable are merged, zero terms dropped.
    mutating func add(_ terms: [(Int, Int)], lower: Int, upper: Int) {
        var merged: [Int: Int] = [:]
        for (variable, coefficient) in terms { merged[variable, default: 0] += coefficient }
        let kept = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            .map { Term(variable: $0.key, coefficient: $0.value) }
        guard !kept.isEmpty else { return }
        constraints.append(Constraint(terms: kept, lower: lower, upper: upper))
    }

    /// `Σ terms = 0`.
    mutating func addEquation(_ terms: [(Int, Int)]) { add(terms, lower: 0, upper: 0) }

    /// Whether `point` satisfies every bound and constraint, in exact integer arithmetic.
    func isSatisfied(by point: [Int]) -> Bool {
        guard point.count == variableCount else { return false }
        for v in point.indices where point[v] < lower[v] || point[v] > upper[v] { return false }
        for c in constraints {
            var sum = 0
            for t in c.terms { sum += t.coefficient * point[t.variable] }
            if sum < c.lower || sum > c.upper { return false }
        }
        return true
    }

    /// Tightens `lower` and `upper` by bound propagation, exactly: each constraint bounds each of its variables by
    /// what the others can contribute, rounded inwards to whole numbers. Every integer point within the given
    /// bounds stays within the new ones. Returns false when some bounds cross: no integer point exists.
    func propagate(lower: inout [Int], upper: inout [Int], rounds: Int = 20) -> Bool {
        for _ in 0..<rounds {
            var changed = false
            for c in constraints {
                var low = 0, high = 0
                for t in c.terms {
                    let (a, b) = (t.coefficient * lower[t.variable], t.coefficient * upper[t.variable])
                    low += min(a, b)
                    high += max(a, b)
                }
                guard low <= c.upper && high >= c.lower else { return false }
                for t in c.terms {
                    let (a, b) = (t.coefficient * lower[t.variable], t.coefficient * upper[t.variable])
                    // coefficient · x lies within [c.lower − (high − own high), c.upper − (low − own low)].
                    let most = c.upper - (low - min(a, b))
                    let least = c.lower - (high - max(a, b))
                    let k = t.coefficient
                    let (newLower, newUpper) = k > 0
                        ? (Self.ceilDiv(least, k), Self.floorDiv(most, k))
                        : (Self.ceilDiv(most, k), Self.floorDiv(least, k))
                    let v = t.variable
                    if newLower > lower[v] { lower[v] = newLower; changed = true }
                    if newUpper < upper[v] { upper[v] = newUpper; changed = true }
                    if lower[v] > upper[v] { return false }
                }
            }
            if !changed { return true }
        }
        return true
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }

    /// The value of `objective` at `point`.
    static func value(_ objective: [Term], at point: [Int]) -> Int {
        objective.reduce(0) { $0 + $1.coefficient * point[$1.variable] }
    }
}
