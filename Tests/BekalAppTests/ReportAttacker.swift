import BekalDomain
import BekalMetrics
import Foundation
import Testing

/// Runs `scripts/attack-reports.py` (Python, SciPy's MILP/HiGHS), an analyst independent of Bekal's Swift code, on
/// every body a facility sent, and reads back what it recovered.
enum ReportAttacker {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One facility's bodies and, for judging group facts only, the true figures of each report.
    struct Case {
        var name: String
        var bodies: [Data]
        /// Report id (lower case) → the true figures in the report's layout.
        var truth: [String: [PublishedTable]]
    }

    /// What the analyst found for one case.
    struct Outcome: Decodable {
        struct Finding: Decodable, CustomStringConvertible {
            var kind: String
            var report: String
            var table: String
            var figure: String
            var range: [Int]?
            var groupSize: Int?
            var description: String {
                "\(kind) \(report) \(table) \(figure)" + (range.map { " \($0)" } ?? "")
                    + (groupSize.map { " (group of \($0))" } ?? "")
            }
        }

        var name: String
        var reports: Int
        var figures: Int
        var publishedFigures: Int
        var checkedSuppressed: Int
        var checkedSmallGroups: Int
        var findings: [Finding]
        /// Figures pinned as narrowly by the reports sent before their own: no new leak, not findings.
        var knownBefore: [Finding]
    }

    private struct Output: Decodable { var cases: [Outcome] }

    /// Attacks every case; a missing Python or SciPy throws (it must fail the test, never pass it).
    static func attack(_ cases: [Case]) throws -> [Outcome] {
        var input: [[String: Any]] = []
        for c in cases {
            let reports = try c.bodies.map { try JSONSerialization.jsonObject(with: $0) }
            let encoder = JSONEncoder()
            var truth: [String: Any] = [:]
            for (id, tables) in c.truth {
                truth[id] = try JSONSerialization.jsonObject(with: try encoder.encode(tables))
            }
            input.append(["name": c.name, "reports": reports, "truth": truth])
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-attack-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: ["cases": input]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        // To look at the material by hand: BEKAL_ATTACK_INPUT=/some/dir keeps a copy of every input there.
        if let keep = ProcessInfo.processInfo.environment["BEKAL_ATTACK_INPUT"] {
            try? FileManager.default.copyItem(
                at: file, to: URL(fileURLWithPath: keep).appendingPathComponent(file.lastPathComponent))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/attack-reports.py").path, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AttackFailure(message: "the attacker exited \(process.terminationStatus): \(messages)")
        }
        print(messages, terminator: "")
        return try JSONDecoder().decode(Output.self, from: data).cases
    }

    struct AttackFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The true figures of `figures` in the published layout (row totals and a grand total when the columns count
    /// the same thing and there are several), for judging whether a group really is of 1 to k − 1.
    static func truth(_ figures: ProgrammeFigures) -> [PublishedTable] {
        figures.tables.map { table in
            let totals = table.hasRowTotals && table.columns.count > 1
            return PublishedTable(
                id: table.id, columns: table.columns,
                rows: table.rows.indices.map { r in
                    PublishedTable.Row(
                        key: table.rows[r].key, cells: table.rows[r].cells.map { .count($0.value) },
                        total: totals ? .count(table.rowTotal(r).value) : nil)
                },
                columnTotals: table.columns.indices.map { .count(table.columnTotal($0).value) },
                grandTotal: totals ? .count(table.grandTotal.value) : nil)
        }
    }
}
