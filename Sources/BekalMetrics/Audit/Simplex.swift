/// The linear-programming relaxation of an `IntegerProgram`: a dense bounded-variable primal simplex.
///
/// Each constraint row `i` becomes `Σ a_ij·x_j − r_i + σ_i·t_i = 0`, where the row activity `r_i` carries the
/// constraint's bounds and the artificial `t_i` is used only to find a first feasible basis (phase 1). Every variable
/// is bounded, so the relaxation is never unbounded. Floating point: its answers guide the integer search and bound
/// it from outside; they never certify a witness (see `IntegerProgram.isSatisfied(by:)`).
///
/// After a feasible basis is found it is kept, so maximising several objectives over the same bounds costs one
/// phase 1 and a short phase 2 each.
final class Simplex {
    enum Outcome {
        case optimal(value: Double, point: [Double])
        case infeasible
        /// Iteration limit reached (numerical trouble); callers treat it as "unknown".
        case failed
    }

    private let rows: Int
    private let structural: Int
    private let width: Int
    private var tableau: [Double]
    private var beta: [Double]
    private var basis: [Int]
    private var lower: [Double]
    private var upper: [Double]
    private var atUpper: [Bool]
    private var basicRow: [Int]
    private var reduced: [Double]
    private var feasible: Bool?

    private static let tolerance = 1e-9
    private static let pivotTolerance = 1e-9

    /// - Parameters: lower/upper override the program's variable bounds (branch-and-bound nodes).
    init(_ program: IntegerProgram, lower overrideLower: [Int]? = nil, upper overrideUpper: [Int]? = nil) {
        let m = program.constraints.count
        let n = program.variableCount
        rows = m
        structural = n
        width = n + 2 * m
        tableau = [Double](repeating: 0, count: m * width)
        beta = [Double](repeating: 0, count: m)
        basis = [Int](repeating: 0, count: m)
        lower = [Double](repeating: 0, count: width)
        upper = [Double](repeating: 0, count: width)
        atUpper = [Bool](repeating: false, count: width)
        basicRow = [Int](repeating: -1, count: width)
        reduced = [Double](repeating: 0, count: width)
        let lo = overrideLower ?? program.lower, hi = overrideUpper ?? program.upper
        for j in 0..<n {
            lower[j] = Double(lo[j])
            upper[j] = Double(hi[j])
        }
        for (i, constraint) in program.constraints.enumerated() {
            var activity = 0.0
            for t in constraint.terms { activity += Double(t.coefficient) * lower[t.variable] }
            let r = n + i, a = n + m + i
            lower[r] = Double(constraint.lower)
            upper[r] = Double(constraint.upper)
            let base = i * width
            if activity >= lower[r] && activity <= upper[r] {
                // The row activity is feasible as it stands: it is the basic variable of its row.
                for t in constraint.terms { tableau[base + t.variable] = -Double(t.coefficient) }
                tableau[base + r] = 1
                tableau[base + a] = -1
                basis[i] = r
                beta[i] = activity
                (lower[a], upper[a]) = (0, 0)
            } else {
                let bound = activity < lower[r] ? lower[r] : upper[r]
                let sigma: Double = bound > activity ? 1 : -1
                atUpper[r] = activity > upper[r] && upper[r] > lower[r]
                for t in constraint.terms { tableau[base + t.variable] = sigma * Double(t.coefficient) }
                tableau[base + r] = -sigma
                tableau[base + a] = 1
                basis[i] = a
                beta[i] = sigma * (bound - activity)
                (lower[a], upper[a]) = (0, beta[i] * 2 + 1)
            }
            basicRow[basis[i]] = i
        }
    }

    /// Maximises `objective` (structural variables only) over the relaxation.
    func maximize(_ objective: [IntegerProgram.Term]) -> Outcome {
        if feasible == nil {
            var phaseOne = [Double](repeating: 0, count: width)
            for i in 0..<rows where basis[i] >= structural + rows { phaseOne[basis[i]] = -1 }
            guard iterate(costs: phaseOne, allowArtificial: true) else { return .failed }
            let infeasibility = ((structural + rows)..<width).reduce(0.0) { $0 + value($1) }
            feasible = infeasibility <= 1e-7
            // Artificials are never used again: fixed at zero (a basic one stays, degenerate, at zero).
            for a in (structural + rows)..<width {
                upper[a] = 0
                lower[a] = 0
                atUpper[a] = false
            }
            refreshBeta()
        }
        guard feasible == true else { return .infeasible }
        var costs = [Double](repeating: 0, count: width)
        for t in objective { costs[t.variable] += Double(t.coefficient) }
        guard iterate(costs: costs, allowArtificial: false) else { return .failed }
        let point = (0..<structural).map(value)
        let total = objective.reduce(0.0) { $0 + Double($1.coefficient) * point[$1.variable] }
        return .optimal(value: total, point: point)
    }

