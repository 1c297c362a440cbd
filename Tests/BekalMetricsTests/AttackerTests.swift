import BekalDomain
import BekalMetrics
import Testing

@Suite("The attacker cannot recover suppressed figures")
struct AttackerTests {
    static let exact = try! DisclosurePolicy(threshold: 5, roundingBase: 1)

    @Test("the attacker works: without complementary suppression it recovers a lone hidden cell")
    func attackerRecoversNaiveTable() {
        let naive = PublishedTable(
            id: "participants", columns: [FigureColumn(key: "persons", measure: .persons)],
            rows: [
                .init(key: "active", cells: [.count(20)], total: nil), .init(key: "released", cells: [.suppressed], total: nil),
                .init(key: "transferred", cells: [.count(15)], total: nil),
            ], columnTotals: [.count(38)], grandTotal: nil)
        let findings = DisclosureAudit(policy: Self.exact).attack(naive)
        #expect(findings.count == 1)
        #expect(findings[0].isRecovered && findings[0].lowerBound == 3)
        // With rounding to 5 the same shape leaves an interval, not a value.
        let rounded = DisclosureAudit(policy: .ons105).attack(naive)
        #expect(!rounded[0].isRecovered)
    }

    @Test("the attacker works on two-way tables: a bridge between two hidden blocks is recovered")
    func attackerRecoversBridge() {
        // Cells (0,0),(0,1) hidden in row 0, but (1,1) alone in its column: column 1 pins it, then row 0 pins the other.
        let table = PublishedTable(
            id: "releases", columns: [FigureColumn(key: "a", measure: .persons), FigureColumn(key: "b", measure: .persons)],
            rows: [
                .init(key: "r0", cells: [.suppressed, .suppressed], total: .count(12)),
                .init(key: "r1", cells: [.count(30), .suppressed], total: .count(34)),
            ], columnTotals: [.count(38), .count(8)], grandTotal: .count(46))
        #expect(!DisclosureAudit(policy: Self.exact).isSafe(table))
    }

    @Test("crafted tables are safe after protection", arguments: [
        [[30, 3], [25, 15], [40, 20]],  // one small cell in a row
        [[4, 6], [50, 50]],  // two small cells
        [[3, 2], [1, 1]],  // small totals everywhere
        [[12, 1, 40], [0, 33, 21], [7, 0, 0]],  // small cells with zeros around them
        [[100, 2], [100, 3], [100, 4]],  // a whole small column
        [[11, 0], [0, 9]],  // small group as all-or-none
    ])
    func craftedSafe(_ rows: [[Int]]) {
        for policy in [DisclosurePolicy.ons105, Self.exact] {
            let published = protect(countTable(rows), policy)
            let findings = DisclosureAudit(policy: policy).attack(published)
            #expect(!findings.contains { $0.isRecovered }, "recovered in \(rows) under k=\(policy.threshold)")
            // Every true count from 1 to k−1 is hidden.
            for (r, row) in rows.enumerated() {
                for (c, value) in row.enumerated() where (1..<policy.threshold).contains(value) {
                    #expect(published.rows[r].cells[c] == .suppressed)
                }
            }
        }
    }

    @Test("random tables of every shape are safe after protection, with and without rounding")
    func randomTablesSafe() {
        var random = SeededGenerator(seed: 2026)
        for trial in 0..<400 {
            let rowCount = Int.random(in: 1...6, using: &random)
            let columnCount = Int.random(in: 1...3, using: &random)
            let rows = (0..<rowCount).map { _ in
                (0..<columnCount).map { _ in
                    Bool.random(using: &random) ? Int.random(in: 0...12, using: &random) : Int.random(in: 0...80, using: &random)
                }
            }
            let policy = trial.isMultiple(of: 2) ? DisclosurePolicy.ons105 : Self.exact
            let published = protect(countTable(rows, rowTotals: trial % 3 != 0), policy)
            #expect(DisclosureAudit(policy: policy).isSafe(published) == true, "trial \(trial): \(rows)")
            for (r, row) in rows.enumerated() {
                for (c, value) in row.enumerated() where (1..<policy.threshold).contains(value) {
                    #expect(published.rows[r].cells[c] == .suppressed)
                }
            }
        }
    }
}
