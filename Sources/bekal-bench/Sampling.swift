import Foundation

/// Repetition settings shared by every measuring command.
struct Repetitions: Sendable {
    var warmups: Int
    var runs: Int
}

/// Runs a body after warm-ups and keeps one wall-clock sample (seconds) per run.
enum Sampling {
    static func measure(_ repetitions: Repetitions, _ body: () throws -> Void) rethrows -> [Double] {
        for _ in 0..<repetitions.warmups { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(repetitions.runs)
        let clock = ContinuousClock()
        for _ in 0..<repetitions.runs {
            let elapsed = try clock.measure(body)
            samples.append(elapsed.seconds)
        }
        return samples
    }

    static func measure(_ repetitions: Repetitions, _ body: () async throws -> Void) async rethrows -> [Double] {
        for _ in 0..<repetitions.warmups { try await body() }
        var samples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<repetitions.runs {
            let start = clock.now
            try await body()
            samples.append((clock.now - start).seconds)
        }
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
    var items: Int
    var bytes: Int = 0
    var note: String = ""

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
