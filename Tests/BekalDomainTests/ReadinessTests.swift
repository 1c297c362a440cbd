import Foundation
import Testing

@testable import BekalDomain

@Suite("Readiness")
struct ReadinessTests {
    /// Ready under the default policy: core units U1 and U2 Kompeten with evidence (U2 after a BK),
    /// 40 training hours, a BNSP certificate valid past the release date.
    static func readyPortfolio() -> Portfolio {
        Build.portfolio(
            assessments: [
                Build.assessment("U1", .kompeten, on: "2026-01-10"),
                Build.assessment("U2", .belumKompeten, on: "2026-02-10", evidence: 0),
                Build.assessment("U2", .kompeten, on: "2026-03-10"),
                Build.assessment("U3", .belumKompeten, on: "2026-03-11", evidence: 0),
            ],
            certificates: [Build.certificate(issued: "2026-04-01")],
            training: (0..<10).map { _ in Build.training(4) })
    }

    func kinds(_ portfolio: Portfolio, _ policy: ReadinessPolicy = .default) -> [String] {
        Readiness.evaluate(portfolio, policy: policy, today: Build.today).missing.map {
            [$0.kind.rawValue, $0.unitCode].compactMap { $0 }.joined(separator: " ")
        }
    }

    @Test("a complete portfolio is ready, an elective BK does not count, and days to release are counted")
    func ready() {
        let report = Readiness.evaluate(Self.readyPortfolio(), policy: .default, today: Build.today)
        #expect(report.ready)
        #expect(report.missing.isEmpty)
        #expect(report.daysUntilRelease == 47)
        #expect(report.expectedReleaseDate == LocalDate("2027-01-15"))
    }

    @Test("a core unit never assessed is missing")
    func neverAssessed() {
        var p = Self.readyPortfolio()
        p.assessments.removeAll { $0.unitCode == "U2" }
        #expect(kinds(p) == ["unit-never-assessed U2"])
    }

    @Test("a core unit whose latest assessment is BK is missing, even after an earlier K")
    func notYetCompetent() {
        var p = Self.readyPortfolio()
        p.assessments.append(Build.assessment("U1", .belumKompeten, on: "2026-05-01", evidence: 0))
        let report = Readiness.evaluate(p, policy: .default, today: Build.today)
        #expect(kinds(p) == ["unit-not-yet-competent U1"])
        #expect(report.missing[0].text.id.contains("Belum Kompeten"))
        #expect(report.missing[0].text.en.contains("not yet competent"))
        #expect(report.missing[0].assessmentID == p.assessments.last?.id, "the item names the assessment to correct")
    }

    @Test("a Kompeten unit without evidence is missing evidence")
    func evidenceMissing() {
        var p = Self.readyPortfolio()
        p.assessments[0] = Build.assessment("U1", .kompeten, on: "2026-01-10", evidence: 0)
        #expect(kinds(p) == ["evidence-missing U1"])
        #expect(kinds(p, ReadinessPolicy(requireEvidenceForKompetenUnits: false)) == [])
    }

    @Test("fewer training hours than the minimum are missing, with what is had and needed")
    func trainingHours() {
        var p = Self.readyPortfolio()
        p.training[0].hours = 3.5
        let report = Readiness.evaluate(p, policy: .default, today: Build.today)
        #expect(kinds(p) == ["training-hours"])
        #expect(report.missing[0].have == 39.5)
        #expect(report.missing[0].need == 40)
        #expect(report.missing[0].text.en == "Training hours 39.5 of at least 40.")
        #expect(report.missing[0].text.id == "Jam pelatihan 39,5 dari minimal 40.", "the decimal comma on the Indonesian text")
        #expect(kinds(p, ReadinessPolicy(minimumTrainingHours: 39.5)) == [])
    }

