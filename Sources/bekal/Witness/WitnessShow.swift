import ArgumentParser
import BekalApp
import BekalLog

struct WitnessShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Shows the witness's key and the checkpoint it holds of each log.")

    @OptionGroup var witness: WitnessOptions
    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        struct Log: Encodable {
            var origin: String
            var keys: [String]
            var size: UInt64?
            var root: String?
            var checkpoint: String?
        }
        var name: String
        var verifierKey: String
        var logs: [Log]
    }

    func run() throws {
        let summary = try witness.desk.show()
        let logs = summary.logs.map {
            Report.Log(origin: $0.origin, keys: $0.keys, size: $0.checkpoint?.treeHead.size,
                       root: $0.checkpoint?.treeHead.root.base64, checkpoint: $0.held?.serialized)
        }
        if output.json { return try Output.json(Report(name: summary.name, verifierKey: summary.verifierKey, logs: logs)) }
        print("Witness \(summary.name)\nVerifier key: \(summary.verifierKey)")
        for log in logs {
            let held = log.size.map { "holds the checkpoint of \($0) events, root \(log.root ?? "")" } ?? "holds no checkpoint yet"
            print("\(log.origin): \(held); \(log.keys.count) trusted key(s)")
        }
    }
}
