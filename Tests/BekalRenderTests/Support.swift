import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Crypto
import Foundation
import Testing

/// Fixtures copied into the bundle (never read from /work/shared at run time).
enum RenderFixture {
    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: try url(name)) }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    /// A fresh empty directory under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A deterministic random source (SplitMix64) so exports are reproducible.
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

/// A hand-made record with every case the page must show: units K, BK and never assessed (one elective), a
/// valid and an expired certificate, four months of production in three grades, evidence that matches, evidence
/// whose file was altered, and evidence with no file.
enum SampleRecord {
    static let now = Date(timeIntervalSince1970: 1_795_760_400)  // 2026-11-27T06:20:00Z
    static let personID = UUID(uuid: (1, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1))

    static let framework = CompetencyFramework(
        id: "sample-batik-cap", version: "2026.1", title: LocalizedText(id: "Contoh batik cap", en: "Sample batik cap"),
        source: "Sample", isSample: true,
        units: [
            unit("C.13BTK01.001.2", "Menyiapkan kain mori", "Preparing the mori cloth"),
            unit("C.13BTK01.002.2", "Memanaskan malam", "Heating the wax"),
            unit("C.13BTK01.003.2", "Mengecap kain", "Stamping the cloth"),
            unit("C.13BTK01.004.2", "Mewarnai kain", "Colouring the cloth"),
            unit("C.13BTK01.005.2", "Melorod kain", "Removing the wax"),
            CompetencyUnit(code: "C.13BTK01.006.2", title: LocalizedText(id: "Mendesain motif", en: "Designing a motif"), isCore: false),
        ])

    static func unit(_ code: String, _ id: String, _ en: String) -> CompetencyUnit {
        CompetencyUnit(code: code, title: LocalizedText(id: id, en: en), kkniLevel: 2)
    }

    /// The evidence whose file in the evidence directory is altered after recording.
    static let alteredEvidenceHash = String(repeating: "ab", count: 32)
    /// Evidence with no file anywhere.
    static let missingEvidenceHash = String(repeating: "cd", count: 32)

    static func portfolio(name: String = "Budi Santoso", motif: String = "Parang", framework: CompetencyFramework = framework) throws -> Portfolio {
        let parang = try RenderFixture.data("cloth-parang.png")
        let kawung = try RenderFixture.data("cloth-kawung.png")
        func evidence(_ hash: String, _ description: String) -> Evidence {
            Evidence(sha256: hash, mediaType: "image/png", description: description, byteCount: 400)
        }
        var counter: UInt8 = 0
        func id() -> UUID {
            counter += 1
            return UUID(uuid: (2, counter, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, counter))
        }
        func assessment(_ code: String, _ outcome: AssessmentOutcome, _ date: String, _ role: AssessorRole, _ files: [Evidence]) -> Assessment {
            Assessment(
                id: id(), personID: personID, frameworkID: framework.id, frameworkVersion: framework.version,
                unitCode: code, outcome: outcome, assessorName: "Asesor Rahasia", assessorRole: role,
                method: .demonstration, date: LocalDate(date)!, evidence: files)
        }
        let person = Person(
            id: personID, registerNumber: RegisterNumber("BI.2024.0117")!, fullName: PersonName(name)!,
            birthDate: nil, admissionDate: LocalDate("2024-02-01")!, expectedReleaseDate: LocalDate("2026-12-15")!,
            status: .active, facilityCode: "LAPAS-PWT")
        let assessments = [
            assessment("C.13BTK01.001.2", .kompeten, "2026-05-04", .bnspAssessor, [evidence(RenderFixture.sha256(parang), "Kain \(motif) hasil cap")]),
            assessment("C.13BTK01.002.2", .kompeten, "2026-06-10", .partnerMentor, [evidence(RenderFixture.sha256(kawung), "Kain kawung")]),
            assessment("C.13BTK01.003.2", .belumKompeten, "2026-06-11", .bnspAssessor, []),
            assessment("C.13BTK01.003.2", .kompeten, "2026-08-20", .bnspAssessor, [evidence(alteredEvidenceHash, "Lembar observasi")]),
            assessment("C.13BTK01.004.2", .belumKompeten, "2026-09-02", .facilityStaff, [evidence(missingEvidenceHash, "Foto celup")]),
        ]
        let certificates = [
            Certificate(
                id: id(), personID: personID, issuer: "LSP Batik", scheme: "Tukang Cap", number: "BTK-2026-0042",
                registrationNumber: "REG-77", issuedOn: LocalDate("2026-08-01")!, expiresOn: LocalDate("2029-08-01")!,
                unitCodes: ["C.13BTK01.001.2", "C.13BTK01.003.2"]),
            Certificate(
                id: id(), personID: personID, issuer: "LSP Batik", scheme: "Tukang Celup", number: "BTK-2023-0007",
                registrationNumber: nil, issuedOn: LocalDate("2023-01-10")!, expiresOn: LocalDate("2026-01-10")!,
                unitCodes: ["C.13BTK01.004.2"]),
        ]
        let training = (0..<8).map { i in
            TrainingSession(id: id(), personID: personID, date: LocalDate("2026-03-02")!.adding(days: i * 14), hours: 3.5, topic: "Mengecap", trainer: "Mentor")
        }
        let grades: [QualityGrade] = [.a, .b, .a, .c, .a, .b, .a, .a, .b, .a, .a, .a]
        let production = grades.enumerated().map { i, grade in
            ProductionEntry(
                id: id(), personID: personID, date: LocalDate("2026-06-03")!.adding(days: i * 10), motif: motif,
                cap: "CAP-07", quantity: Double(6 + i), unit: .pieces, grade: grade, rework: i % 3 == 0 ? 1 : 0,
                rejects: i % 4 == 0 ? 1 : 0, rejectReason: i % 4 == 0 ? "malam terlalu panas" : nil, hours: 6)
        }
        return Portfolio(
            person: person, facility: Facility(code: "LAPAS-PWT", name: "Lapas Kelas IIA Purwokerto"),
            framework: framework, assessments: assessments, certificates: certificates, training: training,
            production: production)
    }

