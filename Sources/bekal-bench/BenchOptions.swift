import ArgumentParser
import BekalCredentials
import BekalDomain
import Foundation
import Logging

/// Options every measuring command takes.
struct RepetitionOptions: ParsableArguments {
    @Option(help: "Warm-up runs, not kept.") var warmups = 1
    @Option(help: "Measured runs.") var runs = 5

    var repetitions: Repetitions { Repetitions(warmups: max(0, warmups), runs: max(1, runs)) }
}

/// Fixed inputs, so that every run of the suite produces the same data and the same signatures.
enum BenchFixture {
    /// The day the synthetic facility is generated for.
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    /// The time stamped on generated events and exports (2026-11-29T00:00:00Z).
    static let now = Date(timeIntervalSince1970: 1_795_910_400)
    static let actor = "bench.runner"
    static let logger: Logger = {
        var logger = Logger(label: "bekal.bench")
        logger.logLevel = .warning  // store info lines would interleave with the figures on the terminal
        return logger
    }()

    /// A fixed benchmark-only issuer key (not a secret: it signs synthetic data only).
    static func issuerKey() throws -> IssuerKey {
        try IssuerKey(seed: [UInt8](repeating: 0x42, count: 32))
    }
}
