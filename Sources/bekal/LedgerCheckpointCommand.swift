import ArgumentParser
import BekalApp
import BekalLog
import Foundation

/// `bekal ledger checkpoint`: the ledger's signed checkpoint, and what a witness needs with it.
struct LedgerCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Prints the ledger's current checkpoint, signed with the facility's key (C2SP signed note).",
        discussion: """
            Give it to witnesses (`bekal witness add`), who keep it and cosign it. With --since N (the size of the \
            checkpoint a witness holds; 0 for a new witness) it also writes the consistency proof from N: --bundle \
            FILE writes the C2SP tlog-witness request body (proof and checkpoint together), --proof FILE the proof \
            alone (`old N` and one base64 hash per line). --verifier-key prints the key a witness trusts instead \
            (`bekal witness trust --key`). Formats: docs/ledger.md.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Write the checkpoint to this file instead of standard output.", valueName: "file"))
    var out: String?
    @Flag(help: "Replace an existing output file.") var force = false
    @Option(help: ArgumentHelp("The size of the checkpoint the witness holds (0: none).", valueName: "size"))
    var since: Int64?
    @Option(help: ArgumentHelp("With --since: write the witness request (proof and checkpoint) here.", valueName: "file"))
    var bundle: String?
    @Option(help: ArgumentHelp("With --since: write the consistency proof here.", valueName: "file"))
    var proof: String?
    @Flag(name: .customLong("verifier-key"), help: "Print the current checkpoint verifier key instead.")
    var verifierKey = false

    func validate() throws {
        if since != nil && bundle == nil && proof == nil {
            throw ValidationError("--since needs --bundle FILE or --proof FILE")
        }
        if since == nil && (bundle != nil || proof != nil) {
            throw ValidationError("--bundle and --proof need --since SIZE")
        }
        if verifierKey && (out != nil || since != nil) {
            throw ValidationError("--verifier-key prints a key; it takes no --out or --since")
        }
    }

    func run() async throws {
        let app = try global.open()
        if verifierKey {
            let keys = try await app.facilityLog(context: try global.context()).keys()
            print(keys.last { $0.isCurrent }?.verifier.verifierKey ?? "")
            return
        }
        let checkpoint = try await app.checkpoint(since: since, context: try global.context())
        let note = Array(checkpoint.note.serialized.utf8)
        if let request = checkpoint.request {
            if let bundle { try AtomicFile.write(Array(request.body.utf8), to: URL(fileURLWithPath: bundle), replacing: force) }
            if let proof {
                let head = "old \(request.oldSize)\n" + request.proof.map { $0.base64 + "\n" }.joined()
                try AtomicFile.write(Array(head.utf8), to: URL(fileURLWithPath: proof), replacing: force)
            }
        }
        if let out {
            try AtomicFile.write(note, to: URL(fileURLWithPath: out), replacing: force)
            print("Checkpoint of \(checkpoint.treeHead.size) events of \(checkpoint.origin) written")
        } else {
            Output.bytes(note)
        }
    }
}
