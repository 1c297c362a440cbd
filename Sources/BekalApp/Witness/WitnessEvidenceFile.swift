import BekalCredentials
import BekalJSON
import BekalLog
import Foundation

/// The evidence a witness writes when a log rolled back or forked (docs/ledger.md, "Evidence file"): BOTH signed
/// checkpoints, exactly as received (each signed by the facility's own key, so anyone who trusts that key can
/// check them offline), the consistency proof that came with the second, and what was wrong.
///
/// ```json
/// { "type": "BekalWitnessEvidence", "version": 1, "finding": "fork", "origin": "bekal.id/ledger/LAPAS-PWT",
///   "detectedAt": "2026-11-15T03:00:00Z", "witness": "<the witness's cosignature verifier key>",
///   "message": "Witness: the log signed two different trees of size 12",
///   "held": "<signed note>", "presented": "<signed note>", "proof": { "oldSize": 12, "hashes": [] } }
/// ```
enum WitnessEvidenceFile {
    static let documentType = "BekalWitnessEvidence"

    static func json(
        finding: String, evidence: WitnessEvidence, oldSize: UInt64, witness: String, detectedAt: Date
    ) -> JSONValue {
        [
            "type": .string(documentType),
            "version": 1,
            "finding": .string(finding),
            "origin": .string(evidence.origin),
            "detectedAt": .string(Timestamp.format(detectedAt)),
            "witness": .string(witness),
            "message": .string(evidence.message),
            "held": .string(evidence.held.note.serialized),
            "presented": .string(evidence.presented.note.serialized),
            "proof": [
                "oldSize": .number(Double(oldSize)),
                "hashes": .array(evidence.proof.map { .string($0.base64) }),
            ],
        ]
    }

    /// Writes the evidence to `file`, or into `directory` under a new name
    /// (`<time>-<finding>-<held size>-<presented size>-<random>.json`), never replacing a file.
    static func write(_ document: JSONValue, finding: String, evidence: WitnessEvidence, detectedAt: Date,
                      to file: URL?, directory: URL) throws -> URL {
        let target: URL
        if let file {
            target = file
        } else {
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw AppError(.storage, "the witness's evidence directory cannot be created")
            }
            let time = Timestamp.format(detectedAt).filter { $0.isNumber }
            let name = "\(time)-\(finding)-\(evidence.held.checkpoint.treeHead.size)-"
                + "\(evidence.presented.checkpoint.treeHead.size)-\(UUID().uuidString.prefix(8).lowercased()).json"
            target = directory.appendingPathComponent(name)
        }
        try AtomicFile.write(JSONWriter.serialize(document, pretty: true), to: target, replacing: false)
        return target
    }
}
