import ArgumentParser
import BekalApp
import BekalLog
import Foundation

struct WitnessAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Checks a facility's new checkpoint against the one held and cosigns it, or reports a rollback or fork.",
        discussion: """
            Give the bundle from `bekal ledger checkpoint --since N --bundle FILE`, or a checkpoint with its proof \
            file (without --proof: the first checkpoint of a log, taken on trust), or a metrics report body \
            (--report). The cosigned checkpoint goes to --out or standard output. A rollback (exit 9) or fork \
            (exit 10) writes both checkpoints to an evidence file (--evidence, else a new file in evidence/).
            """)

    @OptionGroup var witness: WitnessOptions
    @Option(help: ArgumentHelp("The witness request: consistency proof and checkpoint.", valueName: "file"))
    var bundle: String?
    @Option(help: ArgumentHelp("The facility's signed checkpoint.", valueName: "file")) var checkpoint: String?
    @Option(help: ArgumentHelp("With --checkpoint: the consistency proof from the held size.", valueName: "file"))
    var proof: String?
    @Option(help: ArgumentHelp("A metrics report body carrying a checkpoint.", valueName: "file")) var report: String?
    @Option(help: ArgumentHelp("Write the cosigned checkpoint here.", valueName: "file")) var out: String?
    @Flag(help: "Replace an existing output file.") var force = false
    @Option(help: ArgumentHelp("Write the evidence of a rollback or fork here.", valueName: "file")) var evidence: String?

    func validate() throws {
        guard [bundle, checkpoint, report].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --bundle, --checkpoint or --report")
        }
        if proof != nil && checkpoint == nil { throw ValidationError("--proof goes with --checkpoint") }
    }

    func run() throws {
        let request: WitnessRequest
        if let bundle {
            request = try WitnessDesk.request(bundle: try InputFile.read(bundle, field: "bundle"))
        } else if let report {
            request = try WitnessDesk.request(report: try InputFile.read(report, field: "report"))
        } else {
            request = try WitnessDesk.request(
                checkpoint: try InputFile.read(checkpoint ?? "", field: "checkpoint"),
                proof: try proof.map { try InputFile.read($0, field: "proof") })
        }
        let outcome = try witness.desk.add(
            request, evidenceFile: evidence.map { URL(fileURLWithPath: $0) }, context: try witness.context())
        switch outcome {
        case .cosigned(let cosigned):
            let note = Array(cosigned.note.serialized.utf8)
            guard let out else { return Output.bytes(note) }
            try AtomicFile.write(note, to: URL(fileURLWithPath: out), replacing: force)
            print("Cosigned the checkpoint of \(cosigned.checkpoint.treeHead.size) events of \(cosigned.checkpoint.origin)")
        case .refused(let refusal):
            Output.error("refused: \(refusal.message)")
            throw ExitCode(Self.status(refusal).rawValue)
        case .rollback(let found, let file):
            print("ROLLBACK of \(found.origin): \(found.message)\nEvidence (both checkpoints): \(file.path)")
            throw ExitCode(ExitStatus.witnessRollback.rawValue)
        case .fork(let found, let file):
            print("FORK of \(found.origin): \(found.message)\nEvidence (both checkpoints): \(file.path)")
            throw ExitCode(ExitStatus.witnessFork.rawValue)
        }
    }

    static func status(_ refusal: WitnessRefusal) -> ExitStatus {
        switch refusal.reason {
        case .unknownLog: .notFound
        case .notSignedByLog: .verificationFailed
        case .conflict: .conflict
        case .badRequest: .invalidInput
        }
    }
}
