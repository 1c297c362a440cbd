@testable import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation
import Testing

/// Loads test fixtures copied into the bundle (never from /work/shared).
enum Fixture {
    static func url(_ path: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        return base.appendingPathComponent(path)
    }

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: try url(path))) }
    static func text(_ path: String) throws -> String { String(decoding: try bytes(path), as: UTF8.self) }
    static func json(_ path: String) throws -> JSONValue { try JSONParser.parse(try bytes(path)) }
    static func object(_ path: String) throws -> JSONObject { try #require(try json(path).objectValue) }

    /// The repository root, for `schemas/`.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// A deterministic random source (SplitMix64) so exports are reproducible in tests.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Portfolios built by hand (the store is another module's work).
enum SamplePortfolio {
    static let now = Timestamp.parse("2026-11-20T09:00:00Z")!
    static let listURL = "https://lapas-purwokerto.example/status/1"

    static func make(register: String = "BI.2024.0117", name: String = "Budi Santoso", units: Int = 22, seed: UInt8 = 1) -> Portfolio {
        let personID = UUID(uuid: (seed, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1))
        let person = Person(
            id: personID, registerNumber: RegisterNumber(register)!, fullName: PersonName(name)!,
            birthDate: LocalDate("1990-04-02"), admissionDate: LocalDate("2024-02-01")!,
            expectedReleaseDate: LocalDate("2026-12-15")!, status: .active, facilityCode: "LAPAS-PWT")
        let unitList = (1...units).map { i in
            CompetencyUnit(
                code: String(format: "C.13BTK01.%03d.2", i),
                title: LocalizedText(id: "Unit batik \(i)", en: "Batik unit \(i)"),
                elements: [LocalizedText(id: "Langkah", en: "Step \(i)")], kkniLevel: 2)
        }
        let framework = CompetencyFramework(
            id: "sample-batik-cap", version: "2026.1", title: LocalizedText(id: "Contoh batik cap", en: "Sample batik cap"),
            source: "Sample", isSample: true, units: unitList)
        var assessments: [Assessment] = []
        for (i, unit) in unitList.enumerated() {
            let evidence = Evidence(
                sha256: String(repeating: String(format: "%02x", i), count: 32), mediaType: "image/jpeg",
                description: "Photo of stamped cloth", byteCount: 1000 + i)
            assessments.append(Assessment(
                id: UUID(uuid: (seed, UInt8(i), 1, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 2)), personID: personID,
                frameworkID: framework.id, frameworkVersion: framework.version, unitCode: unit.code,
                outcome: .kompeten, assessorName: "Asesor Secret Name", assessorRole: .bnspAssessor,
                method: .demonstration, date: LocalDate("2026-06-01")!.adding(days: i), evidence: [evidence]))
        }
        // One BK that must not be exported.
        assessments.append(Assessment(
            id: UUID(uuid: (seed, 0xff, 1, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 3)), personID: personID,
            frameworkID: framework.id, frameworkVersion: framework.version, unitCode: "C.13BTK01.999.2",
            outcome: .belumKompeten, assessorName: "x", assessorRole: .partnerMentor, method: .observation,
            date: LocalDate("2026-06-01")!))
        let certificates = [
            Certificate(
                id: UUID(uuid: (seed, 0, 2, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 4)), personID: personID,
                issuer: "LSP Batik", scheme: "Tukang Cap", number: "BTK-2026-0042", registrationNumber: "REG-77",
                issuedOn: LocalDate("2026-08-01")!, expiresOn: LocalDate("2029-08-01")!,
                unitCodes: [unitList[0].code, unitList[1].code]),
            Certificate(
                id: UUID(uuid: (seed, 0, 3, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 5)), personID: personID,
                issuer: "LSP Batik", scheme: "Tukang Celup", number: "BTK-2023-0007", registrationNumber: nil,
                issuedOn: LocalDate("2023-01-10")!, expiresOn: LocalDate("2026-01-10")!,
                unitCodes: [unitList[2].code]),
        ]
        let training = (0..<10).map { i in
            TrainingSession(
                id: UUID(uuid: (seed, UInt8(i), 4, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 6)), personID: personID,
                date: LocalDate("2026-03-01")!.adding(days: i * 7), hours: 3.5, topic: "Stamping", trainer: "Mentor")
        }
        let production = (0..<12).map { i in
            ProductionEntry(
                id: UUID(uuid: (seed, UInt8(i), 5, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 7)), personID: personID,
                date: LocalDate("2026-04-01")!.adding(days: i * 5), motif: "Parang", cap: "CAP-07",
                quantity: Double(4 + i % 3), unit: .pieces, grade: QualityGrade.allCases[i % 3], rework: i % 2,
                rejects: i % 4 == 0 ? 1 : 0, rejectReason: i % 4 == 0 ? "uneven wax" : nil, hours: 6)
        }
        return Portfolio(
            person: person, facility: Facility(code: "LAPAS-PWT", name: "Lapas Kelas IIA Purwokerto"),
            framework: framework, assessments: assessments, certificates: certificates, training: training,
            production: production)
    }

    /// A fixed key for reproducible tests.
    static let key = try! IssuerKey(seed: Array(repeating: 7, count: 32))

    static func export(
        _ portfolio: Portfolio = make(), key: IssuerKey = key, includeName: Bool = false, issuerID: String? = nil,
        seed: UInt64 = 42, cryptosuite: ExportCryptosuite = .default
    ) throws -> ExportResult {
        var random = SeededRandom(state: seed)
        return try PortfolioExporter.export(
            portfolio, key: key,
            options: ExportOptions(
                includeName: includeName, issuerID: issuerID, statusAllocation: StatusAllocation(listURL: listURL),
                cryptosuite: cryptosuite),
            now: now, random: &random)
    }

    static func trust(_ key: IssuerKey = key) -> TrustAnchors { TrustAnchors(selfSigningIssuers: [key.didKey.did]) }

    static func verify(
        _ document: JSONValue, trust: TrustAnchors = trust(), at: Date = now.addingTimeInterval(3600),
        statusLists: [VerifiedStatusList] = [], register: String? = nil
    ) -> CredentialVerification {
        let object = document.objectValue ?? JSONObject()
        return CredentialVerifier().verify(
            UnverifiedCredential(object),
            context: VerificationContext(at: at, trust: trust, statusLists: statusLists, registerNumber: register.flatMap(RegisterNumber.init)))
    }
}

/// Runs a command and returns its exit status and output.
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func writeTemporary(_ value: JSONValue, name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-cred-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(JCS.canonicalize(value)).write(to: url)
    return url
}

extension FacilityExport {
    /// Plans every export, allocates their status indices in order (as the store does), then signs them all:
    /// the facility export's path without a store.
    static func planAllocateAndExport(
        _ portfolios: [Portfolio], key: IssuerKey, listURL: String, now: Date,
        verificationCodes: [UUID: VerificationCode] = [:]
    ) throws -> (exports: [ExportResult], allocation: StatusAllocation) {
        var random = SystemRandomNumberGenerator()
        let planned = portfolios.map { ($0, PortfolioExporter.plan($0, random: &random)) }
        var allocation = StatusAllocation(listURL: listURL)
        for (_, plan) in planned { for id in plan.credentialIDs { _ = try allocation.index(for: id) } }
        let exports = try exportAll(
            planned.map { (portfolio: $0.0, plan: $0.1) }, key: key, options: ExportOptions(statusAllocation: allocation),
            now: now, verificationCodes: verificationCodes)
        return (exports, allocation)
    }
}
