import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

/// Files attached to a record, copied into the content-addressed evidence store.
struct EvidenceOptions: ParsableArguments {
    @Option(name: .customLong("evidence"), help: ArgumentHelp(
        "A file backing the record (photo, checklist); repeat for more.", valueName: "file"))
    var files: [String] = []

    @Option(help: "What the evidence shows, e.g. \"photo of the stamped cloth\".")
    var evidenceDescription: String = "evidence"

    func store(in ledger: Ledger) throws -> [Evidence] {
        guard !files.isEmpty else { return [] }
        guard let store = ledger.evidence else {
            throw CommandFailure(status: .storage, message: "the ledger has no evidence store")
        }
        return try files.map { path in
            try store.store(fileAt: URL(fileURLWithPath: path), mediaType: EvidenceOptions.mediaType(of: path),
                            description: evidenceDescription)
        }
    }

    static func mediaType(of path: String) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "pdf": "application/pdf"
        case "txt": "text/plain"
        case "csv": "text/csv"
        default: "application/octet-stream"
        }
    }
}
