import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

/// `bekal export`: one person's signed portfolio, or the whole facility with `--all`.
struct ExportCommand: AsyncParsableCommand {
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
    @Argument(help: "The person's register number or id (omit with --all).") var person: String?
    @Option(help: "The export file to write (one person).") var out: String?
    @Flag(name: .customLong("include-name"), help: "Put the person's name into the export (off by default).")
    var includeName = false
    @Option(name: .customLong("evidence-dir"), help: "Also copy the exported evidence files, named by SHA-256, here.")
    var evidenceDir: String?
    @Flag(name: .customLong("allow-missing-evidence"),
          help: "With --evidence-dir: warn about evidence files missing from the store instead of failing.")
    var allowMissingEvidence = false
    @Flag(help: "Export every person matching --status and --due-within.") var all = false
    @Option(name: .customLong("due-within"), help: "With --all: only people whose expected release is within DAYS (overdue ones included).")
    var dueWithin: Int?
    @Option(help: "With --all: active, released or transferred (default active).") var status: String?
    @Option(name: .customLong("out-dir"), help: "With --all: the directory for the exports and manifest.json.")
    var outDir: String?
    @Option(help: "eddsa-rdfc-2022 (default), eddsa-jcs-2022 or both.") var cryptosuite: String?
    @Flag(help: "Replace existing files.") var force = false

    func validate() throws {
        if all {
            guard person == nil else { throw ValidationError("give a PERSON or --all, not both") }
            guard out == nil else { throw ValidationError("--all writes one file per person: give --out-dir DIR instead of --out") }
            guard outDir != nil else { throw ValidationError("--all needs --out-dir DIR") }
            if let dueWithin, !(0...3660).contains(dueWithin) { throw ValidationError("--due-within: 0 to 3660 days") }
        } else {
            guard person != nil else { throw ValidationError("give a PERSON (register number or id) or --all") }
            guard outDir == nil else { throw ValidationError("--out-dir needs --all; give --out FILE for one person") }
            guard out != nil else { throw ValidationError("give --out FILE for one person") }
            guard dueWithin == nil, status == nil else { throw ValidationError("--due-within and --status need --all") }
        }
        if allowMissingEvidence && evidenceDir == nil { throw ValidationError("--allow-missing-evidence needs --evidence-dir") }
    }

    func run() async throws {
        let app = try global.open()
        let settings = ExportSettings(includeName: includeName, cryptosuite: try suite())
        let evidence = evidenceDir.map { URL(fileURLWithPath: $0) }
        if all {
            let selection = FacilityExportSelection(
                status: try status.map { text throws(AppError) in try TypedInput.term(text, field: "--status", as: PersonStatus.self) } ?? .active,
                dueWithin: dueWithin)
            let summary = try await app.exportFacility(
                selection, settings: settings, into: URL(fileURLWithPath: outDir ?? "."), replacing: force,
                evidenceDirectory: evidence, allowMissingEvidence: allowMissingEvidence, context: try global.context())
            return print("Exported \(summary.files) portfolio(s) with \(summary.credentials) credential(s) to "
                + "\(outDir ?? ".") (manifest.json)"
                + (evidence == nil ? "" : ", \(summary.evidenceFiles) evidence file(s) to \(evidenceDir ?? "")")
                + (summary.skipped == 0 ? "" : "; \(summary.skipped) person(s) with nothing to export yet left out"))
        }
        let done = try await app.exportPortfolio(
            try TypedInput.person(person ?? ""), settings: settings, to: URL(fileURLWithPath: out ?? ""),
            replacing: force, evidenceDirectory: evidence, allowMissingEvidence: allowMissingEvidence,
            context: try global.context())
        if done.evidenceMissing > 0 {
            Output.warning("\(done.evidenceMissing) evidence file(s) are not in the evidence store and were not copied")
        }
        print("Exported \(done.export.credentialCount) credential(s) to \(out ?? "")"
            + (evidence == nil ? "" : ", \(done.evidenceCopied) evidence file(s) to \(evidenceDir ?? "")"))
    }

    private func suite() throws -> ExportCryptosuite {
        guard let cryptosuite else { return .default }
        guard let suite = ExportCryptosuite(rawValue: cryptosuite.lowercased()) else {
            throw AppError(.invalidInput, "--cryptosuite: expected eddsa-rdfc-2022, eddsa-jcs-2022 or both")
        }
        return suite
    }
}