    static var key: IssuerKey { get throws { try IssuerKey(seed: Array(repeating: 7, count: 32)) } }

    static let listURL = "https://lapas-purwokerto.example/status/1"

    /// A signed export of `portfolio`.
    static func export(_ portfolio: Portfolio, includeName: Bool = false, code: VerificationCode? = nil) throws -> JSONObject {
        try #require(try exportResult(portfolio, includeName: includeName, code: code).credential.objectValue)
    }

    /// A signed export of `portfolio`, with its status allocation.
    static func exportResult(_ portfolio: Portfolio, includeName: Bool = false, code: VerificationCode? = nil) throws -> ExportResult {
        var random = SeededRandom(state: 42)
        let options = ExportOptions(
            includeName: includeName, statusAllocation: StatusAllocation(listURL: listURL), verificationCode: code)
        return try PortfolioExporter.export(portfolio, key: try key, options: options, now: now, random: &random)
    }

    /// The facility's trust list, naming it.
    static var trustList: TrustList {
        get throws {
            TrustList.facility(
                issuerID: nil, name: "Lapas Kelas IIA Purwokerto", code: "LAPAS-PWT",
                ring: KeyRing(current: try key, currentValidFrom: Date(timeIntervalSince1970: 1_767_225_600)))
        }
    }

    /// The facility's status list with `revoked` set, as the verifier reads it.
    static func statusList(revoking revoked: [String], allocation: StatusAllocation) throws -> VerifiedStatusList {
        let document = try StatusListCredential.make(
            id: listURL, issuer: try key.didKey.did, list: try allocation.statusList(revoked: Set(revoked)), key: try key,
            now: now)
        return try CredentialVerifier().statusList(document, trust: TrustAnchors(trustList: try trustList))
    }

    /// An evidence directory: the two images under their hashes, and an altered file under `alteredEvidenceHash`.
    static func evidenceDirectory() throws -> EvidenceDirectory {
        let directory = try RenderFixture.temporaryDirectory()
        for name in ["cloth-parang.png", "cloth-kawung.png"] {
            let data = try RenderFixture.data(name)
            try data.write(to: directory.appendingPathComponent(RenderFixture.sha256(data) + ".png"))
        }
        try Data("this is not the recorded file".utf8).write(to: directory.appendingPathComponent(alteredEvidenceHash))
        return try EvidenceDirectory(root: directory)
    }

    /// Verifies `document` (as bytes, as a reader would receive it) trusting the test key, and renders it.
    static func page(
        _ document: JSONObject, language: PageLanguage = .indonesian, evidence: EvidenceDirectory? = nil, trusted: Bool = true,
        trust: TrustAnchors? = nil, statusLists: [VerifiedStatusList] = [], register: String? = nil,
        code: VerificationCode? = nil
    ) throws -> (html: String, view: PortfolioView) {
        let bytes = JSONWriter.serialize(.object(document))
        let anchors = try trust ?? TrustAnchors(selfSigningIssuers: trusted ? [try key.didKey.did] : [])
        let context = VerificationContext(
            at: now, trust: anchors, statusLists: statusLists, registerNumber: register.flatMap(RegisterNumber.init),
            verificationCode: code)
        let verification = CredentialVerifier().verify(bytes: bytes, context: context)
        let view = PortfolioView(export: document, verification: verification, checkedAt: now, evidence: evidence)
        return (PortfolioPage(view: view, language: language).html(), view)
    }
}
