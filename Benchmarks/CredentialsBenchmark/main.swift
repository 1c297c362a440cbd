// Measures export and verification of a ~25-achievement portfolio.
// Run: swift run -c release credentials-benchmark [iterations]
import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50

func portfolio() -> Portfolio {
    let personID = UUID()
    let person = Person(
        id: personID, registerNumber: RegisterNumber("BI.2024.0117")!, fullName: PersonName("Sample Person")!,
        birthDate: nil, admissionDate: LocalDate("2024-02-01")!, expectedReleaseDate: LocalDate("2026-12-15")!,
        status: .active, facilityCode: "LAPAS-PWT")
    let units = (1...22).map {
        CompetencyUnit(code: String(format: "C.13BTK01.%03d.2", $0), title: LocalizedText(id: "Unit \($0)", en: "Unit \($0)"))
    }
    let framework = CompetencyFramework(id: "sample", version: "1", title: LocalizedText(id: "c", en: "c"), units: units)
    let assessments = units.enumerated().map { i, unit in
        Assessment(
            id: UUID(), personID: personID, frameworkID: "sample", frameworkVersion: "1", unitCode: unit.code,
            outcome: .kompeten, assessorName: "-", assessorRole: .bnspAssessor, method: .observation,
            date: LocalDate("2026-06-01")!.adding(days: i),
            evidence: [Evidence(sha256: String(repeating: "ab", count: 32), mediaType: "image/jpeg", description: "Photo", byteCount: 1)])
    }
    let certificates = (0..<2).map { i in
        Certificate(
            id: UUID(), personID: personID, issuer: "LSP Batik", scheme: "Tukang Cap \(i)", number: "N-\(i)",
            registrationNumber: "R-\(i)", issuedOn: LocalDate("2026-08-01")!, expiresOn: LocalDate("2029-08-01")!,
            unitCodes: [units[i].code])
    }
    let training = (0..<20).map { i in
        TrainingSession(id: UUID(), personID: personID, date: LocalDate("2026-03-01")!.adding(days: i), hours: 3, topic: "t", trainer: "-")
    }
    let production = (0..<40).map { i in
        ProductionEntry(
            id: UUID(), personID: personID, date: LocalDate("2026-04-01")!.adding(days: i), motif: "Parang", cap: "C1",
            quantity: 5, unit: .pieces, grade: .a, hours: 6)
    }
    return Portfolio(
        person: person, facility: Facility(code: "LAPAS-PWT", name: "Lapas Kelas IIA Purwokerto"), framework: framework,
        assessments: assessments, certificates: certificates, training: training, production: production)
}

let key = IssuerKey.generate()
let sample = portfolio()
let now = Date()
var generator = SystemRandomNumberGenerator()
var exports: [JSONValue] = []
let clock = ContinuousClock()

let exportTime = try clock.measure {
    for _ in 0..<iterations {
        let result = try PortfolioExporter.export(
            sample, key: key, options: ExportOptions(statusAllocation: StatusAllocation(listURL: "https://x.example/s/1")),
            now: now, random: &generator)
        exports.append(result.credential)
    }
}
let embedded = exports[0]["credentialSubject"]?["verifiableCredential"]?.arrayValue?.count ?? 0
let bytes = exports.map { JSONWriter.serialize($0) }
let context = VerificationContext(at: now.addingTimeInterval(60), trust: TrustAnchors(selfSigningIssuers: [key.didKey.did]))
let verifier = CredentialVerifier()
var valid = 0
let verifyTime = clock.measure {
    for data in bytes where verifier.verify(bytes: data, context: context).result.isValid { valid += 1 }
}
func ms(_ d: Duration) -> Double {
    (Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15) / Double(iterations)
}
let facility = (0..<200).map { _ in portfolio() }
var facilityResult: [ExportResult] = []
let facilityTime = try clock.measure {
    facilityResult = try FacilityExport.exportAll(
        facility, key: key, options: ExportOptions(statusAllocation: StatusAllocation(listURL: "https://x.example/s/1")),
        now: now).exports
}
print("portfolio: \(embedded) embedded credentials, \(bytes[0].count) bytes")
print(String(format: "export: %.2f ms per portfolio (%d iterations)", ms(exportTime), iterations))
print(String(format: "verify (parse + all proofs + policies): %.2f ms per portfolio, %d/%d VALID", ms(verifyTime), valid, iterations))
print(String(format: "facility export of %d portfolios (FacilityExport.exportAll, all cores): %.0f ms total",
    facilityResult.count, Double(facilityTime.components.seconds) * 1e3 + Double(facilityTime.components.attoseconds) / 1e15))
