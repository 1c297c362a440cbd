import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

/// Files attached to a record; each must be a regular file (a symbolic link is refused, not followed).
struct EvidenceOptions: ParsableArguments {
    @Option(name: .customLong("evidence"), help: ArgumentHelp(
        "A photo (JPEG, PNG, WebP, HEIC), PDF or text file backing the record; repeat for more.", valueName: "file"))
    var files: [String] = []

    @Option(help: "What the evidence shows, e.g. \"foto kain hasil cap\".")
    var evidenceDescription: String = "evidence"

    func uploads() throws -> [EvidenceUpload] {
        try files.map { path throws(AppError) in
            try EvidenceUpload.file(atPath: path, description: evidenceDescription)
        }
    }
}
