import BekalDomain

/// The tables an analyst can combine with one another: those of one table id over one calendar quarter — the
/// quarter's and its three months' — each as published, as being cleared, or latent (not reported, yet the true
/// figures exist and obey the same relations). Tables of different ids or quarters share no relation the model
/// uses, so each group is checked on its own.
struct LinkedTables {
    /// A table placed in the program: its first variable.
    struct Placed {
        var instance: TableInstance
        var offset: Int

        /// The program variable of the table's layout variable `v`.
        func variable(_ v: Int) -> Int { offset + v }
        func cell(_ key: String, _ column: Int) -> Int? { instance.cell(key, column).map(variable) }
        func rowWhole(_ key: String) -> Int? { instance.rowWhole(key).map(variable) }
        func columnTotal(_ column: Int) -> Int { variable(instance.layout.columnTotal(column)) }
    }

    /// Slot 0 is the quarter, slots 1 to 3 its months; each holds the versions reported (normally one).
    var slots: [[TableInstance]] = [[], [], [], []]
    /// False for noisy tables: they are related to no other report.
    var linked = true

    /// The slot of a period within its quarter.
    static func slot(of period: ReportingPeriod) -> Int {
        period.kind == .quarter ? 0 : (period.index - 1) % 3 + 1
    }

    /// The program of every figure and relation, and where each table sits in it. Empty slots become latent tables
    /// so that the relations between a quarter and its months are always complete.
    func build(ceiling: Int) -> (program: IntegerProgram, placed: [Placed]) {
        var program = IntegerProgram()
        var placed: [Placed] = []
        guard let template = slots.lazy.flatMap({ $0 }).first else { return (program, placed) }
        var keys: [String] = []
        for instance in slots.joined() { for key in instance.rowKeys where !keys.contains(key) { keys.append(key) } }
        var heads: [Placed] = []
        for versions in slots {
            guard linked || !versions.isEmpty else { continue }
            let tables = versions.isEmpty ? [template.latent(rowKeys: keys, unreported: true)] : versions
            var head: Placed?
            var previous: Placed?
            for instance in tables {
                let here = Self.place(instance, ceiling: ceiling, into: &program)
                placed.append(here)
                if let previous { Self.linkVersions(previous, here, keys: keys, into: &program) }
                previous = here
                head = head ?? here
            }
            if let head { heads.append(head) }
        }
        if linked && heads.count == 4 {
            PeriodLinks.link(
                quarter: heads[0], months: Array(heads[1...3]), keys: keys, ceiling: ceiling, into: &program)
        }
        return (program, placed)
    }

    /// Adds a table's figures with the bounds its publication allows, and its own relations: every total is the
    /// sum of its members; a training band [lower, upper) of p persons holds between lower·p and upper·p hours.
    static func place(_ instance: TableInstance, ceiling: Int, into program: inout IntegerProgram) -> Placed {
        let offset = program.variableCount
        for v in 0..<instance.layout.variableCount {
            let range = instance.bounds(of: v, ceiling: ceiling)
            _ = program.addVariable(
                lower: range.lowerBound, upper: range.upperBound, followsOthers: instance.measure(of: v).isMagnitude)
        }
        let here = Placed(instance: instance, offset: offset)
        for line in instance.layout.lines {
            program.addEquation(line.members.map { (here.variable($0), 1) } + [(here.variable(line.total), -1)])
        }
        if instance.id == "training-hours", !instance.noisy,
            instance.columns.map(\.measure) == [.persons, .hours]
        {
            for band in ProgrammeFigures.trainingBands {
                guard let persons = here.cell(band.key, 0), let hours = here.cell(band.key, 1) else { continue }
                // Rounding the band's hours to whole hours keeps them within [lower·p, upper·p].
                program.add([(hours, 1), (persons, -Int(band.lower))], lower: 0, upper: ceiling * 64)
                if band.upper.isFinite {
                    program.add([(hours, 1), (persons, -Int(band.upper))], lower: -ceiling * 64, upper: 0)
                }
            }
        }
        return here
    }

    /// Two versions of one period are taken to hold the same figures: the analyst assumes nothing changed.
    /// (Bekal no longer queues a period twice; this reads reports queued before that rule.)
    static func linkVersions(_ first: Placed, _ other: Placed, keys: [String], into program: inout IntegerProgram) {
        let width = first.instance.columns.count
        for key in keys {
            for c in 0..<width { equal(first.cell(key, c), other.cell(key, c), &program) }
            if first.instance.layout.hasRowTotals { equal(first.rowWhole(key), other.rowWhole(key), &program) }
        }
        for c in 0..<min(width, other.instance.columns.count) {
            equal(first.columnTotal(c), other.columnTotal(c), &program)
        }
        if let a = first.instance.layout.grandTotal, let b = other.instance.layout.grandTotal {
            equal(first.variable(a), other.variable(b), &program)
        }
    }

    /// `a = b`, where a missing figure counts 0.
    private static func equal(_ a: Int?, _ b: Int?, _ program: inout IntegerProgram) {
        let terms = [a.map { ($0, 1) }, b.map { ($0, -1) }].compactMap { $0 }
        program.add(terms, lower: 0, upper: 0)
    }
}
