import ArgumentParser
import BekalJSON
import BekalLinkedData
import Foundation

/// RDFC-1.0 canonicalization (JSON-LD expansion to RDF included) of one export without its proof, as
/// eddsa-rdfc-2022 would hash it; writes the N-Quads so the runner can compare them with pyld's.
struct RDFCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rdfc", abstract: "Times JSON-LD to RDF and RDFC-1.0 of one export.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The export file.") var file: String
    @Option(help: "Write the canonical N-Quads here.") var out: String?

    func run() throws {
        guard case .object(var document) = try JSONParser.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        else { throw BenchFailure("the export is not a JSON object") }
        document["proof"] = nil
        let unsecured = JSONValue.object(document)
        let suite = RDFCProofAlgorithms()
        let nquads = try suite.canonicalize(unsecured)
        let samples = try Sampling.measure(repetition.repetitions) { _ = try suite.canonicalize(unsecured) }
        Figure(id: "rdfc.bekal", samples: samples, items: 1, bytes: nquads.utf8.count,
               note: "bytes = canonical N-Quads").emit()
        if let out { try Data(nquads.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) }
    }
}

/// Prints the bundled JSON-LD contexts (URL to file name) so that pyld loads the very same documents.
struct ContextsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contexts", abstract: "Prints the bundled context map as JSON.")

    func run() throws {
        let data = try JSONSerialization.data(withJSONObject: BundledContexts.files, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
