import BekalApp
import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation
import Testing

/// The counselor's everyday work (issue 12), through the app layer every front end calls.
@Suite("Everyday counselor work")
struct EverydayWorkTests {
    static let register = "AII-0042/2025"

    /// A facility with one person admitted 2025-09-01, expected release 2026-12-20.
    static func withPerson() async throws -> (AppFixture, Person) {
        let fixture = try await AppFixture()
        let (_, person) = try await fixture.app.addPerson(NewPerson(
            registerNumber: register, fullName: "Rahmat Pengujian", admissionDate: LocalDate("2025-09-01")!,
            expectedReleaseDate: LocalDate("2026-12-20")!), context: fixture.context)
        return (fixture, person)
    }

    static func assessment(_ person: Person, unit: String = "SAMPLE.BTKCAP.001", outcome: AssessmentOutcome = .kompeten,
                           date: String = "2026-03-02", evidence: [EvidenceUpload] = []) -> AssessmentInput {
        AssessmentInput(person: .id(person.id), unitCode: unit, outcome: outcome, assessorName: "Ibu Asesor",
                        assessorRole: .bnspAssessor, method: .observation, date: LocalDate(date)!, evidence: evidence)
    }

    @Test("a remisi moves the expected release date earlier; the history keeps the old and new dates")
    func remission() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let (_, remission) = try await fixture.app.recordRemission(RemissionInput(
            person: .id(person.id), decree: "W.13-PK.01.01.02-1234", kind: .general,
            grantedOn: LocalDate("2026-08-17")!, months: 2, days: 15), context: fixture.context)
        #expect(remission.previousReleaseDate == LocalDate("2026-12-20"))
        #expect(remission.newReleaseDate == LocalDate("2026-10-05"))  // less two months, then fifteen days
        #expect(try await fixture.app.person(.id(person.id), context: fixture.context).expectedReleaseDate == LocalDate("2026-10-05"))
        let history = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        let entry = try #require(history.entries.first { $0.event.type == "person.remission-granted" })
        #expect(entry.summary.en.contains("2026-12-20 → 2026-10-05"))
        #expect(entry.event.actor == AppFixture.actor.account)
        // No time granted is refused, and nothing moves.
        let noTimeGranted = await #expect(throws: DomainError.self) {
            _ = try await fixture.app.recordRemission(RemissionInput(
                person: .id(person.id), decree: "SK-2", kind: .special, grantedOn: LocalDate("2026-08-17")!,
                months: 0, days: 0), context: fixture.context)
        }
        #expect(noTimeGranted?.code == .invalidRemission, "\(noTimeGranted.map(String.init(describing:)) ?? "")")
        #expect(try await fixture.app.person(.id(person.id), context: fixture.context).expectedReleaseDate == LocalDate("2026-10-05"))
    }

    @Test("the history writes hours as people read them: 3,5 and 2,25 jam, 4 jam, 1,1 jam (no trailing zeros)")
    func historyNumbers() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        for (day, hours) in [(2, 3.5), (3, 2.25), (4, 4.0), (5, 1.1)] {
            _ = try await fixture.app.recordTraining(TrainingInput(
                person: .id(person.id), date: LocalDate(year: 2026, month: 3, day: day)!, hours: hours,
                topic: "Mencap", trainer: "Mentor"), context: fixture.context)
        }
        let history = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        let texts = history.entries.filter { $0.event.type == "training.recorded" }.map(\.summary)
        #expect(Set(texts.map(\.id)) == ["Pelatihan 3,5 jam: Mencap", "Pelatihan 2,25 jam: Mencap",
                                          "Pelatihan 4 jam: Mencap", "Pelatihan 1,1 jam: Mencap"])
        #expect(texts.contains { $0.en == "Training 2.25 h: Mencap" })
    }

    @Test("a person's name, register number and release date are corrected as events; the history shows old → new")
    func personCorrection() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let history = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        let added = try #require(history.entries.first { $0.event.type == "person.added" })
        var changes = RecordChanges()
        changes.fullName = "Rahmat Pengujian Baru"
        changes.registerNumber = "AII-0043/2025"
        _ = try await fixture.app.correct(eventID: added.event.id, changes: changes, reason: "typo", context: fixture.context)
        let corrected = try await fixture.app.person(.id(person.id), context: fixture.context)
        #expect(corrected.fullName.rawValue == "Rahmat Pengujian Baru")
        #expect(corrected.registerNumber.rawValue == "AII-0043/2025")
        let after = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        let original = try #require(after.entries.first { $0.event.id == added.event.id })
        #expect(original.standing == .corrected && original.correctedBy.count == 1)
        #expect(after.entries.contains { $0.corrects == added.event.id })
        let firstEntry = try #require(after.entries.first { $0.corrects == added.event.id })
        let first = firstEntry.summary
        #expect(first.id == "Koreksi: typo — nama: Rahmat Pengujian → Rahmat Pengujian Baru; "
                + "nomor register: AII-0042/2025 → AII-0043/2025", "\(first.id)")
        #expect(first.en == "Correction: typo — name: Rahmat Pengujian → Rahmat Pengujian Baru; "
                + "register number: AII-0042/2025 → AII-0043/2025", "\(first.en)")

        // A second correction starts from the first one's values: the name stays corrected, and its line shows
        // only the release date, old → new.
        var release = RecordChanges()
        release.expectedReleaseDate = LocalDate("2027-01-15")
        let second = try await fixture.app.correct(eventID: added.event.id, changes: release, reason: "salah tanggal",
                                                   context: fixture.context)
        let now = try await fixture.app.person(.id(person.id), context: fixture.context)
        #expect(now.fullName.rawValue == "Rahmat Pengujian Baru")
        #expect(now.registerNumber.rawValue == "AII-0043/2025")
        #expect(now.expectedReleaseDate == LocalDate("2027-01-15"))
        let latest = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        let line = try #require(latest.entries.first { $0.event.id == second.id }).summary
        #expect(line.id == "Koreksi: salah tanggal — perkiraan bebas: 2026-12-20 → 2027-01-15", "\(line.id)")
        #expect(line.en == "Correction: salah tanggal — expected release: 2026-12-20 → 2027-01-15", "\(line.en)")
        #expect(latest.entries.first { $0.event.id == added.event.id }?.correctedBy == [firstEntry.event.id, second.id])
    }

    @Test("a correction of the name after a remisi keeps the release date the remisi set, also after a rebuild; a correction of the date moves it")
    func remissionSurvivesCorrection() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let app = fixture.app
        _ = try await app.recordRemission(RemissionInput(
            person: .id(person.id), decree: "W.13-PK.01.01.02-1234", kind: .general,
            grantedOn: LocalDate("2026-08-17")!, months: 2, days: 15), context: fixture.context)
        #expect(try await app.person(.id(person.id), context: fixture.context).expectedReleaseDate == LocalDate("2026-10-05"))
        let added = try #require(try await app.history(of: .id(person.id), context: fixture.context)
            .entries.first { $0.event.type == "person.added" })
        var name = RecordChanges()
        name.fullName = "Rahmat Pengujian Baru"
        _ = try await app.correct(eventID: added.event.id, changes: name, reason: "typo", context: fixture.context)
        #expect(try await app.person(.id(person.id), context: fixture.context).expectedReleaseDate == LocalDate("2026-10-05"),
                "a name correction put back the release date from before the remisi")
        _ = try await app.rebuildProjections(context: fixture.context)
        #expect(try await app.person(.id(person.id), context: fixture.context).expectedReleaseDate == LocalDate("2026-10-05"))
        #expect(try await app.person(.id(person.id), context: fixture.context).fullName.rawValue == "Rahmat Pengujian Baru")
        // A correction that changes the recorded date itself sets it (a court's new date replaces the old one).
        var date = RecordChanges()
        date.expectedReleaseDate = LocalDate("2027-02-01")
        _ = try await app.correct(eventID: added.event.id, changes: date, reason: "putusan", context: fixture.context)
        #expect(try await app.person(.id(person.id), context: fixture.context).expectedReleaseDate == LocalDate("2027-02-01"))
        _ = try await app.rebuildProjections(context: fixture.context)
        #expect(try await app.person(.id(person.id), context: fixture.context).expectedReleaseDate == LocalDate("2027-02-01"))
    }

    @Test("a correction of a training record shows the hours old → new; a retraction shows its reason only")
    func recordCorrectionHistory() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let training = try await fixture.app.recordTraining(TrainingInput(
            person: .id(person.id), date: LocalDate("2026-03-02")!, hours: 2.5, topic: "Mencap", trainer: "Mentor"),
            context: fixture.context)
        var changes = RecordChanges()
        changes.hours = 3
        let corrected = try await fixture.app.correct(eventID: training.id, changes: changes, reason: "jam salah",
                                                      context: fixture.context)
        let retracted = try await fixture.app.retract(eventID: training.id, reason: "dobel", context: fixture.context)
        let history = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        let correction = try #require(history.entries.first { $0.event.id == corrected.id }).summary
        #expect(correction.id == "Koreksi: jam salah — jam: 2,5 → 3")
        #expect(correction.en == "Correction: jam salah — hours: 2.5 → 3")
        #expect(history.entries.first { $0.event.id == retracted.id }?.summary.id == "Penarikan: dobel")
    }

    @Test("history lists every event with id, kind and account; an exported record shows its credential id, which revoke takes, as it takes the event id")
    func historyAndRevoke() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let unit = try await fixture.app.recordAssessment(Self.assessment(person), context: fixture.context)
        let cert = try await fixture.app.recordCertificate(CertificateInput(
            person: .id(person.id), issuer: "LSP Batik", scheme: "Tukang Cap", number: "C-1",
            issuedOn: LocalDate("2026-04-01")!, unitCodes: ["SAMPLE.BTKCAP.001"]), context: fixture.context)
        _ = try await fixture.app.exportPortfolio(.id(person.id), settings: ExportSettings(), context: fixture.context)
        let history = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        #expect(history.entries.map(\.event.type).starts(with: ["person.added", "person.verification-code-issued",
                                                                "assessment.recorded", "certificate.recorded"]))
        let unitEntry = try #require(history.entries.first { $0.event.id == unit.id })
        guard case .assessmentRecorded(let assessment) = unit.payload, case .certificateRecorded(let certificate) = cert.payload
        else { Issue.record("unexpected payloads"); return }
        #expect(unitEntry.credentialID == "urn:uuid:" + assessment.id.uuidString.lowercased())
        // Revoke by the credential id history shows, and by the certificate's event id.
        _ = try await fixture.app.revoke(credentialID: try #require(unitEntry.credentialID), reason: "error", context: fixture.context)
        _ = try await fixture.app.revoke(credentialID: cert.id.uuidString, reason: "withdrawn", context: fixture.context)
        let revoked = try await fixture.app.history(of: .id(person.id), context: fixture.context)
        #expect(revoked.entries.first { $0.event.id == unit.id }?.revoked == true)
        #expect(revoked.entries.first { $0.event.id == cert.id }?.credentialID == "urn:uuid:" + certificate.id.uuidString.lowercased())
        #expect(revoked.entries.filter { $0.event.type == "credential.revoked" }.count == 2)
        await #expect(throws: AppError(.conflict, "")) {
            _ = try await fixture.app.revoke(credentialID: cert.id.uuidString, reason: "again", context: fixture.context)
        }
    }

    @Test("a revoked certificate and unit show as dicabut, no longer count for readiness, and a new export leaves them out and verifies VALID")
    func revokedReachesTheFacilityView() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let app = fixture.app
        _ = try await app.recordAssessment(Self.assessment(person), context: fixture.context)
        let cert = try await app.recordCertificate(CertificateInput(
            person: .id(person.id), issuer: "LSP Batik", scheme: "Tukang Cap", number: "C-1",
            issuedOn: LocalDate("2026-04-01")!), context: fixture.context)
        _ = try await app.recordTraining(TrainingInput(
            person: .id(person.id), date: LocalDate("2026-06-01")!, hours: 2, topic: "Malam", trainer: "Mentor"),
            context: fixture.context)
        let first = try await app.exportPortfolio(.id(person.id), settings: ExportSettings(), context: fixture.context)
        #expect(first.embeddedCredentialIDs.count == 3)
        _ = try await app.revoke(credentialID: first.embeddedCredentialIDs[0], reason: "error", context: fixture.context)
        _ = try await app.revoke(credentialID: cert.id.uuidString, reason: "withdrawn", context: fixture.context)
        let standing = try await app.portfolioStanding(of: .id(person.id), context: fixture.context).standing
        #expect(standing.units.first { $0.code == "SAMPLE.BTKCAP.001" }?.status == .revoked)
        #expect(standing.competentUnits == 0)
        #expect(standing.certificates.first?.isRevoked == true)
        let readiness = try #require(try await app.readiness(of: .id(person.id), context: fixture.context).first)
        #expect(readiness.report.missing.contains { $0.kind == .validCertificate })
        let second = try await app.exportPortfolio(.id(person.id), settings: ExportSettings(), context: fixture.context)
        // Only the training record remains: the revoked unit and certificate are left out.
        #expect(second.embeddedCredentialIDs.count == 1)
        #expect(!second.embeddedCredentialIDs.contains(first.embeddedCredentialIDs[0]))
        #expect(!second.embeddedCredentialIDs.contains(first.embeddedCredentialIDs[1]))
        let list = try await app.statusList(context: fixture.context)
        let files = fixture.files
        let exportFile = files.appendingPathComponent("second.json")
        let listFile = files.appendingPathComponent("status.json")
        try Data(second.bytes).write(to: exportFile)
        try Data(list.bytes).write(to: listFile)
        let did = try FacilityKeys(directory: app.directory).current().did
        let context = try TrustInputs(selfSigningIssuers: [did], statusListPaths: [listFile.path])
            .context(at: AppFixture.now, readAt: AppFixture.now)
        let verification = try PortfolioCheck.verify(fileAtPath: exportFile.path, context: context)
        #expect(verification.result.verdict == .valid, "\(VerificationReport.text(verification))")
    }

    @Test("records dated after a release are refused; a correction of an earlier record is still accepted")
    func recordsAfterRelease() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let app = fixture.app
        let training = try await app.recordTraining(TrainingInput(
            person: .id(person.id), date: LocalDate("2026-06-01")!, hours: 2, topic: "Malam", trainer: "Mentor"),
            context: fixture.context)
        let (_, code) = try await app.release(.id(person.id), on: LocalDate("2026-07-01")!, kind: .parole, context: fixture.context)
        #expect(code.formatted.count == 16)
        let afterRelease = await #expect(throws: DomainError.self) {
            _ = try await app.recordTraining(TrainingInput(
                person: .id(person.id), date: LocalDate("2026-07-02")!, hours: 2, topic: "Malam", trainer: "Mentor"),
                context: fixture.context)
        }
        #expect(afterRelease?.code == .dateAfterExit, "\(afterRelease.map(String.init(describing:)) ?? "")")
        do {
            _ = try await app.recordAssessment(Self.assessment(person, date: "2026-08-01"), context: fixture.context)
            Issue.record("an assessment after the release was accepted")
        } catch {
            #expect(AppError(error).code == .invalidInput)
            #expect(AppError(error).message.contains("dateAfterExit"))
        }
        var changes = RecordChanges()
        changes.hours = 3
        _ = try await app.correct(eventID: training.id, changes: changes, reason: "3 hours", context: fixture.context)
        #expect(try await app.portfolioStanding(of: .id(person.id), context: fixture.context).standing.training.hours == 3)
    }

    @Test("a certificate issued after a release or a transfer is refused (dateAfterExit); one issued by that day is not",
          arguments: [false, true])
    func certificateAfterExit(transferred: Bool) async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let app = fixture.app
        let left = LocalDate("2026-07-01")!
        if transferred {
            _ = try await app.transfer(.id(person.id), to: "LAPAS-LAIN", on: left, context: fixture.context)
        } else {
            _ = try await app.release(.id(person.id), on: left, kind: .parole, context: fixture.context)
        }
        func certificate(_ issued: String) -> CertificateInput {
            CertificateInput(person: .id(person.id), issuer: "LSP Batik", scheme: "Tukang Cap", number: "C-\(issued)",
                             issuedOn: LocalDate(issued)!, unitCodes: ["SAMPLE.BTKCAP.001"])
        }
        do {
            _ = try await app.recordCertificate(certificate("2026-07-02"), context: fixture.context)
            Issue.record("a certificate issued after the person left was accepted")
        } catch {
            #expect(AppError(error).code == .invalidInput)
            #expect(AppError(error).message.contains("dateAfterExit"), "\(AppError(error).message)")
        }
        // Issued on the day they left, or before admission (earned before the sentence): still accepted.
        _ = try await app.recordCertificate(certificate("2026-07-01"), context: fixture.context)
        _ = try await app.recordCertificate(certificate("2024-05-01"), context: fixture.context)
        let history = try await app.history(of: .id(person.id), context: fixture.context)
        #expect(history.entries.filter { $0.event.type == "certificate.recorded" }.count == 2)
    }

    @Test("evidence attached later backs the assessment (readiness stops asking for it) and survives a correction")
    func evidenceLater() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let app = fixture.app
        let event = try await app.recordAssessment(Self.assessment(person), context: fixture.context)
        let before = try await app.readiness(of: .id(person.id), context: fixture.context)[0].report.missing
        #expect(before.contains { $0.kind == .evidenceMissing && $0.unitCode == "SAMPLE.BTKCAP.001" })
        let photo = try EvidenceUpload(bytes: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("cloth".utf8), fileName: "kain.jpg",
                                       description: "foto kain")
        _ = try await app.attachEvidence(to: event.id, files: [photo], context: fixture.context)
        let after = try await app.readiness(of: .id(person.id), context: fixture.context)[0].report.missing
        #expect(!after.contains { $0.kind == .evidenceMissing && $0.unitCode == "SAMPLE.BTKCAP.001" })
        var changes = RecordChanges()
        changes.date = LocalDate("2026-03-03")
        _ = try await app.correct(eventID: event.id, changes: changes, reason: "date", context: fixture.context)
        let unit = try await app.portfolioStanding(of: .id(person.id), context: fixture.context).standing.units[0]
        #expect(unit.evidenceCount == 1 && unit.assessedOn == LocalDate("2026-03-03"))
        #expect(try await app.verifyChain(context: fixture.context).isIntact)
        #expect(try await app.rebuildProjections(context: fixture.context) > 0)
        #expect(try await app.portfolioStanding(of: .id(person.id), context: fixture.context).standing.units[0].evidenceCount == 1)
    }

    @Test("the readiness report of a portfolio already read is the one readiness gives, under the facility's readiness.json")
    func standingCarriesReadiness() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let app = fixture.app
        _ = try await app.recordAssessment(Self.assessment(person), context: fixture.context)
        let standing = try await app.portfolioStanding(of: .id(person.id), context: fixture.context)
        let byDefault = try app.readinessReport(for: standing.portfolio, context: fixture.context)
        #expect(byDefault == (try await app.readiness(of: .id(person.id), context: fixture.context)[0].report))
        #expect(byDefault.missing.contains { $0.kind == .trainingHours })
        // A facility that asks for no training hours, no evidence and no certificate.
        let lenient = ReadinessPolicy(minimumTrainingHours: 0, requireEvidenceForKompetenUnits: false,
                                      requireValidCertificate: false)
        try JSONEncoder().encode(lenient).write(to: app.directory.readinessPolicy)
        let underPolicy = try app.readinessReport(for: standing.portfolio, context: fixture.context)
        #expect(underPolicy == (try await app.readiness(of: .id(person.id), context: fixture.context)[0].report))
        #expect(!underPolicy.missing.contains { $0.kind == .trainingHours || $0.kind == .evidenceMissing })
        #expect(underPolicy != byDefault)
    }

    @Test("a refused record leaves no evidence file behind")
    func refusedRecordStoresNothing() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        let photo = try EvidenceUpload(bytes: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("x".utf8),
                                       fileName: "a.png", description: "foto")
        let unknownUnit = await #expect(throws: AppError.self) {
            _ = try await fixture.app.recordAssessment(Self.assessment(person, unit: "NO.SUCH.UNIT", evidence: [photo]),
                                                       context: fixture.context)
        }
        #expect(unknownUnit?.code == .notFound && unknownUnit?.field == "unit", "\(unknownUnit.map(String.init(describing:)) ?? "")")
        let futureDate = await #expect(throws: DomainError.self) {  // dated after "now": refused by the ledger after the file was stored
            _ = try await fixture.app.recordAssessment(Self.assessment(person, date: "2026-12-01", evidence: [photo]),
                                                       context: fixture.context)
        }
        #expect(futureDate?.code == .dateInFuture, "\(futureDate.map(String.init(describing:)) ?? "")")
        let files = FileManager.default.enumerator(atPath: fixture.app.directory.evidence.path)?.allObjects ?? []
        #expect(files.compactMap { $0 as? String }.filter { !$0.hasPrefix(".") && $0.count == 64 + 3 }.isEmpty,
                "\(files)")
    }

    @Test("an unknown unit lists the framework's units; a certificate naming an unknown unit is refused")
    func unknownUnits() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        do {
            _ = try await fixture.app.recordAssessment(Self.assessment(person, unit: "SAMPLE.BTKCAP.999"), context: fixture.context)
            Issue.record("accepted")
        } catch {
            #expect(AppError(error).code == .notFound)
            #expect(AppError(error).message.contains("SAMPLE.BTKCAP.001, SAMPLE.BTKCAP.002"))
        }
        await #expect(throws: AppError(.notFound, "")) {
            _ = try await fixture.app.recordCertificate(CertificateInput(
                person: .id(person.id), issuer: "LSP", scheme: "Tukang Cap", number: "C", issuedOn: LocalDate("2026-04-01")!,
                unitCodes: ["SAMPLE.BTKCAP.999"]), context: fixture.context)
        }
    }

    @Test("names and register numbers with control, invisible or id-shaped text are refused", arguments: [
        ("Budi\u{0}Santoso", "AII-1/2026"), ("Budi", "AII-1\n2026"), ("Budi", "AII-1\t2026"), ("Budi", "AII\u{202E}1"),
        ("Budi\u{200B}", "AII-1/2026"), ("Budi", "1fc11c76-1801-4d0c-a12a-54ed10d63aa1"),
    ])
    func badPersonText(name: String, register: String) async throws {
        let fixture = try await AppFixture()
        defer { fixture.cleanUp() }
        do {
            _ = try await fixture.app.addPerson(NewPerson(
                registerNumber: register, fullName: name, admissionDate: LocalDate("2025-09-01")!,
                expectedReleaseDate: LocalDate("2026-12-20")!), context: fixture.context)
            Issue.record("accepted")
        } catch {
            let failure = AppError(error)
            #expect(failure.code == .invalidInput)
            #expect(!failure.message.contains(name) && !failure.message.contains(register))
        }
        #expect(try await fixture.app.persons(context: fixture.context).isEmpty)
    }

    @Test("people are found by part of the name or register number, ignoring case and accents")
    func findPeople() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        #expect(try await fixture.app.findPersons("pengu", context: fixture.context).map(\.id) == [person.id])
        #expect(try await fixture.app.findPersons("0042", context: fixture.context).map(\.id) == [person.id])
        #expect(try await fixture.app.findPersons(Self.register, context: fixture.context).map(\.id) == [person.id])
        #expect(try await fixture.app.findPersons("Budi", context: fixture.context).isEmpty)
    }

    @Test("the readiness list reads portfolios in batches and still lists every person due, each with their own gaps")
    func readinessAcrossBatches() async throws {
        let fixture = try await AppFixture()
        defer { fixture.cleanUp() }
        let app = fixture.app
        let count = FacilityApp.readinessBatchSize + 12
        var due: [Person] = []
        for index in 0..<count + 5 {
            // The last five are released after the 90 days and must not be listed.
            let release = LocalDate("2026-11-20")!.adding(days: index < count ? index % 80 : 200 + index)
            let (_, person) = try await app.addPerson(NewPerson(
                registerNumber: "BATCH-\(index)", fullName: "Orang Uji", admissionDate: LocalDate("2025-09-01")!,
                expectedReleaseDate: release), context: fixture.context)
            if index < count { due.append(person) }
        }
        // One person far into the second batch has the first unit assessed Kompeten; nobody else has anything.
        let assessed = due[FacilityApp.readinessBatchSize + 7]
        _ = try await app.recordAssessment(Self.assessment(assessed), context: fixture.context)
        let lines = try await app.readiness(dueWithin: 90, context: fixture.context)
        #expect(lines.count == count)
        #expect(Set(lines.map(\.person.id)) == Set(due.map(\.id)))
        #expect(lines.map(\.report.expectedReleaseDate) == lines.map(\.report.expectedReleaseDate).sorted())
        for line in lines {
            let unassessed = line.report.missing.contains { $0.kind == .unitNeverAssessed && $0.unitCode == "SAMPLE.BTKCAP.001" }
            #expect(unassessed == (line.person.id != assessed.id))
            #expect(line.report == (try await app.readiness(of: .id(line.person.id), context: fixture.context)[0].report))
        }
    }

    @Test("overdue people come first, marked overdue")
    func overdue() async throws {
        let (fixture, _) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        _ = try await fixture.app.addPerson(NewPerson(
            registerNumber: "LATE-1", fullName: "Terlambat", admissionDate: LocalDate("2025-01-01")!,
            expectedReleaseDate: LocalDate("2026-11-01")!), context: fixture.context)
        let lines = try await fixture.app.readiness(dueWithin: 90, context: fixture.context)
        #expect(lines.map(\.person.registerNumber.rawValue) == ["LATE-1", Self.register])
        #expect(lines.map(\.isOverdue) == [true, false])
    }

    @Test("Indonesian words and the decimal comma are accepted wherever a value is typed")
    func typedIndonesian() throws {
        #expect(try TypedInput.term("Kompeten", field: "f", as: AssessmentOutcome.self) == .kompeten)
        #expect(try TypedInput.term("belum kompeten", field: "f", as: AssessmentOutcome.self) == .belumKompeten)
        #expect(try TypedInput.term("asesor", field: "f", as: AssessorRole.self) == .bnspAssessor)
        #expect(try TypedInput.term("observasi", field: "f", as: AssessmentMethod.self) == .observation)
        #expect(try TypedInput.term("PB", field: "f", as: ReleaseKind.self) == .parole)
        #expect(try TypedInput.term("CMB", field: "f", as: ReleaseKind.self) == .leaveBeforeRelease)
        #expect(try TypedInput.number("3,5", field: "f") == 3.5)
        #expect(try TypedInput.number("3.5", field: "f") == 3.5)
        #expect(try TypedInput.date("6 Desember 2026", field: "f") == LocalDate("2026-12-06"))
        #expect(try TypedInput.date("06-12-2026", field: "f") == LocalDate("2026-12-06"))
        for bad in ["0x10", "1e300", "inf", "nan", "-1", "1.000", "3,5,1", ""] {
            #expect(throws: AppError(.invalidInput, "")) { try TypedInput.number(bad, field: "--hours") }
        }
    }

    @Test("a person's verification code keys their export: the register number alone no longer matches it")
    func verificationCode() async throws {
        let (fixture, person) = try await Self.withPerson()
        defer { fixture.cleanUp() }
        _ = try await fixture.app.recordAssessment(Self.assessment(person), context: fixture.context)
        let code = try await fixture.app.verificationCode(of: .id(person.id), context: fixture.context)
        let export = try await fixture.app.exportPortfolio(.id(person.id), settings: ExportSettings(), context: fixture.context)
        let file = fixture.files.appendingPathComponent("e.json")
        try Data(export.bytes).write(to: file)
        let did = try FacilityKeys(directory: fixture.app.directory).current().did
        func identity(_ code: VerificationCode?) throws -> VerificationSummary.IdentityOutcome {
            let context = try TrustInputs(selfSigningIssuers: [did], registerNumber: RegisterNumber(Self.register),
                                          verificationCode: code).context(at: AppFixture.now, readAt: AppFixture.now)
            return try PortfolioCheck.verify(fileAtPath: file.path, context: context).summary.identity
        }
        #expect(try identity(code) == .matched)
        #expect(try identity(nil) != .matched)
        // The code stays the same for later exports.
        #expect(try await fixture.app.verificationCode(of: .id(person.id), context: fixture.context) == code)
    }
}
