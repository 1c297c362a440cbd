import BekalDomain

/// Hides more of a table being cleared until, together with every table already published in its group (the
/// quarter and its months, `LinkedTables`), no `Exposure` follows that did not already follow from the published
/// tables alone. What history alone already gives away, no new table can take back; everything else is the new
/// table's responsibility.
///
/// The loop always ends: each round hides at least one more figure, and a table with every figure hidden adds
/// nothing to what an analyst knew (any history completes to the sums of its months or to the quarter minus the
/// others), so it passes by construction.
struct LinkedSuppression {
    /// Earlier tables of the same id and calendar quarter, exact (not noisy) ones only.
    let history: [TableInstance]

    enum Outcome: Equatable {
        /// Published with the suppression found.
        case cleared
        /// Every figure hidden: the table's true figures contradict what was published for the same days (records
        /// added or corrected since), so any figure of it would show the change.
        case withheld
    }

    func clear(_ candidate: inout CandidateTable) -> Outcome {
        var group = LinkedTables()
        // Without earlier reports of the quarter, the latent tables would relate the candidate to nothing known.
        group.linked = !candidate.noisy && candidate.period != nil && !history.isEmpty
        if group.linked {
            for table in history { if let period = table.period { group.slots[LinkedTables.slot(of: period)].append(table) } }
        }
        let slot = candidate.period.map(LinkedTables.slot) ?? 0
        let ceiling = Self.ceiling(history: group.slots.joined(), candidate: candidate)
        var before = group
        var place = candidate.instance.latent()
        place.isCandidate = true
        before.slots[slot].append(place)
        let (past, pastPlaced) = before.build(ceiling: ceiling)
        // A point of the model with the candidate's true figures: it exists unless the records of days already
        // reported changed, and it satisfies every later round too (hiding only widens the candidate's bounds).
        var truth: [[Int]] = []
        if let offset = pastPlaced.first(where: \.instance.isCandidate)?.offset {
            if group.linked {
                // Are today's true figures still what the earlier reports said about the same days?
                var fixed = past
                for (v, value) in candidate.values.enumerated() { fixed.restrict(offset + v, lower: value, upper: value) }
                let consistent = IntegerRanges(fixed)
                guard consistent.isFeasible else {
                    candidate.hideAll()
                    return .withheld
                }
                truth = consistent.points
            } else {
                truth = [candidate.values]
            }
        }
        var pastRanges: IntegerRanges?
        while !candidate.isFullyHidden {
            var now = group
            now.slots[slot].append(candidate.instance)
            let (program, placed) = now.build(ceiling: ceiling)
            let ranges = IntegerRanges(program, known: truth)
            guard ranges.isFeasible else {
                candidate.hideAll()
                return .withheld
            }
            let found = ExposureCheck(placed: placed, candidateValues: candidate.values).exposures(in: ranges)
            if found.isEmpty { return .cleared }
            let known = pastRanges ?? IntegerRanges(past, known: truth)
            pastRanges = known
            let fresh = found.filter { $0.holds(in: known) != .yes }
            if fresh.isEmpty { return .cleared }
            guard let at = placed.firstIndex(where: \.instance.isCandidate) else { return .cleared }
            let choices = fresh.compactMap { choose(for: $0, candidate: candidate, at: placed[at], program: program) }
            guard !choices.isEmpty else {
                candidate.hideAll()
                break
            }
            candidate.hide(choices)
        }
        return .cleared
    }

    /// The candidate's published figure to hide for `exposure`: on a line through it when the fact is about the
    /// candidate itself, else the nearest one through the relations between the tables.
    private func choose(
        for exposure: Exposure, candidate: CandidateTable, at placed: LinkedTables.Placed, program: IntegerProgram
    ) -> Int? {
        let range = placed.offset..<(placed.offset + candidate.values.count)
        for v in exposure.variables where range.contains(v) {
            if let local = candidate.complement(near: v - placed.offset) { return local }
        }
        // Breadth-first over the constraints from the exposed figures to the candidate's published figures.
        var byVariable: [Int: [Int]] = [:]
        for (n, c) in program.constraints.enumerated() { for t in c.terms { byVariable[t.variable, default: []].append(n) } }
        var seen = Set(exposure.variables)
        var frontier = exposure.variables
        while !frontier.isEmpty {
            var next: [Int] = []
            for v in frontier {
                for n in byVariable[v] ?? [] {
                    for t in program.constraints[n].terms where seen.insert(t.variable).inserted { next.append(t.variable) }
                }
            }
            let open = next.filter { range.contains($0) && !candidate.suppressed.contains($0 - placed.offset) }
                .map { $0 - placed.offset }
            if let best = open.filter({ candidate.values[$0] > 0 }).min(by: {
                (candidate.values[$0], $0) < (candidate.values[$1], $1)
            }) ?? open.first {
                return best
            }
            frontier = next
        }
        return nil
    }

    /// A bound no figure of the group can need: twice everything published plus the candidate's figures.
    static func ceiling(history: some Sequence<TableInstance>, candidate: CandidateTable) -> Int {
        var sum = candidate.values.reduce(0, +)
        for table in history { for value in table.published { sum += (value.count ?? 0) + table.roundingBase } }
        return 2 * sum + 1_000
    }
}