    private func value(_ j: Int) -> Double {
        if basicRow[j] >= 0 { return beta[basicRow[j]] }
        return atUpper[j] ? upper[j] : lower[j]
    }

    /// Basic values from the nonbasic ones (removes drift after many pivots).
    private func refreshBeta() {
        for i in 0..<rows {
            var sum = 0.0
            let base = i * width
            for j in 0..<width where basicRow[j] < 0 {
                let t = tableau[base + j]
                if t != 0 { sum -= t * (atUpper[j] ? upper[j] : lower[j]) }
            }
            beta[i] = sum
        }
    }

    /// Primal simplex on `costs` from the current (feasible for these bounds) basis; false on the iteration limit.
    private func iterate(costs: [Double], allowArtificial: Bool) -> Bool {
        // Reduced costs d_j = c_j − Σ_i c_B(i)·T_ij.
        for j in 0..<width { reduced[j] = costs[j] }
        for i in 0..<rows where costs[basis[i]] != 0 {
            let c = costs[basis[i]], base = i * width
            for j in 0..<width { reduced[j] -= c * tableau[base + j] }
        }
        let artificialStart = structural + rows
        var degenerate = 0
        for _ in 0..<(50 * (rows + width) + 1000) {
            let bland = degenerate > 30
            var entering = -1
            var best = 0.0
            for j in 0..<width where basicRow[j] < 0 && (allowArtificial || j < artificialStart) {
                let d = reduced[j]
                let improving = atUpper[j] ? d < -Self.tolerance : (d > Self.tolerance && upper[j] > lower[j])
                guard improving else { continue }
                if bland { entering = j; break }
                if abs(d) > best { best = abs(d); entering = j }
            }
            guard entering >= 0 else { return true }
            let q = entering
            let direction: Double = atUpper[q] ? -1 : 1
            var step = upper[q] - lower[q]
            var leaving = -1
            var leavingToUpper = false
            for i in 0..<rows {
                let delta = -tableau[i * width + q] * direction
                let b = basis[i]
                let limit: Double
                if delta < -Self.pivotTolerance {
                    limit = max(0, beta[i] - lower[b]) / -delta
                } else if delta > Self.pivotTolerance {
                    limit = max(0, upper[b] - beta[i]) / delta
                } else {
                    continue
                }
                if limit < step - 1e-12 || (bland && leaving >= 0 && abs(limit - step) <= 1e-12 && b < basis[leaving]) {
                    step = limit
                    leaving = i
                    leavingToUpper = delta > 0
                }
            }
            degenerate = step <= 1e-12 ? degenerate + 1 : 0
            for i in 0..<rows {
                let t = tableau[i * width + q]
                if t != 0 { beta[i] -= t * direction * step }
            }
            if leaving < 0 {
                atUpper[q].toggle()
                continue
            }
            let entered = (direction > 0 ? lower[q] : upper[q]) + direction * step
            let out = basis[leaving]
            basicRow[out] = -1
            atUpper[out] = leavingToUpper
            pivot(row: leaving, column: q)
            basis[leaving] = q
            basicRow[q] = leaving
            beta[leaving] = entered
        }
        return false
    }

    private func pivot(row r: Int, column q: Int) {
        let w = width
        tableau.withUnsafeMutableBufferPointer { t in
            let base = r * w
            let p = t[base + q]
            for j in 0..<w { t[base + j] /= p }
            for i in 0..<rows where i != r {
                let f = t[i * w + q]
                if f == 0 { continue }
                let other = i * w
                for j in 0..<w {
                    let v = t[base + j]
                    if v != 0 { t[other + j] -= f * v }
                }
                t[other + q] = 0
            }
            let f = reduced[q]
            if f != 0 {
                reduced.withUnsafeMutableBufferPointer { d in
                    for j in 0..<w {
                        let v = t[base + j]
                        if v != 0 { d[j] -= f * v }
                    }
                    d[q] = 0
                }
            }
        }
    }
}
