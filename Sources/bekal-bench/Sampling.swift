import Foundation

/// Repetition settings shared by every measuring command.
struct Repetitions: Sendable {
    var warmups: Int
    var runs: Int
}

/// Runs a body after warm-ups and keeps one wall-clock sample (seconds) per run. The CPU time of the process
/// over the same runs is kept too (`lastCPUSamples`): on a shared machine wall time includes waiting for a core.
enum Sampling {
    nonisolated(unsafe) static var lastCPUSamples: [Double] = []

    /// User + system CPU time of the whole process (all threads), in seconds.
    static func processCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func measure(_ repetitions: Repetitions, _ body: () throws -> Void) rethrows -> [Double] {
        for _ in 0..<repetitions.warmups { try body() }
        var series = Series()
        for _ in 0..<repetitions.runs { try time(body, into: &series) }
        lastCPUSamples = series.cpu
        return series.samples
    }

    /// The samples of one body: wall and CPU seconds per run.
    struct Series {
        var samples: [Double] = []
        var cpu: [Double] = []
    }

    /// Runs `body` once and appends its wall and CPU time to `series`.
    private static func time(_ body: () throws -> Void, into series: inout Series) rethrows {
        let cpuStart = processCPUTime()
        let elapsed = try ContinuousClock().measure(body).seconds
        series.cpu.append(processCPUTime() - cpuStart)
        series.samples.append(elapsed)
    }

    /// Runs `first` and `second` in alternation, each warmed up and then timed once per run, so that the i-th
    /// samples of the two were taken next to each other. A ratio of the two is then a median of per-run ratios,
    /// which the machine's drift over a run (its speed moved by ≈ 50% between minutes on this shared VM) cannot
    /// bias as it biases two blocks of runs measured one after the other.
    static func measureAlternating(
        _ repetitions: Repetitions, _ first: () throws -> Void, _ second: () throws -> Void
    ) rethrows -> (first: Series, second: Series) {
        for _ in 0..<repetitions.warmups {
            try first()
            try second()
        }
        var a = Series()
        var b = Series()
        for _ in 0..<repetitions.runs {
            try time(first, into: &a)
            try time(second, into: &b)
        }
        return (a, b)
    }

    static func measure(_ repetitions: Repetitions, _ body: () async throws -> Void) async rethrows -> [Double] {
        for _ in 0..<repetitions.warmups { try await body() }
        var samples: [Double] = []
        let clock = ContinuousClock()
        var cpu: [Double] = []
        for _ in 0..<repetitions.runs {
            let cpuStart = processCPUTime()
            let start = clock.now
            try await body()
            samples.append((clock.now - start).seconds)
            cpu.append(processCPUTime() - cpuStart)
        }
        lastCPUSamples = cpu
        return samples
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// One measured figure: samples in seconds per run, and what one run did (items, bytes) so the runner can
/// derive rates. Printed as one JSON line.
struct Figure: Encodable {
    var id: String
    var samples: [Double]
    /// CPU seconds of the process per run, taken with the samples (empty when not measured).
    var cpu: [Double] = Sampling.lastCPUSamples
    var items: Int
    var bytes: Int = 0
    var note: String = ""
    /// The figure whose samples were taken in alternation with these, index by index (`measureAlternating`).
    var pairedWith: String?

    func emit() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(self), let line = String(data: data, encoding: .utf8) {
            // One write per line, so lines never interleave with anything else on the pipe.
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}

/// Failures of the benchmark program itself: a wrong result is never reported as a time.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
