import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalJSON
import BekalStore
import Foundation

/// `bekal export`: one person's signed portfolio, or the whole facility with `--all`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes a person's portfolio as a signed, self-contained credential file.",
        discussion: """
            The file is a CLR 2.0 ClrCredential signed by the facility, embedding one signed Open Badges 3.0 \
            credential per achievement; check it with `bekal verify`. The person is identified by a salted hash \
            of the register number; the name is left out unless --include-name is given (the file gets \
            forwarded; the PK confirms the person with the register number). \
            --all exports everyone matching --status (default active) and --due-within into --out-dir, one file \
            per person named by the internal id, plus manifest.json. Existing files are kept unless --force. \
            Every credential is signed with eddsa-rdfc-2022 by default, the cryptosuite the Open Badges \
            validator and the DCC verifier accept; --cryptosuite eddsa-jcs-2022 signs the JSON as written, and \
            --cryptosuite both adds both proofs as a proof set (only for readers known to handle proof sets).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's register number or id (omit with --all).")
    var person: String?

    @Option(help: "The export file to write (one person).")
    var out: String?

    @Flag(name: .customLong("include-name"), help: "Put the person's name into the export (off by default).")
    var includeName = false

    @Option(name: .customLong("evidence-dir"), help: "Also copy the exported evidence files, named by SHA-256, here.")
    var evidenceDir: String?

    @Flag(name: .customLong("allow-missing-evidence"),
          help: "With --evidence-dir: warn about evidence files missing from the store instead of failing.")
    var allowMissingEvidence = false

    @Flag(help: "Export every person matching --status and --due-within.")
    var all = false

    @Option(name: .customLong("due-within"), help: "With --all: only people whose expected release is within DAYS.")
    var dueWithin: Int?

    @Option(help: "With --all: active, released or transferred (default active).")
    var status: String?

    @Option(name: .customLong("out-dir"), help: "With --all: the directory for the exports and manifest.json.")
    var outDir: String?

    @Option(help: "eddsa-rdfc-2022 (default), eddsa-jcs-2022 or both.")
    var cryptosuite: String?

    @Flag(help: "Replace existing files.")
    var force = false

    func validate() throws {
        if all {
            guard person == nil else { throw ValidationError("give a PERSON or --all, not both") }
            guard outDir != nil, out == nil else { throw ValidationError("--all writes to --out-dir DIR, not --out") }
            guard evidenceDir == nil else { throw ValidationError("--evidence-dir works for one person at a time") }
            if let dueWithin, !(0...3660).contains(dueWithin) { throw ValidationError("--due-within: 0 to 3660 days") }
        } else {
            guard person != nil else { throw ValidationError("give a PERSON (register number or id) or --all") }
            guard out != nil, outDir == nil else { throw ValidationError("give --out FILE for one person") }
            guard dueWithin == nil, status == nil else { throw ValidationError("--due-within and --status need --all") }
        }
    }

    func run() throws {
        let ledger = try global.openLedger()
        let facility = try ledger.facility()
        let setup = try IssuerSetup.load(home: global.homeURL, facility: facility)
        let suite = try cryptosuite.map { try Input.choice($0, option: "--cryptosuite", as: ExportCryptosuite.self) }
            ?? .default
        if all {
            let status = try status.map { try Input.choice($0, option: "--status", as: PersonStatus.self) } ?? .active
            let summary = try FacilityExportRun(
                ledger: ledger, setup: setup, includeName: includeName, cryptosuite: suite, force: force,
                outDirectory: URL(fileURLWithPath: outDir ?? "."), logger: global.logger
            ).run(status: status, dueWithin: dueWithin, now: Date())
            print("Exported \(summary.files) portfolio(s) with \(summary.credentials) credentials to \(outDir ?? ".") "
                + "(manifest.json)")
            return
        }
        let reference = try Input.person(person ?? "")
        let portfolio = try ledger.portfolio(of: reference)
        let evidence = try evidenceDir.map { directory in
            try EvidenceCopy.plan(portfolio, store: ledger.evidence, allowMissing: allowMissingEvidence)
                .into(URL(fileURLWithPath: directory))
        }
        let now = Date()
        let indices = try ledger.statusIndices(listURL: setup.statusListURL)
        var random = SystemRandomNumberGenerator()
        let result = try PortfolioExporter.export(
            portfolio, key: setup.key, options: setup.exportOptions(includeName: includeName, indices: indices, cryptosuite: suite),
            now: now, random: &random)
        // Indices are recorded before the file exists, so no export ever carries an index the store lacks.
        try ledger.recordStatusIndices(
            StatusRecords.new(in: result, personID: portfolio.person.id, known: indices),
            listURL: setup.statusListURL, allocatedAt: now)
        try AtomicFile.write(JSONWriter.serialize(result.credential, pretty: true), to: URL(fileURLWithPath: out ?? ""),
                             replacing: force)
        if let evidence { try evidence.copy() }
        print("Exported \(result.embeddedCredentialIDs.count) credential(s) to \(out ?? "")"
            + (evidence.map { ", \($0.count) evidence file(s) to \(evidenceDir ?? "")" } ?? ""))
    }
}

/// The status indices an export handed out that the store does not hold yet.
enum StatusRecords {
    static func new(in result: ExportResult, personID: UUID, known: [String: Int]) -> [StatusIndexRecord] {
        var ids = result.embeddedCredentialIDs
        if let outer = result.credential["id"]?.stringValue { ids.append(outer) }
        return ids.compactMap { id in
            guard known[id] == nil, let index = result.statusAllocation.indices[id] else { return nil }
            return StatusIndexRecord(credentialID: id, index: index, personID: personID)
        }
    }
}
