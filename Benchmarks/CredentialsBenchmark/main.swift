// Measures export and verification of a ~25-achievement portfolio, per cryptosuite choice.
// Run: swift run -c release credentials-benchmark [iterations] [--write-export FILE]
// --write-export saves one eddsa-rdfc-2022 export, e.g. for scripts/bench-linkeddata.sh (Bekal vs pyld).
import BekalCredentials
import BekalDomain
import BekalJSON
import BekalLinkedData
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let iterations = arguments.first.flatMap(Int.init) ?? 50
let exportFile = arguments.firstIndex(of: "--write-export").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }

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
let clock = ContinuousClock()
let context = VerificationContext(at: now.addingTimeInterval(60), trust: TrustAnchors(selfSigningIssuers: [key.didKey.did]))
let verifier = CredentialVerifier()

func ms(_ d: Duration, per count: Int = iterations) -> Double {
    (Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15) / Double(count)
}

for suite in ExportCryptosuite.allCases {
    var generator = SystemRandomNumberGenerator()
    var exports: [JSONValue] = []
    let options = ExportOptions(statusAllocation: StatusAllocation(listURL: "https://x.example/s/1"), cryptosuite: suite)
    let exportTime = try clock.measure {
        for _ in 0..<iterations {
            exports.append(try PortfolioExporter.export(sample, key: key, options: options, now: now, random: &generator).credential)
        }
    }
    let embedded = exports[0]["credentialSubject"]?["verifiableCredential"]?.arrayValue?.count ?? 0
    let bytes = exports.map { JSONWriter.serialize($0) }
    if suite == .rdfc {
        if let exportFile { try Data(bytes[0]).write(to: URL(fileURLWithPath: exportFile)) }
        // Canonicalization of one whole export (what its outer proof hashes), for comparison with pyld.
        var unsecured = exports[0].objectValue ?? JSONObject()
        unsecured["proof"] = nil
        let rdfc = EdDSARDFC2022()
        let nquads = try rdfc.canonicalize(.object(unsecured))
        let canonTime = try clock.measure { for _ in 0..<iterations { _ = try rdfc.canonicalize(.object(unsecured)) } }
        let toRDFTime = try clock.measure { for _ in 0..<iterations { _ = try rdfc.jsonld.toRDF(.object(unsecured)) } }
        print("[\(suite.rawValue)] " + String(format: "canonicalize one export (%d bytes of N-Quads): %.2f ms, of which JSON-LD to RDF %.2f ms",
            nquads.utf8.count, ms(canonTime), ms(toRDFTime)))
    }
    var valid = 0
    let verifyTime = clock.measure {
        for data in bytes where verifier.verify(bytes: data, context: context).result.isValid { valid += 1 }
    }
    let facility = (0..<200).map { _ in portfolio() }
    var facilityResult: [ExportResult] = []
    let facilityTime = try clock.measure {
        facilityResult = try FacilityExport.exportAll(facility, key: key, options: options, now: now).exports
    }
    print("[\(suite.rawValue)] portfolio: \(embedded) embedded credentials, \(bytes[0].count) bytes")
    print("[\(suite.rawValue)] " + String(format: "export: %.2f ms per portfolio (%d iterations)", ms(exportTime), iterations))
    print("[\(suite.rawValue)] " + String(format: "verify (parse + all proofs + policies): %.2f ms per portfolio, %d/%d VALID",
        ms(verifyTime), valid, iterations))
    print("[\(suite.rawValue)] " + String(format: "facility export of %d portfolios (FacilityExport.exportAll, all cores): %.0f ms total",
        facilityResult.count, ms(facilityTime, per: 1)))
}
