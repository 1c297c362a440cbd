import ArgumentParser
@testable import bekal
import Testing

/// Argument parsing of every command, in-process with `parseAsRoot`: each leaf command reached from `Bekal`'s
/// configuration has a realistic line whose values land in its fields, a minimal line, and lines it refuses with a
/// usage error naming the problem. Parsing runs each command's `validate()` and nothing else: no file is read.
@Suite("Argument parsing of every command")
struct CommandArgumentParsingTests {
    static let eventID = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"
    static let bapasURL = "https://bapas-purwokerto.example/terima"
    static let issuerDID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"

    // MARK: Every leaf command, found through the configuration

    /// The commands that run: those without subcommands, found by walking the configuration from `command`.
    static func leaves(of command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        let subcommands = command.configuration.subcommands
        return subcommands.isEmpty ? [command] : subcommands.flatMap { leaves(of: $0) }
    }

    /// One minimal valid line per leaf command and the name of the type it must become.
    static let minimalLines: [([String], String)] = [
        (["init", "--facility-code", "LAPAS-PWT", "--facility-name", "Lapas Kelas IIA Purwokerto"], "Init"),
        (["person", "add", "--register-number", "AII-0001/2025", "--name", "Budi Santoso", "--admitted", "2025-01-02",
          "--release", "2027-03-04"], "PersonAdd"),
        (["person", "list"], "PersonList"),
        (["person", "show", "santoso"], "PersonShow"),
        (["person", "code", "AII-0001/2025"], "PersonCode"),
        (["framework", "import", "--sample"], "FrameworkImport"),
        (["framework", "list"], "FrameworkList"),
        (["assess", "AII-0001/2025", "--unit", "BTK-CAP-03", "--outcome", "K", "--assessor", "Siti Rahayu",
          "--role", "asesor", "--method", "observasi", "--date", "2026-02-01"], "Assess"),
        (["certify", "AII-0001/2025", "--issuer", "LSP Batik", "--scheme", "Tukang Cap", "--number", "0042/2026",
          "--issued", "2026-03-15"], "Certify"),
        (["train", "AII-0001/2025", "--date", "2026-02-03", "--hours", "3", "--topic", "Memanaskan malam",
          "--trainer", "Pak Darsono"], "Train"),
        (["produce", "AII-0001/2025", "--date", "2026-02-10", "--motif", "Kawung", "--cap", "Cap Kawung",
          "--quantity", "12", "--grade", "B", "--hours", "6"], "Produce"),
        (["correct", eventID, "--reason", "salah ketik"], "Correct"),
        (["remisi", "AII-0001/2025", "--decree", "PAS-1234.PK.05.04 Tahun 2026", "--date", "2026-08-17"],
         "RemisiCommand"),
        (["attach", eventID, "--evidence", "kain-cap.jpg"], "AttachCommand"),
        (["history", "AII-0001/2025"], "HistoryCommand"),
        (["transfer", "AII-0001/2025", "--to", "LAPAS-NK", "--date", "2026-04-01"], "TransferCommand"),
        (["release", "AII-0001/2025", "--date", "2026-06-30"], "ReleaseCommand"),
        (["portfolio", "AII-0001/2025"], "PortfolioCommand"),
        (["readiness"], "ReadinessCommand"),
        (["import", "persons.csv", "--kind", "persons"], "ImportCommand"),
        (["ledger", "verify"], "LedgerVerify"),
        (["ledger", "checkpoint"], "LedgerCheckpointCommand"),
        (["ledger", "rebuild"], "LedgerRebuild"),
        (["demo"], "Demo"),
        (["canonicalize", "-"], "Canonicalize"),
        (["verify", "portofolio.json"], "Verify"),
        (["keys", "create"], "KeysCreate"),
        (["keys", "did"], "KeysDID"),
        (["keys", "rotate"], "KeysRotate"),
        (["keys", "trust-list", "--out", "daftar-kunci.json"], "KeysTrustList"),
        (["render", "portofolio.json", "--out", "portofolio.html"], "Render"),
        (["stats", "--period", "2026-07"], "StatsCommand"),
        (["publish", "--status"], "PublishCommand"),
        (["export", "AII-0001/2025", "--out", "portofolio.json"], "ExportCommand"),
        (["revoke", "urn:uuid:0b7e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "--reason", "asesmen diulang"], "Revoke"),
        (["status-list", "export", "--out", "status-1.json"], "StatusListExport"),
        (["witness", "init", "--name", "kanwil-jateng.example/witness"], "WitnessInit"),
        (["witness", "trust"], "WitnessTrust"),
        (["witness", "add", "--bundle", "permintaan.txt"], "WitnessAdd"),
        (["witness", "show"], "WitnessShow"),
        (["user", "add", "wali.sari", "--role", "counselor"], "UserAdd"),
        (["user", "list"], "UserList"),
        (["user", "role", "wali.sari", "assessor"], "UserRole"),
        (["user", "disable", "wali.sari"], "UserDisable"),
        (["user", "enable", "wali.sari"], "UserEnable"),
        (["user", "password", "wali.sari", "--password-stdin"], "UserPassword"),
        (["user", "assign", "wali.sari", "AII-0001/2025"], "UserAssign"),
        (["serve"], "ServeCommand"),
        (["send", "--to", bapasURL, "--secret-env", "BEKAL_BAPAS_SECRET"], "SendCommand"),
        (["deliveries"], "DeliveriesCommand"),
        (["bapas", "trust", "import", "daftar-lapas-pwt.json"], "BapasTrustImport"),
        (["bapas", "trust", "list"], "BapasTrustList"),
        (["bapas", "trust", "history"], "BapasTrustHistory"),
        (["bapas", "secret", "LAPAS-PWT", "--secret-env", "BEKAL_LAPAS_PWT_SECRET"], "BapasSecret"),
        (["bapas", "inbox"], "BapasInbox"),
        (["bapas", "serve"], "BapasServe"),
    ]

    @Test("every leaf command reached from the root configuration has a minimal line in this suite")
    func everyLeafHasALine() {
        let leaves = Set(Self.leaves(of: Bekal.self).map { String(describing: $0) })
        let covered = Set(Self.minimalLines.map { $0.1 })
        #expect(leaves.count > 40, "the walk found \(leaves.count) leaf commands")
        #expect(leaves.subtracting(covered).sorted() == [], "leaf commands without a line here")
        #expect(covered.subtracting(leaves).sorted() == [], "lines for types that are not leaf commands")
    }

    @Test("a minimal line of every leaf command becomes that command",
          arguments: CommandArgumentParsingTests.minimalLines)
    func minimalLine(arguments: [String], command: String) throws {
        let parsed = try Bekal.parseAsRoot(arguments)
        #expect(String(describing: type(of: parsed)) == command)
    }

    @Test("every leaf command refuses an option it does not have and names it",
          arguments: CommandArgumentParsingTests.minimalLines)
    func unknownOption(arguments: [String], command: String) {
        let message = Self.usageError(arguments + ["--tidak-ada"])
        #expect(message.contains("Unknown option '--tidak-ada'"), "\(command): \(message)")
    }

    // MARK: Realistic lines, field by field

    @Test("init takes the facility's code and name, its issuer URL and its status list URL")
    func initFacility() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "init", "--facility-code", "LAPAS-PWT", "--facility-name", "Lapas Kelas IIA Purwokerto",
            "--issuer-id", "https://lapas-purwokerto.example/issuer",
            "--status-list-url", "https://lapas-purwokerto.example/status/1", "--home", "/srv/bekal",
            "--actor", "admin.rina",
        ]) as? Init)
        #expect(command.facilityCode == "LAPAS-PWT")
        #expect(command.facilityName == "Lapas Kelas IIA Purwokerto")
        #expect(command.issuerID == "https://lapas-purwokerto.example/issuer")
        #expect(command.statusListURL == "https://lapas-purwokerto.example/status/1")
        #expect(command.global.home == "/srv/bekal")
        #expect(command.global.actor == "admin.rina")
    }

    @Test("person add keeps the register number as typed and takes the dates in any accepted form")
    func personAdd() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "person", "add", "--register-number", "BI.N-0123/2024", "--name", "Budi Santoso",
            "--admitted", "2 Januari 2025", "--release", "04-03-2027", "--born", "1990-08-17",
        ]) as? PersonAdd)
        #expect(command.registerNumber == "BI.N-0123/2024")
        #expect(command.name == "Budi Santoso")
        #expect(command.admitted == "2 Januari 2025")
        #expect(command.release == "04-03-2027")
        #expect(command.born == "1990-08-17")
        #expect(command.global.home == nil)
    }

    @Test("person list takes an optional search, a status and --json")
    func personList() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "person", "list", "santoso", "--status", "aktif", "--json",
        ]) as? PersonList)
        #expect(command.search == "santoso")
        #expect(command.status == "aktif")
        #expect(command.output.json)

        let everyone = try #require(try Bekal.parseAsRoot(["person", "list"]) as? PersonList)
        #expect(everyone.search == nil)
        #expect(everyone.status == nil)
        #expect(!everyone.output.json)
    }

    @Test("person show and person code take the person")
    func personShowAndCode() throws {
        let show = try #require(try Bekal.parseAsRoot(["person", "show", "Budi", "--json"]) as? PersonShow)
        #expect(show.person == "Budi")
        #expect(show.output.json)

        let code = try #require(try Bekal.parseAsRoot([
            "person", "code", "AII-0001/2025", "--actor", "wali.sari",
        ]) as? PersonCode)
        #expect(code.person == "AII-0001/2025")
        #expect(code.global.actor == "wali.sari")
    }

    @Test("framework import takes a CSV file with its id, version and titles, or the sample")
    func frameworkImport() throws {
        let csv = try #require(try Bekal.parseAsRoot([
            "framework", "import", "unit-batik-cap.csv", "--id", "SKKNI-BATIK-CAP", "--version", "2024",
            "--title-id", "Pembatik Cap", "--title-en", "Batik Cap Maker",
        ]) as? FrameworkImport)
        #expect(csv.file == "unit-batik-cap.csv")
        #expect(csv.id == "SKKNI-BATIK-CAP")
        #expect(csv.version == "2024")
        #expect(csv.titleId == "Pembatik Cap")
        #expect(csv.titleEn == "Batik Cap Maker")
        #expect(!csv.sample)

        let sample = try #require(try Bekal.parseAsRoot(["framework", "import", "--sample"]) as? FrameworkImport)
        #expect(sample.sample)
        #expect(sample.file == nil)

        let list = try #require(try Bekal.parseAsRoot(["framework", "list", "--json"]) as? FrameworkList)
        #expect(list.output.json)
    }

    @Test("assess takes repeated evidence files with their description and the framework version")
    func assessWithEvidence() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "assess", "AII-0002/2025", "--unit", "BTK-CAP-05", "--outcome", "BK", "--assessor", "Siti Rahayu",
            "--role", "mentor", "--method", "tanya jawab", "--date", "2026-02-01", "--framework", "SKKNI-BATIK-CAP",
            "--framework-version", "2024", "--evidence", "kain-1.jpg", "--evidence", "kain-2.jpg",
            "--evidence-description", "foto kain hasil cap",
        ]) as? Assess)
        #expect(command.person == "AII-0002/2025")
        #expect(command.unit == "BTK-CAP-05")
        #expect(command.outcome == "BK")
        #expect(command.assessor == "Siti Rahayu")
        #expect(command.role == "mentor")
        #expect(command.method == "tanya jawab")
        #expect(command.framework == "SKKNI-BATIK-CAP")
        #expect(command.frameworkVersion == "2024")
        #expect(command.evidence.files == ["kain-1.jpg", "kain-2.jpg"])
        #expect(command.evidence.evidenceDescription == "foto kain hasil cap")
        #expect(command.notes == nil)
    }

    @Test("certify takes the issuer, scheme, number, dates, units and scan")
    func certify() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "certify", "AII-0001/2025", "--issuer", "LSP Batik Indonesia", "--scheme", "Tukang Cap",
            "--number", "LSP-BTK/2026/0042", "--registration-number", "BNSP 123 45678 2026",
            "--issued", "15 Maret 2026", "--expires", "2029-03-15", "--units", "BTK-CAP-01,BTK-CAP-03",
            "--scan", "sertifikat.pdf",
        ]) as? Certify)
        #expect(command.person == "AII-0001/2025")
        #expect(command.issuer == "LSP Batik Indonesia")
        #expect(command.scheme == "Tukang Cap")
        #expect(command.number == "LSP-BTK/2026/0042")
        #expect(command.registrationNumber == "BNSP 123 45678 2026")
        #expect(command.issued == "15 Maret 2026")
        #expect(command.expires == "2029-03-15")
        #expect(command.units == "BTK-CAP-01,BTK-CAP-03")
        #expect(command.scan == "sertifikat.pdf")

        let bare = try #require(try Bekal.parseAsRoot([
            "certify", "AII-0001/2025", "--issuer", "LSP Batik", "--scheme", "Tukang Cap", "--number", "0042/2026",
            "--issued", "2026-03-15",
        ]) as? Certify)
        #expect(bare.expires == nil)
        #expect(bare.units == "")
        #expect(bare.scan == nil)
    }

    @Test("train keeps the hours as typed, with a decimal comma")
    func train() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "train", "AII-0001/2025", "--date", "3 Februari 2026", "--hours", "3,5", "--topic", "Memanaskan malam",
            "--trainer", "Pak Darsono",
        ]) as? Train)
        #expect(command.person == "AII-0001/2025")
        #expect(command.date == "3 Februari 2026")
        #expect(command.hours == "3,5")
        #expect(command.topic == "Memanaskan malam")
        #expect(command.trainer == "Pak Darsono")
    }

    @Test("produce takes the batch, its unit and its rejects with their reason")
    func produce() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "produce", "AII-0001/2025", "--date", "2026-02-10", "--motif", "Lumbon", "--cap", "Cap Lumbon 20 cm",
            "--quantity", "2,5", "--unit", "meter", "--grade", "A", "--hours", "5,5", "--rework", "1",
            "--rejects", "2", "--reject-reason", "malam meleber",
        ]) as? Produce)
        #expect(command.person == "AII-0001/2025")
        #expect(command.motif == "Lumbon")
        #expect(command.cap == "Cap Lumbon 20 cm")
        #expect(command.quantity == "2,5")
        #expect(command.unit == "meter")
        #expect(command.grade == "A")
        #expect(command.hours == "5,5")
        #expect(command.rework == "1")
        #expect(command.rejects == "2")
        #expect(command.rejectReason == "malam meleber")

        let plain = try #require(try Bekal.parseAsRoot([
            "produce", "AII-0001/2025", "--date", "2026-02-10", "--motif", "Kawung", "--cap", "Cap Kawung",
            "--quantity", "12", "--grade", "B", "--hours", "6",
        ]) as? Produce)
        #expect(plain.unit == "pieces")
        #expect(plain.rework == "0")
        #expect(plain.rejects == "0")
        #expect(plain.rejectReason == nil)
    }

    @Test("correct takes the event id, the reason and only the fields changed")
    func correct() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "correct", Self.eventID, "--reason", "salah ketik tanggal", "--date", "2026-02-04", "--hours", "4",
            "--outcome", "K", "--unit", "BTK-CAP-04",
        ]) as? Correct)
        #expect(command.eventID == Self.eventID)
        #expect(command.reason == "salah ketik tanggal")
        #expect(command.date == "2026-02-04")
        #expect(command.hours == "4")
        #expect(command.outcome == "K")
        #expect(command.unit == "BTK-CAP-04")
        #expect(!command.retract)
        #expect(command.quantity == nil)
        #expect(command.name == nil)
    }

    @Test("correct takes a person's corrected details")
    func correctPerson() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "correct", Self.eventID, "--reason", "nama sesuai KTP", "--name", "Budi Santosa",
            "--register-number", "BI.N-0124/2024", "--born", "1990-08-17", "--admitted", "2025-01-03",
            "--release", "2027-03-05",
        ]) as? Correct)
        #expect(command.name == "Budi Santosa")
        #expect(command.registerNumber == "BI.N-0124/2024")
        #expect(command.born == "1990-08-17")
        #expect(command.admitted == "2025-01-03")
        #expect(command.release == "2027-03-05")
        #expect(command.date == nil)
    }

    @Test("a retraction is correct --retract with its reason and no changed field")
    func retract() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "correct", Self.eventID, "--retract", "--reason", "dicatat untuk orang yang salah",
        ]) as? Correct)
        #expect(command.retract)
        #expect(command.reason == "dicatat untuk orang yang salah")
        #expect(command.date == nil)
        #expect(command.outcome == nil)
        #expect(command.hours == nil)
    }

    @Test("remisi takes the decree, its kind, the date granted and the months and days")
    func remisi() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "remisi", "AII-0001/2025", "--decree", "PAS-1234.PK.05.04 Tahun 2026", "--kind", "khusus",
            "--date", "20 Maret 2026", "--months", "1", "--days", "15",
        ]) as? RemisiCommand)
        #expect(command.person == "AII-0001/2025")
        #expect(command.decree == "PAS-1234.PK.05.04 Tahun 2026")
        #expect(command.kind == "khusus")
        #expect(command.date == "20 Maret 2026")
        #expect(command.months == "1")
        #expect(command.days == "15")

        let general = try #require(try Bekal.parseAsRoot([
            "remisi", "AII-0001/2025", "--decree", "PAS-1234.PK.05.04 Tahun 2026", "--date", "17 Agustus 2026",
        ]) as? RemisiCommand)
        #expect(general.kind == "umum")
        #expect(general.months == "0")
        #expect(general.days == "0")
    }

    @Test("attach takes the assessment's event id and the evidence files")
    func attach() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "attach", Self.eventID, "--evidence", "kain-cap.jpg", "--evidence", "lembar-observasi.pdf",
            "--evidence-description", "foto kain hasil cap",
        ]) as? AttachCommand)
        #expect(command.eventID == Self.eventID)
        #expect(command.evidence.files == ["kain-cap.jpg", "lembar-observasi.pdf"])
        #expect(command.evidence.evidenceDescription == "foto kain hasil cap")
    }

    @Test("history takes the person, the language of the summaries and --json")
    func history() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "history", "AII-0001/2025", "--lang", "en", "--json",
        ]) as? HistoryCommand)
        #expect(command.person == "AII-0001/2025")
        #expect(command.lang == "en")
        #expect(command.output.json)

        let plain = try #require(try Bekal.parseAsRoot(["history", "AII-0001/2025"]) as? HistoryCommand)
        #expect(plain.lang == "id")
        #expect(!plain.output.json)
    }

    @Test("transfer and release take the person, the date, and where to or how")
    func movements() throws {
        let transfer = try #require(try Bekal.parseAsRoot([
            "transfer", "AII-0001/2025", "--to", "LAPAS-NK", "--date", "1 April 2026",
        ]) as? TransferCommand)
        #expect(transfer.person == "AII-0001/2025")
        #expect(transfer.to == "LAPAS-NK")
        #expect(transfer.date == "1 April 2026")

        let release = try #require(try Bekal.parseAsRoot([
            "release", "AII-0001/2025", "--date", "2026-06-30", "--kind", "parole",
        ]) as? ReleaseCommand)
        #expect(release.person == "AII-0001/2025")
        #expect(release.date == "2026-06-30")
        #expect(release.kind == "parole")

        let free = try #require(try Bekal.parseAsRoot(["release", "AII-0001/2025", "--date", "2026-06-30"])
            as? ReleaseCommand)
        #expect(free.kind == "end-of-sentence")
    }

    @Test("portfolio takes --html with its language and file, or --json")
    func portfolio() throws {
        let page = try #require(try Bekal.parseAsRoot([
            "portfolio", "AII-0001/2025", "--html", "--lang", "en", "--html-out", "portofolio.html",
        ]) as? PortfolioCommand)
        #expect(page.person == "AII-0001/2025")
        #expect(page.html)
        #expect(page.lang == "en")
        #expect(page.htmlOut == "portofolio.html")

        let json = try #require(try Bekal.parseAsRoot(["portfolio", "AII-0001/2025", "--json"]) as? PortfolioCommand)
        #expect(json.output.json)
        #expect(!json.html)
        #expect(json.lang == "id")
        #expect(json.htmlOut == nil)
    }

    @Test("readiness takes an optional person, a window in days and a policy file")
    func readiness() throws {
        let everyone = try #require(try Bekal.parseAsRoot([
            "readiness", "--due-within", "90", "--policy", "kebijakan-kesiapan.json", "--json",
        ]) as? ReadinessCommand)
        #expect(everyone.person == nil)
        #expect(everyone.dueWithin == 90)
        #expect(everyone.policy == "kebijakan-kesiapan.json")
        #expect(everyone.output.json)

        let one = try #require(try Bekal.parseAsRoot(["readiness", "AII-0001/2025"]) as? ReadinessCommand)
        #expect(one.person == "AII-0001/2025")
        #expect(one.dueWithin == nil)
        #expect(one.policy == nil)
    }

    @Test("import takes the CSV file and the kind of record")
    func importRecords() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "import", "nilai-asesmen-2026.csv", "--kind", "assessments", "--home", "/srv/bekal",
        ]) as? ImportCommand)
        #expect(command.file == "nilai-asesmen-2026.csv")
        #expect(command.kind == "assessments")
        #expect(command.global.home == "/srv/bekal")
    }

    @Test("ledger verify takes a checkpoint held outside and the witnesses whose cosignatures it needs")
    func ledgerVerify() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "ledger", "verify", "--checkpoint", "checkpoint-kanwil.txt",
            "--witness-key", "kanwil-jateng.example/witness+5f3a9c21+AQIDBA",
            "--witness-key", "bapas-purwokerto.example/witness+0c1d2e3f+BQYHCA", "--json",
        ]) as? LedgerVerify)
        #expect(command.checkpoint == "checkpoint-kanwil.txt")
        #expect(command.witnessKeys == ["kanwil-jateng.example/witness+5f3a9c21+AQIDBA",
                                        "bapas-purwokerto.example/witness+0c1d2e3f+BQYHCA"])
        #expect(command.output.json)

        let chain = try #require(try Bekal.parseAsRoot(["ledger", "verify"]) as? LedgerVerify)
        #expect(chain.checkpoint == nil)
        #expect(chain.witnessKeys == [])
    }

    @Test("ledger checkpoint takes the size a witness holds with the bundle and proof files, or --verifier-key")
    func ledgerCheckpoint() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "ledger", "checkpoint", "--since", "120", "--bundle", "permintaan-saksi.txt", "--proof", "bukti.txt",
            "--out", "checkpoint.txt", "--force",
        ]) as? LedgerCheckpointCommand)
        #expect(command.since == 120)
        #expect(command.bundle == "permintaan-saksi.txt")
        #expect(command.proof == "bukti.txt")
        #expect(command.out == "checkpoint.txt")
        #expect(command.force)
        #expect(!command.verifierKey)

        let key = try #require(try Bekal.parseAsRoot(["ledger", "checkpoint", "--verifier-key"])
            as? LedgerCheckpointCommand)
        #expect(key.verifierKey)
        #expect(key.since == nil)
        #expect(key.out == nil)
    }

    @Test("ledger rebuild rebuilds the query tables unless --log-tree is given")
    func ledgerRebuild() throws {
        let tables = try #require(try Bekal.parseAsRoot(["ledger", "rebuild"]) as? LedgerRebuild)
        #expect(!tables.logTree)
        let tree = try #require(try Bekal.parseAsRoot(["ledger", "rebuild", "--log-tree"]) as? LedgerRebuild)
        #expect(tree.logTree)
    }

    @Test("demo takes how many people and the seed as numbers")
    func demo() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "demo", "--people", "40", "--seed", "2026", "--home", "/tmp/bekal-demo",
        ]) as? Demo)
        #expect(command.people == 40)
        #expect(command.seed == 2026)
        #expect(command.global.home == "/tmp/bekal-demo")

        let plain = try #require(try Bekal.parseAsRoot(["demo"]) as? Demo)
        #expect(plain.people == 12)
        #expect(plain.seed == 1)
    }

    @Test("canonicalize takes a file, or '-' for standard input")
    func canonicalize() throws {
        let file = try #require(try Bekal.parseAsRoot(["canonicalize", "kredensial.json"]) as? Canonicalize)
        #expect(file.file == "kredensial.json")
        let standardInput = try #require(try Bekal.parseAsRoot(["canonicalize", "-"]) as? Canonicalize)
        #expect(standardInput.file == "-")
    }

    @Test("verify takes the export and every trust option, repeatable ones as lists")
    func verify() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "verify", "portofolio-AII-0001.json", "--trust", "daftar-lapas-pwt.json", "--trust", "daftar-lapas-nk.json",
            "--trust-authority", Self.issuerDID, "--status-list", "status-1.json",
            "--register-number-file", "nomor-register.txt", "--verification-code-file", "kode.txt",
            "--at", "2026-03-01T00:00:00Z", "--json",
        ]) as? Verify)
        #expect(command.file == "portofolio-AII-0001.json")
        #expect(command.trust.trustLists == ["daftar-lapas-pwt.json", "daftar-lapas-nk.json"])
        #expect(command.trust.authorities == [Self.issuerDID])
        #expect(command.trust.statusLists == ["status-1.json"])
        #expect(command.trust.registerNumberFile == "nomor-register.txt")
        #expect(command.trust.verificationCodeFile == "kode.txt")
        #expect(command.trust.at == "2026-03-01T00:00:00Z")
        #expect(command.trust.issuers == [])
        #expect(command.trust.registerNumber == nil)
        #expect(command.json)

        let selfSigned = try #require(try Bekal.parseAsRoot([
            "verify", "kredensial.json", "--issuer", Self.issuerDID, "--register-number", "AII-0001/2025",
        ]) as? Verify)
        #expect(selfSigned.trust.issuers == [Self.issuerDID])
        #expect(selfSigned.trust.registerNumber == "AII-0001/2025")
        #expect(!selfSigned.json)
    }

    @Test("keys create, did, rotate and trust-list resolve to their own types with their options")
    func keys() throws {
        let create = try #require(try Bekal.parseAsRoot(["keys", "create", "--home", "/srv/bekal"]) as? KeysCreate)
        #expect(create.global.home == "/srv/bekal")

        let did = try #require(try Bekal.parseAsRoot(["keys", "did", "--document"]) as? KeysDID)
        #expect(did.document)
        let plainDID = try #require(try Bekal.parseAsRoot(["keys", "did"]) as? KeysDID)
        #expect(!plainDID.document)

        let rotate = try #require(try Bekal.parseAsRoot(["keys", "rotate", "--actor", "admin.rina"]) as? KeysRotate)
        #expect(rotate.global.actor == "admin.rina")

        let list = try #require(try Bekal.parseAsRoot([
            "keys", "trust-list", "--out", "daftar-kunci.json",
            "--issuer-id", "https://lapas-purwokerto.example/issuer",
            "--name", "Lapas Kelas IIA Purwokerto", "--code", "LAPAS-PWT",
        ]) as? KeysTrustList)
        #expect(list.out == "daftar-kunci.json")
        #expect(list.issuerID == "https://lapas-purwokerto.example/issuer")
        #expect(list.name == "Lapas Kelas IIA Purwokerto")
        #expect(list.code == "LAPAS-PWT")
    }

    @Test("render takes the export, the page file, its language, the evidence directory and trust options")
    func render() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "render", "portofolio.json", "--out", "portofolio.html", "--lang", "en", "--evidence-dir", "bukti",
            "--trust", "daftar-lapas-pwt.json", "--status-list", "status-1.json",
        ]) as? Render)
        #expect(command.file == "portofolio.json")
        #expect(command.out == "portofolio.html")
        #expect(command.lang == "en")
        #expect(command.evidenceDir == "bukti")
        #expect(command.trust.trustLists == ["daftar-lapas-pwt.json"])
        #expect(command.trust.statusLists == ["status-1.json"])

        let plain = try #require(try Bekal.parseAsRoot(["render", "p.json", "--out", "p.html"]) as? Render)
        #expect(plain.lang == "id")
        #expect(plain.evidenceDir == nil)
    }

    @Test("stats takes the period, k, the rounding base and a noisy report's epsilon with --queue")
    func stats() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "stats", "--period", "2026-Q3", "--k", "11", "--rounding", "3", "--epsilon", "0.5", "--queue", "--json",
        ]) as? StatsCommand)
        #expect(command.period == "2026-Q3")
        #expect(command.threshold == 11)
        #expect(command.rounding == 3)
        #expect(command.epsilon == "0.5")
        #expect(command.queue)
        #expect(command.output.json)

        let preview = try #require(try Bekal.parseAsRoot(["stats", "--period", "2026-07"]) as? StatsCommand)
        #expect(preview.threshold == 10)
        #expect(preview.rounding == 5)
        #expect(preview.epsilon == nil)
        #expect(!preview.queue)
    }

    @Test("publish takes the endpoint, its format, one secret source, the CA file and numeric timeouts")
    func publish() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "publish", "--endpoint", "https://kanwil-jateng.example/pushgateway", "--format", "prometheus",
            "--bearer-token-file", "token-kanwil.txt", "--ca-file", "ca-kanwil.pem", "--connect-timeout", "2.5",
            "--timeout", "60", "--max-attempts", "3",
        ]) as? PublishCommand)
        #expect(command.endpoint == "https://kanwil-jateng.example/pushgateway")
        #expect(command.format == "prometheus")
        #expect(command.bearerTokenFile == "token-kanwil.txt")
        #expect(command.bearerTokenEnv == nil)
        #expect(command.hmacSecretFile == nil)
        #expect(command.caFile == "ca-kanwil.pem")
        #expect(command.connectTimeout == 2.5)
        #expect(command.timeout == 60)
        #expect(command.maxAttempts == 3)
        #expect(!command.status)

        let hmac = try #require(try Bekal.parseAsRoot([
            "publish", "--endpoint", "https://kanwil-jateng.example/laporan", "--hmac-secret-env", "BEKAL_HMAC",
        ]) as? PublishCommand)
        #expect(hmac.hmacSecretEnv == "BEKAL_HMAC")
        #expect(hmac.format == "json")
        #expect(hmac.connectTimeout == 5)
        #expect(hmac.timeout == 30)
        #expect(hmac.maxAttempts == 6)

        let status = try #require(try Bekal.parseAsRoot(["publish", "--status", "--json"]) as? PublishCommand)
        #expect(status.status)
        #expect(status.output.json)
        #expect(status.endpoint == nil)
    }

    @Test("export of one person takes the file, the name, the evidence directory and the cryptosuite")
    func exportOne() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "export", "AII-0001/2025", "--out", "portofolio-AII-0001.json", "--include-name", "--evidence-dir", "bukti",
            "--allow-missing-evidence", "--cryptosuite", "both", "--force",
        ]) as? ExportCommand)
        #expect(command.person == "AII-0001/2025")
        #expect(command.out == "portofolio-AII-0001.json")
        #expect(command.includeName)
        #expect(command.evidenceDir == "bukti")
        #expect(command.allowMissingEvidence)
        #expect(command.cryptosuite == "both")
        #expect(command.force)
        #expect(!command.all)
        #expect(command.outDir == nil)

        let released = try #require(try Bekal.parseAsRoot([
            "export", "--all", "--status", "released", "--out-dir", "ekspor-2026",
        ]) as? ExportCommand)
        #expect(released.all)
        #expect(released.status == "released")
        #expect(released.outDir == "ekspor-2026")
        #expect(released.dueWithin == nil)
        #expect(released.cryptosuite == nil)
    }

    @Test("revoke takes the credential id and the reason")
    func revoke() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "revoke", "urn:uuid:0b7e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "--reason", "asesmen diulang",
        ]) as? Revoke)
        #expect(command.credentialID == "urn:uuid:0b7e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b")
        #expect(command.reason == "asesmen diulang")
    }

    @Test("status-list export takes the file to write")
    func statusListExport() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "status-list", "export", "--out", "publik/status/1.json", "--home", "/srv/bekal",
        ]) as? StatusListExport)
        #expect(command.out == "publik/status/1.json")
        #expect(command.global.home == "/srv/bekal")
    }

    @Test("witness init, trust, add and show take the state directory and their own options")
    func witness() throws {
        let initialize = try #require(try Bekal.parseAsRoot([
            "witness", "init", "--state", "/var/lib/saksi", "--name", "kanwil-jateng.example/witness",
        ]) as? WitnessInit)
        #expect(initialize.witness.state == "/var/lib/saksi")
        #expect(initialize.name == "kanwil-jateng.example/witness")

        let trust = try #require(try Bekal.parseAsRoot([
            "witness", "trust", "--origin", "lapas-purwokerto.example/ledger",
            "--key", "lapas-purwokerto.example/ledger+1a2b3c4d+AQID",
            "--key", "lapas-purwokerto.example/ledger+5e6f7a8b+BAUG",
        ]) as? WitnessTrust)
        #expect(trust.origin == "lapas-purwokerto.example/ledger")
        #expect(trust.keys == ["lapas-purwokerto.example/ledger+1a2b3c4d+AQID",
                               "lapas-purwokerto.example/ledger+5e6f7a8b+BAUG"])
        #expect(trust.witness.state == nil)

        let bundle = try #require(try Bekal.parseAsRoot([
            "witness", "add", "--bundle", "permintaan-saksi.txt", "--out", "checkpoint-cosigned.txt", "--force",
            "--evidence", "bukti-fork.txt",
        ]) as? WitnessAdd)
        #expect(bundle.bundle == "permintaan-saksi.txt")
        #expect(bundle.out == "checkpoint-cosigned.txt")
        #expect(bundle.force)
        #expect(bundle.evidence == "bukti-fork.txt")
        #expect(bundle.checkpoint == nil)
        #expect(bundle.report == nil)

        let checkpoint = try #require(try Bekal.parseAsRoot([
            "witness", "add", "--checkpoint", "checkpoint.txt", "--proof", "bukti-konsistensi.txt",
        ]) as? WitnessAdd)
        #expect(checkpoint.checkpoint == "checkpoint.txt")
        #expect(checkpoint.proof == "bukti-konsistensi.txt")
        #expect(!checkpoint.force)

        let report = try #require(try Bekal.parseAsRoot(["witness", "add", "--report", "laporan.json"]) as? WitnessAdd)
        #expect(report.report == "laporan.json")

        let show = try #require(try Bekal.parseAsRoot(["witness", "show", "--state", "/var/lib/saksi", "--json"])
            as? WitnessShow)
        #expect(show.witness.state == "/var/lib/saksi")
        #expect(show.output.json)
    }

    @Test("user add takes the account, its role, its display name and one password source")
    func userAdd() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "user", "add", "wali.sari", "--role", "counselor", "--display-name", "Sari Wulandari",
            "--password-file", "sandi-sari.txt", "--actor", "admin.rina",
        ]) as? UserAdd)
        #expect(command.name == "wali.sari")
        #expect(command.role == "counselor")
        #expect(command.displayName == "Sari Wulandari")
        #expect(command.password.passwordFile == "sandi-sari.txt")
        #expect(!command.password.passwordStdin)
        #expect(command.password.passwordEnv == nil)
        #expect(command.global.actor == "admin.rina")

        let noPassword = try #require(try Bekal.parseAsRoot(["user", "add", "asesor.budi", "--role", "assessor"])
            as? UserAdd)
        #expect(noPassword.displayName == nil)
        #expect(!noPassword.password.given)
    }

    @Test("user list, role, disable, enable, password and assign take the accounts and people they name")
    func userCommands() throws {
        let list = try #require(try Bekal.parseAsRoot(["user", "list", "--json"]) as? UserList)
        #expect(list.output.json)

        let role = try #require(try Bekal.parseAsRoot(["user", "role", "asesor.budi", "viewer"]) as? UserRole)
        #expect(role.name == "asesor.budi")
        #expect(role.role == "viewer")

        let disable = try #require(try Bekal.parseAsRoot(["user", "disable", "asesor.budi"]) as? UserDisable)
        #expect(disable.name == "asesor.budi")
        let enable = try #require(try Bekal.parseAsRoot(["user", "enable", "asesor.budi"]) as? UserEnable)
        #expect(enable.name == "asesor.budi")

        let password = try #require(try Bekal.parseAsRoot([
            "user", "password", "wali.sari", "--password-env", "BEKAL_SANDI",
        ]) as? UserPassword)
        #expect(password.name == "wali.sari")
        #expect(password.password.passwordEnv == "BEKAL_SANDI")
        #expect(password.password.given)

        let assign = try #require(try Bekal.parseAsRoot([
            "user", "assign", "wali.sari", "AII-0001/2025", "AII-0002/2025", "BI.N-0123/2024",
        ]) as? UserAssign)
        #expect(assign.counselor == "wali.sari")
        #expect(assign.people == ["AII-0001/2025", "AII-0002/2025", "BI.N-0123/2024"])
    }

    @Test("serve takes the address to listen on and the certificate and key together")
    func serve() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "serve", "--listen", "0.0.0.0:8443", "--tls-cert", "lapas-pwt.pem", "--tls-key", "lapas-pwt-key.pem",
            "--home", "/srv/bekal",
        ]) as? ServeCommand)
        #expect(command.listen.listen == "0.0.0.0:8443")
        #expect(command.listen.tlsCert == "lapas-pwt.pem")
        #expect(command.listen.tlsKey == "lapas-pwt-key.pem")
        #expect(command.global.home == "/srv/bekal")

        let local = try #require(try Bekal.parseAsRoot(["serve"]) as? ServeCommand)
        #expect(local.listen.listen == "127.0.0.1:8080")
        #expect(local.listen.tlsCert == nil)
    }

    @Test("send takes the person, the Bapas URL, one secret source and the delivery options")
    func send() throws {
        let command = try #require(try Bekal.parseAsRoot([
            "send", "AII-0001/2025", "--to", Self.bapasURL, "--secret-file", "rahasia-bapas.txt", "--include-name",
            "--ca-file", "ca-bapas.pem", "--max-attempts", "3",
        ]) as? SendCommand)
        #expect(command.person == "AII-0001/2025")
        #expect(command.to == Self.bapasURL)
        #expect(command.secretFile == "rahasia-bapas.txt")
        #expect(command.secretEnv == nil)
        #expect(command.includeName)
        #expect(command.caFile == "ca-bapas.pem")
        #expect(command.maxAttempts == 3)
        #expect(!command.statusList)

        let statusList = try #require(try Bekal.parseAsRoot([
            "send", "--to", Self.bapasURL, "--secret-env", "BEKAL_BAPAS_SECRET", "--status-list",
        ]) as? SendCommand)
        #expect(statusList.person == nil)
        #expect(statusList.statusList)
        #expect(statusList.secretEnv == "BEKAL_BAPAS_SECRET")
        #expect(statusList.maxAttempts == 6)
        #expect(!statusList.includeName)
    }

    @Test("bapas trust import, list and history, secret, inbox and serve take the Bapas's data directory and their own values")
    func bapas() throws {
        let trustImport = try #require(try Bekal.parseAsRoot([
            "bapas", "trust", "import", "daftar-lapas-pwt.json", "--authority", Self.issuerDID, "--home", "/srv/bapas",
        ]) as? BapasTrustImport)
        #expect(trustImport.file == "daftar-lapas-pwt.json")
        #expect(trustImport.authorities == [Self.issuerDID])
        #expect(trustImport.global.home == "/srv/bapas")

        let bare = try #require(try Bekal.parseAsRoot(["bapas", "trust", "import", "daftar.json"]) as? BapasTrustImport)
        #expect(bare.authorities == [])

        let list = try #require(try Bekal.parseAsRoot([
            "bapas", "trust", "list", "--json", "--home", "/srv/bapas", "--actor", "pk.dewi",
        ]) as? BapasTrustList)
        #expect(list.output.json)
        #expect(list.global.home == "/srv/bapas")
        #expect(list.global.actor == "pk.dewi")
        let plain = try #require(try Bekal.parseAsRoot(["bapas", "trust", "list"]) as? BapasTrustList)
        #expect(!plain.output.json)

        let history = try #require(try Bekal.parseAsRoot(["bapas", "trust", "history", "--home", "/srv/bapas"]) as? BapasTrustHistory)
        #expect(history.global.home == "/srv/bapas")

        let secret = try #require(try Bekal.parseAsRoot([
            "bapas", "secret", "LAPAS-PWT", "--secret-file", "rahasia-lapas-pwt.txt",
        ]) as? BapasSecret)
        #expect(secret.facility == "LAPAS-PWT")
        #expect(secret.secretFile == "rahasia-lapas-pwt.txt")
        #expect(secret.secretEnv == nil)

        let inbox = try #require(try Bekal.parseAsRoot(["bapas", "inbox", "--actor", "pk.dewi"]) as? BapasInbox)
        #expect(inbox.global.actor == "pk.dewi")

        let serve = try #require(try Bekal.parseAsRoot([
            "bapas", "serve", "--listen", "127.0.0.1:0", "--home", "/srv/bapas",
        ]) as? BapasServe)
        #expect(serve.listen.listen == "127.0.0.1:0")
        #expect(serve.global.home == "/srv/bapas")
        #expect(serve.listen.tlsKey == nil)
    }

    // MARK: Lines refused

    /// The message of the usage error `arguments` fail with (empty, with an issue recorded, when they parse).
    static func usageError(_ arguments: [String]) -> String {
        do {
            _ = try Bekal.parseAsRoot(arguments)
            Issue.record("parsed: \(arguments.count) arguments")
            return ""
        } catch {
            #expect(Bekal.exitCode(for: error) == .validationFailure)
            return Bekal.message(for: error)
        }
    }

    /// Lines without a required argument, and the message naming it.
    static let missingArguments: [([String], String)] = [
        (["person", "show"], "Missing expected argument '<person>'"),
        (["person", "code"], "Missing expected argument '<person>'"),
        (["assess", "--unit", "BTK-CAP-03", "--outcome", "K", "--assessor", "Siti Rahayu", "--role", "asesor",
          "--method", "observasi", "--date", "2026-02-01"], "Missing expected argument '<person>'"),
        (["certify", "--issuer", "LSP Batik", "--scheme", "Tukang Cap", "--number", "0042/2026",
          "--issued", "2026-03-15"], "Missing expected argument '<person>'"),
        (["train", "--date", "2026-02-03", "--hours", "3", "--topic", "Memanaskan malam", "--trainer", "Pak Darsono"],
         "Missing expected argument '<person>'"),
        (["produce", "--date", "2026-02-10", "--motif", "Kawung", "--cap", "Cap Kawung", "--quantity", "12",
          "--grade", "B", "--hours", "6"], "Missing expected argument '<person>'"),
        (["correct", "--reason", "salah ketik"], "Missing expected argument '<event-id>'"),
        (["remisi", "--decree", "PAS-1234.PK.05.04 Tahun 2026", "--date", "2026-08-17"],
         "Missing expected argument '<person>'"),
        (["attach", "--evidence", "kain-cap.jpg"], "Missing expected argument '<event-id>'"),
        (["history", "--lang", "en"], "Missing expected argument '<person>'"),
        (["transfer", "--to", "LAPAS-NK", "--date", "2026-04-01"], "Missing expected argument '<person>'"),
        (["release", "--date", "2026-06-30"], "Missing expected argument '<person>'"),
        (["portfolio", "--json"], "Missing expected argument '<person>'"),
        (["import", "--kind", "persons"], "Missing expected argument '<file>'"),
        (["canonicalize"], "Missing expected argument '<file>'"),
        (["verify", "--trust", "daftar-lapas-pwt.json"], "Missing expected argument '<file>'"),
        (["render", "--out", "portofolio.html"], "Missing expected argument '<file>'"),
        (["revoke", "--reason", "asesmen diulang"], "Missing expected argument '<credential-id>'"),
        (["user", "add", "--role", "viewer"], "Missing expected argument '<name>'"),
        (["user", "role", "wali.sari"], "Missing expected argument '<role>'"),
        (["user", "disable"], "Missing expected argument '<name>'"),
        (["user", "enable"], "Missing expected argument '<name>'"),
        (["user", "password", "--password-stdin"], "Missing expected argument '<name>'"),
        (["user", "assign", "wali.sari"], "Missing expected argument"),
        (["bapas", "trust", "import", "--authority", issuerDID], "Missing expected argument '<file>'"),
        (["bapas", "secret", "--secret-env", "BEKAL_LAPAS_PWT_SECRET"], "Missing expected argument '<facility>'"),
    ]

    /// Lines without a required option, and the option as the message names it.
    static let missingOptions: [([String], String)] = [
        (["init", "--facility-name", "Lapas Kelas IIA Purwokerto"], "'--facility-code <facility-code>'"),
        (["init", "--facility-code", "LAPAS-PWT"], "'--facility-name <facility-name>'"),
        (["person", "add", "--register-number", "AII-0001/2025", "--name", "Budi Santoso", "--admitted", "2025-01-02"],
         "'--release <release>'"),
        (["assess", "AII-0001/2025", "--unit", "BTK-CAP-03", "--assessor", "Siti Rahayu", "--role", "asesor",
          "--method", "observasi", "--date", "2026-02-01"], "'--outcome <outcome>'"),
        (["certify", "AII-0001/2025", "--issuer", "LSP Batik", "--scheme", "Tukang Cap", "--issued", "2026-03-15"],
         "'--number <number>'"),
        (["train", "AII-0001/2025", "--date", "2026-02-03", "--topic", "Memanaskan malam", "--trainer", "Pak Darsono"],
         "'--hours <hours>'"),
        (["produce", "AII-0001/2025", "--date", "2026-02-10", "--motif", "Kawung", "--cap", "Cap Kawung",
          "--quantity", "12", "--hours", "6"], "'--grade <grade>'"),
        (["correct", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f", "--retract"], "'--reason <reason>'"),
        (["remisi", "AII-0001/2025", "--date", "2026-08-17"], "'--decree <decree>'"),
        (["transfer", "AII-0001/2025", "--date", "2026-04-01"], "'--to <to>'"),
        (["release", "AII-0001/2025"], "'--date <date>'"),
        (["import", "persons.csv"], "'--kind <kind>'"),
        (["keys", "trust-list", "--code", "LAPAS-PWT"], "'--out <out>'"),
        (["render", "portofolio.json"], "'--out <out>'"),
        (["stats", "--queue"], "'--period <period>'"),
        (["revoke", "urn:uuid:0b7e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"], "'--reason <reason>'"),
        (["status-list", "export"], "'--out <out>'"),
        (["witness", "init", "--state", "/var/lib/saksi"], "'--name <name>'"),
        (["user", "add", "wali.sari"], "'--role <role>'"),
        (["send", "AII-0001/2025", "--secret-env", "BEKAL_BAPAS_SECRET"], "'--to <url>'"),
    ]

    /// Lines with a word where a number goes, and the option as the message names it.
    static let nonNumbers: [([String], String)] = [
        (["demo", "--people", "dua belas"], "'--people <people>'"),
        (["demo", "--seed", "satu"], "'--seed <seed>'"),
        (["readiness", "--due-within", "sembilan puluh"], "'--due-within <due-within>'"),
        (["export", "--all", "--out-dir", "ekspor", "--due-within", "90 hari"], "'--due-within <due-within>'"),
        (["stats", "--period", "2026-07", "--k", "sepuluh"], "'--k <k>'"),
        (["stats", "--period", "2026-07", "--rounding", "5.5"], "'--rounding <rounding>'"),
        (["publish", "--endpoint", "https://kanwil-jateng.example/laporan", "--timeout", "30s"],
         "'--timeout <seconds>'"),
        (["publish", "--endpoint", "https://kanwil-jateng.example/laporan", "--connect-timeout", "lima"],
         "'--connect-timeout <seconds>'"),
        (["publish", "--endpoint", "https://kanwil-jateng.example/laporan", "--max-attempts", "enam"],
         "'--max-attempts <max-attempts>'"),
        (["send", "--to", "https://bapas-purwokerto.example/terima", "--secret-env", "BEKAL_BAPAS_SECRET",
          "--max-attempts", "tiga"], "'--max-attempts <max-attempts>'"),
        (["ledger", "checkpoint", "--since", "seratus", "--bundle", "permintaan-saksi.txt"], "'--since <size>'"),
    ]

    /// Lines a command's `validate()` refuses, and what its message says.
    static let refusedByValidation: [([String], String)] = [
        (["framework", "import"], "give a framework FILE or --sample"),
        (["framework", "import", "unit-batik-cap.csv", "--id", "SKKNI-BATIK-CAP"],
         "a CSV framework needs --id, --version, --title-id and --title-en"),
        (["correct", "bukan-uuid", "--reason", "salah ketik"], "EVENT-ID: expected an event id (a UUID)"),
        (["attach", "bukan-uuid", "--evidence", "kain-cap.jpg"], "EVENT-ID: expected an event id (a UUID)"),
        (["attach", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"], "give at least one --evidence FILE"),
        (["portfolio", "AII-0001/2025", "--html", "--lang", "jv"], "--lang must be id or en"),
        (["portfolio", "AII-0001/2025", "--html-out", "portofolio.html"], "--html-out needs --html"),
        (["ledger", "verify", "--witness-key", "kanwil-jateng.example/witness+5f3a9c21+AQIDBA"],
         "--witness-key needs --checkpoint"),
        (["ledger", "checkpoint", "--since", "120"], "--since needs --bundle FILE or --proof FILE"),
        (["ledger", "checkpoint", "--proof", "bukti.txt"], "--bundle and --proof need --since SIZE"),
        (["ledger", "checkpoint", "--verifier-key", "--out", "kunci.txt"], "--verifier-key prints a key"),
        (["demo", "--people", "0"], "--people: expected 1 to 100000"),
        (["keys", "trust-list", "--out", "daftar-kunci.json", "--issuer-id", "http://lapas-purwokerto.example"],
         "--issuer-id must be an https URL or a DID"),
        (["render", "portofolio.json", "--out", "portofolio.html", "--lang", "jv"], "--lang must be id or en"),
        (["stats", "--period", "2026-Q3", "--epsilon", "0.5"], "--epsilon needs --queue"),
        (["publish"], "--endpoint is required (or --status)"),
        (["publish", "--status", "--endpoint", "https://kanwil-jateng.example/laporan"],
         "--status lists the outbox; it takes no endpoint or secret"),
        (["publish", "--endpoint", "https://kanwil-jateng.example/laporan", "--bearer-token-env", "BEKAL_TOKEN",
          "--hmac-secret-env", "BEKAL_HMAC"], "give at most one bearer token or HMAC secret"),
        (["export", "AII-0001/2025", "--out", "p.json", "--allow-missing-evidence"],
         "--allow-missing-evidence needs --evidence-dir"),
        (["export", "AII-0001/2025", "--out-dir", "ekspor"], "--out-dir needs --all"),
        (["witness", "add"], "give exactly one of --bundle, --checkpoint or --report"),
        (["witness", "add", "--bundle", "permintaan-saksi.txt", "--report", "laporan.json"],
         "give exactly one of --bundle, --checkpoint or --report"),
        (["witness", "add", "--bundle", "permintaan-saksi.txt", "--proof", "bukti.txt"],
         "--proof goes with --checkpoint"),
        (["user", "add", "wali.sari", "--role", "counselor", "--password-stdin", "--password-env", "BEKAL_SANDI"],
         "give one of --password-file, --password-stdin or --password-env"),
        (["user", "password", "wali.sari"], "give the password with --password-file FILE"),
        (["serve", "--tls-cert", "lapas-pwt.pem"], "give --tls-cert and --tls-key together"),
        (["bapas", "serve", "--tls-key", "bapas-key.pem"], "give --tls-cert and --tls-key together"),
        (["serve", "--actor", "wali.sari"], "--actor does not apply to a server"),
        (["serve", "--bapas", "bapas-purwokerto.example/terima"],
         "--bapas: expected an absolute http or https URL"),
        (["deliveries", "--limit", "0"], "--limit must be between 1 and 1000."),
        (["deliveries", "--limit", "1001"], "--limit must be between 1 and 1000."),
        (["bapas", "serve", "--actor", "pk.budi"], "--actor does not apply to a server"),
        (["send", "AII-0001/2025", "--to", "https://bapas-purwokerto.example/terima"],
         "give the delivery secret with exactly one of"),
        (["send", "AII-0001/2025", "--to", "https://bapas-purwokerto.example/terima", "--secret-file",
          "rahasia-bapas.txt", "--secret-env", "BEKAL_BAPAS_SECRET"], "give the delivery secret with exactly one of"),
        (["send", "AII-0001/2025", "--to", "https://bapas-purwokerto.example/terima", "--secret-env",
          "BEKAL_BAPAS_SECRET", "--status-list"], "give either PERSON or --status-list, not both"),
        (["send", "--to", "https://bapas-purwokerto.example/terima", "--secret-env", "BEKAL_BAPAS_SECRET",
          "--max-attempts", "0"], "--max-attempts: expected 1 to 100"),
        (["bapas", "secret", "LAPAS-PWT"], "give the secret with exactly one of --secret-file or --secret-env"),
    ]

    /// Command groups followed by a subcommand they do not have.
    static let unknownSubcommands: [[String]] = [
        ["person", "hapus"], ["framework", "hapus"], ["ledger", "perbaiki"], ["keys", "hapus"],
        ["status-list", "impor"], ["witness", "hapus"], ["user", "hapus"], ["bapas", "kirim"],
        ["bapas", "trust", "hapus"],
    ]

    @Test("a line without a required argument is refused naming the argument",
          arguments: CommandArgumentParsingTests.missingArguments)
    func missingArgument(arguments: [String], expected: String) {
        let message = Self.usageError(arguments)
        #expect(message.contains(expected), "\(message)")
    }

    @Test("a line without a required option is refused naming the option",
          arguments: CommandArgumentParsingTests.missingOptions)
    func missingOption(arguments: [String], expected: String) {
        let message = Self.usageError(arguments)
        #expect(message.contains("Missing expected argument \(expected)"), "\(message)")
    }

    @Test("a value that is not a number where a number is expected is refused naming the option",
          arguments: CommandArgumentParsingTests.nonNumbers)
    func wrongValueType(arguments: [String], expected: String) {
        let message = Self.usageError(arguments)
        #expect(message.contains("is invalid for \(expected)"), "\(message)")
    }

    @Test("a line each command's own checks refuse says why",
          arguments: CommandArgumentParsingTests.refusedByValidation)
    func validation(arguments: [String], expected: String) {
        let message = Self.usageError(arguments)
        #expect(message.contains(expected), "\(message)")
    }

    @Test("an unknown subcommand under a command group is refused as an unexpected argument",
          arguments: CommandArgumentParsingTests.unknownSubcommands)
    func unknownNestedSubcommand(arguments: [String]) {
        let message = Self.usageError(arguments)
        #expect(message.contains("Unexpected argument"), "\(message)")
    }
}