    @Test("a certificate expiring before the release date does not count; one expiring on it does")
    func certificateValidAtRelease() {
        var p = Self.readyPortfolio()
        p.certificates = [Build.certificate(issued: "2026-01-01", expires: "2027-01-14")]
        #expect(kinds(p) == ["valid-certificate"])
        p.certificates = [Build.certificate(issued: "2026-01-01", expires: "2027-01-15")]
        #expect(kinds(p) == [])
        p.certificates = []
        #expect(kinds(p) == ["valid-certificate"])
        #expect(kinds(p, ReadinessPolicy(requireValidCertificate: false)) == [])
    }

    @Test("an optional production minimum counts good pieces only")
    func productionMinimum() {
        var p = Self.readyPortfolio()
        p.production = [Build.production(15, rejects: 2), Build.production(100, .metres)]
        let policy = ReadinessPolicy(minimumProductionPieces: 14)
        let report = Readiness.evaluate(p, policy: policy, today: Build.today)
        #expect(kinds(p, policy) == ["production-pieces"])
        #expect(report.missing[0].have == 13)
        #expect(kinds(p, ReadinessPolicy(minimumProductionPieces: 13)) == [])
        #expect(kinds(p) == [])
    }

    @Test("an empty portfolio lists every missing item in a fixed order")
    func everythingMissing() {
        let p = Build.portfolio(person: Build.person(release: "2026-11-01"))
        let report = Readiness.evaluate(p, policy: ReadinessPolicy(minimumProductionPieces: 1), today: Build.today)
        #expect(kinds(p, ReadinessPolicy(minimumProductionPieces: 1)) == [
            "unit-never-assessed U1", "unit-never-assessed U2", "training-hours", "valid-certificate", "production-pieces",
        ])
        #expect(!report.ready)
        #expect(report.daysUntilRelease == -28)
    }
}

@Suite("Readiness policy")
struct ReadinessPolicyTests {
    @Test("defaults: core units, 40 hours, evidence, a certificate, no production minimum")
    func defaults() {
        let d = ReadinessPolicy.default
        #expect(d.requireAllCoreUnitsKompeten && d.requireEvidenceForKompetenUnits && d.requireValidCertificate)
        #expect(d.minimumTrainingHours == 40)
        #expect(d.minimumProductionPieces == nil)
    }

    @Test("the shipped example policy file is the default policy")
    func examplePolicy() throws {
        let data = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("schemas/examples/readiness-policy.json"))
        #expect(try ReadinessPolicy.decode(json: data) == .default)
    }

    @Test("a policy file sets what it names and keeps the defaults for the rest")
    func partialFile() throws {
        let policy = try ReadinessPolicy.decode(json: Data(#"{"minimumTrainingHours": 60, "minimumProductionPieces": 25}"#.utf8))
        #expect(policy == ReadinessPolicy(minimumTrainingHours: 60, minimumProductionPieces: 25))
        #expect(try JSONDecoder().decode(ReadinessPolicy.self, from: Data("{}".utf8)) == .default)
        let encoded = try JSONEncoder().encode(policy)
        #expect(try ReadinessPolicy.decode(json: encoded) == policy)
    }

    @Test("unknown members, wrong types and negative minimums are refused by name")
    func invalidFiles() {
        let cases: [(String, String)] = [
            (#"{"minimumTrainingHour": 60}"#, "minimumTrainingHour"),
            (#"{"minimumTrainingHours": "60"}"#, "minimumTrainingHours"),
            (#"{"requireValidCertificate": 1}"#, "requireValidCertificate"),
            (#"{"minimumTrainingHours": -1}"#, "minimumTrainingHours"),
            (#"{"minimumProductionPieces": -5}"#, "minimumProductionPieces"),
            (#"[1]"#, ""),
            (#"{"#, ""),
        ]
        for (text, path) in cases {
            let error = #expect(throws: DomainError.self, "\(text)") { try ReadinessPolicy.decode(json: Data(text.utf8)) }
            #expect(error?.code == .invalidPolicy)
            #expect(error?.path == path, "\(text)")
        }
    }
}
