import ArgumentParser
import BekalJSON
import Foundation

/// RFC 8785 canonicalization of parsed export documents (parsing not timed), as Python `jcs.canonicalize`
/// is timed on already-loaded objects.
struct CanonicalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jcs", abstract: "Times JCS canonicalization of export files.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "A directory of export files.") var dir: String
    @Option(help: "Use only the first N files (0: all).") var limit = 0

    func run() throws {
        let files = try ExportFiles.load(dir, limit: limit)
        let values = try files.map { try JSONParser.parse($0.bytes) }
        var outputBytes = 0
        for value in values { outputBytes += try JCS.canonicalize(value).count }
        let samples = try Sampling.measure(repetition.repetitions) {
            for value in values { _ = try JCS.canonicalize(value) }
        }
        Figure(id: "jcs.bekal", samples: samples, items: files.count, bytes: outputBytes,
               note: "bytes = canonical output").emit()
        let parseAndCanonicalize = try Sampling.measure(repetition.repetitions) {
            for file in files { _ = try JCS.canonicalize(bytes: file.bytes) }
        }
        Figure(id: "jcs.bekal.with-parse", samples: parseAndCanonicalize, items: files.count, bytes: outputBytes,
               note: "strict parse + canonicalize").emit()
    }
}
