import BekalJSON
import Foundation
import Testing

@testable import BekalLinkedData

/// Timing of canonicalization and verification, for the benchmark report. Runs only with
/// `BEKAL_BENCH=1`; it prints figures and asserts only correctness, never speed.
@Suite("Benchmark: eddsa-rdfc-2022", .enabled(if: ProcessInfo.processInfo.environment["BEKAL_BENCH"] == "1"))
struct CanonicalizationBenchmark {
    static func measure(_ label: String, iterations: Int, _ body: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        try body()  // warm-up: contexts parsed, caches filled
        let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
        let perRun = elapsed / iterations
        print("bench \(label): \(perRun) per run (\(iterations) runs)")
    }

    @Test("canonicalize and verify one CLR export")
    func clr() throws {
        let document = try TestFiles.json("di-cases/valid/selfmade_clr_rdfc.json")
        var unsecured = try #require(document.objectValue)
        unsecured["proof"] = nil
        let suite = RDFCProofAlgorithms()
        try Self.measure("canonicalize CLR (selfmade_clr_rdfc.json)", iterations: 20) {
            _ = try suite.canonicalize(.object(unsecured))
        }
        try Self.measure("verify CLR top-level proof", iterations: 20) {
            let verified = try TestFiles.verifyAll(document, suite: suite)
            #expect(verified)
        }
    }
}
