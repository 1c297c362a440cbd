import Testing
@testable import BekalMetrics

@Suite("The integer solver behind the disclosure check")
struct IntegerSearchTests {
    /// Every integer point of a small program, by enumeration: the oracle.
    static func points(_ program: IntegerProgram) -> [[Int]] {
        var out: [[Int]] = [[]]
        for v in 0..<program.variableCount {
            out = out.flatMap { prefix in (program.lower[v]...program.upper[v]).map { prefix + [$0] } }
        }
        return out.filter(program.isSatisfied(by:))
    }

    static func randomProgram(_ random: inout SeededGenerator) -> IntegerProgram {
        var program = IntegerProgram()
        let n = Int.random(in: 2...5, using: &random)
        for _ in 0..<n { _ = program.addVariable(lower: Int.random(in: 0...1, using: &random), upper: Int.random(in: 2...5, using: &random)) }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let terms = (0..<n).compactMap { v -> (Int, Int)? in
                let c = Int.random(in: -3...3, using: &random)
                return c == 0 ? nil : (v, c)
            }
            let centre = Int.random(in: -4...8, using: &random)
            let width = [0, 0, 1, 3, 20].randomElement(using: &random)!
            program.add(terms, lower: centre, upper: centre + width)
        }
        return program
    }

    @Test("maxima, reachability and 'three values' agree with enumeration on 600 random programs")
    func agreesWithEnumeration() {
        var random = SeededGenerator(seed: 77)
        var feasibleCount = 0
        for trial in 0..<600 {
            let program = Self.randomProgram(&random)
            let all = Self.points(program)
            let ranges = IntegerRanges(program)
            #expect(ranges.isFeasible == !all.isEmpty, "trial \(trial)")
            // Propagation keeps every integer point, and empties only programs without one.
            var (lower, upper) = (program.lower, program.upper)
            if program.propagate(lower: &lower, upper: &upper) {
                #expect(all.allSatisfy { p in p.indices.allSatisfy { lower[$0] <= p[$0] && p[$0] <= upper[$0] } })
            } else {
                #expect(all.isEmpty, "trial \(trial)")
            }
            guard !all.isEmpty else { continue }
            feasibleCount += 1
            let objective = (0..<program.variableCount).map {
                IntegerProgram.Term(variable: $0, coefficient: Int.random(in: -3...3, using: &random))
            }
            let best = all.map { IntegerProgram.value(objective, at: $0) }.max()!
            let found = IntegerSearch(program: program).maximize(objective)
            #expect(found.value == best && found.proven, "trial \(trial)")
            #expect(ranges.canReach(objective, atLeast: best) == .yes && ranges.canReach(objective, atLeast: best + 1) == .no)
            for v in 0..<program.variableCount {
                let values = Set(all.map { $0[v] })
                #expect(ranges.hasThreeValues(v) == (values.max()! - values.min()! >= 2 ? .yes : .no), "trial \(trial) variable \(v)")
            }
        }
        #expect(feasibleCount > 150)
    }

    @Test("fractional relaxations are branched on: 10·p ≤ h ≤ 20·p with h = 15 has the one point p = 1")
    func branching() {
        var program = IntegerProgram()
        let p = program.addVariable(lower: 0, upper: 100)
        let h = program.addVariable(lower: 13, upper: 17)
        program.add([(h, 1), (p, -10)], lower: 0, upper: 1_000)
        program.add([(h, 1), (p, -20)], lower: -1_000, upper: 0)
        program.add([(h, 3), (p, -7)], lower: 38, upper: 38)  // 3h − 7p = 38: h = 15, p = 1 only
        let ranges = IntegerRanges(program)
        #expect(ranges.isFeasible)
        #expect(ranges.hasThreeValues(p) == .no && ranges.hasThreeValues(h) == .no)
        #expect(ranges.points.allSatisfy { $0 == [1, 15] })
    }
}
