import BekalLog
import BekalMetrics
import Foundation

/// What `WitnessDesk.add` did with a checkpoint.
public enum WitnessAddition: Sendable {
    /// Consistent with everything the witness held: stored, and cosigned.
    case cosigned(CosignedCheckpoint)
    /// Not acceptable, and nothing said against the log (unknown log, not signed by it, a proof from another
    /// size than the witness holds): nothing stored.
    case refused(WitnessRefusal)
    /// The log presented a smaller tree than one it signed before: evidence written to `file`.
    case rollback(WitnessEvidence, file: URL)
    /// The log signed two histories that cannot both be true: evidence written to `file`.
    case fork(WitnessEvidence, file: URL)
}

/// What a witness holds.
public struct WitnessSummary: Sendable {
    /// One log the witness follows.
    public struct Log: Sendable {
        /// The log's origin.
        public var origin: String
        /// The verifier keys trusted for its checkpoints.
        public var keys: [String]
        /// The latest checkpoint accepted (with the signatures it had, the witness's own cosignature last).
        public var held: SignedNote?
        /// Its parsed body.
        public var checkpoint: Checkpoint?
    }

    /// The witness's key name.
    public var name: String
    /// Its cosignature verifier key (type 0x04), which facilities and verifiers are given.
    public var verifierKey: String
    /// The logs it follows, by origin.
    public var logs: [Log]
}

/// `bekal witness`: a small offline tool for a party outside the facility (Kanwil, Bapas, the ministry) that
/// keeps the checkpoints it has seen of each facility's ledger, accepts a new one only with a valid consistency
/// proof from the one it holds, cosigns it (C2SP tlog-cosignature, cosignature/v1), and writes BOTH checkpoints
/// to an evidence file when a facility rolls back or forks its history. Works on its own state directory; it
/// never opens a facility's data directory.
public struct WitnessDesk: Sendable {
    /// The witness's state directory.
    public let directory: WitnessDirectory

    /// - Parameter directory: the state directory (`--state`).
    public init(directory: WitnessDirectory) {
        self.directory = directory
    }

    /// Creates the witness's key in a new (or empty) state directory.
    /// - Returns: the cosignature verifier key to hand out.
    /// - Throws: usage for a name with a space or a plus sign; conflict when the directory already has a key.
    public func initialize(name: String, context: ActionContext) throws -> String {
        guard !name.isEmpty, name.count <= 200, !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "+" })
        else {
            throw AppError(.usage, "--name: a witness name has no spaces or plus signs, e.g. kanwil-jateng.example/witness",
                           field: "name")
        }
        if FileManager.default.fileExists(atPath: directory.key.path) {
            throw AppError(.conflict, "this state directory already has a witness key")
        }
        do {
            try FileManager.default.createDirectory(
                at: directory.root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw AppError(.permission, "the witness state directory cannot be created")
        }
        return try WitnessKeyFile.create(name: name, at: directory.key).verifier.verifierKey
    }

    /// Trusts `verifierKeys` (C2SP verifier keys of type 0x01) to sign the checkpoints of `origin` (the keys'
    /// name when `nil`), in addition to the keys already trusted for it (a facility that rotated its key signs
    /// with the new one; old checkpoints still verify with the old).
    /// - Returns: the origin and every key now trusted for it.
    public func trust(origin: String?, verifierKeys: [String]) throws -> (origin: String, keys: [String]) {
        _ = try WitnessKeyFile.load(directory.key)
        guard !verifierKeys.isEmpty else { throw AppError(.usage, "give at least one --key", field: "key") }
        let verifiers = try verifierKeys.map { text in
            do { return try Ed25519NoteVerifier(verifierKey: text) } catch {
                throw AppError(.invalidInput, "--key: not a C2SP checkpoint verifier key (name+id+key, type 0x01)",
                               field: "key")
            }
        }
        let name = origin ?? verifiers[0].name
        guard !name.isEmpty, !name.contains(where: \.isNewline) else {
            throw AppError(.usage, "--origin: an origin is one non-empty line", field: "origin")
        }
        var logs = try WitnessLogsFile.load(directory.logs)
        var keys = logs[name] ?? []
        for verifier in verifiers where !keys.contains(verifier.verifierKey) { keys.append(verifier.verifierKey) }
        logs[name] = keys
        try WitnessLogsFile.save(logs, to: directory.logs)
        return (name, keys)
    }

    /// Checks a new checkpoint against the one held for its log and cosigns it at `context.now`, or refuses it,
    /// or writes the evidence of a rollback or fork to `evidenceFile` (a new file in `evidence/` when `nil`).
    public func add(_ request: WitnessRequest, evidenceFile: URL? = nil, context: ActionContext) throws
        -> WitnessAddition
    {
        let cosigner = try WitnessKeyFile.load(directory.key)
        let witness = Witness(
            cosigner: cosigner, logs: try WitnessLogsFile.verifiers(try WitnessLogsFile.load(directory.logs)),
            state: FileWitnessState(file: directory.checkpoints))
        func written(_ finding: String, _ evidence: WitnessEvidence) throws -> URL {
            let document = WitnessEvidenceFile.json(
                finding: finding, evidence: evidence, oldSize: request.oldSize,
                witness: cosigner.verifier.verifierKey, detectedAt: context.now)
            return try WitnessEvidenceFile.write(
                document, finding: finding, evidence: evidence, detectedAt: context.now, to: evidenceFile,
                directory: directory.evidence)
        }
        switch try witness.add(request, now: context.now) {
        case .cosigned(let cosigned): return .cosigned(cosigned)
        case .refused(let refusal): return .refused(refusal)
        case .rollback(let evidence): return .rollback(evidence, file: try written("rollback", evidence))
        case .fork(let evidence): return .fork(evidence, file: try written("fork", evidence))
        }
    }

    /// The witness's name and key, and what it holds of each log.
    public func show() throws -> WitnessSummary {
        let cosigner = try WitnessKeyFile.load(directory.key)
        let logs = try WitnessLogsFile.load(directory.logs)
        let state = FileWitnessState(file: directory.checkpoints)
        return WitnessSummary(
            name: cosigner.name, verifierKey: cosigner.verifier.verifierKey,
            logs: try logs.keys.sorted().map { origin in
                let held = try state.latest(origin: origin)
                return WitnessSummary.Log(
                    origin: origin, keys: logs[origin] ?? [], held: held,
                    checkpoint: held.flatMap { try? Checkpoint(parsing: $0.text) })
            })
    }

    // MARK: Reading what a facility sends

    /// A request from a bundle (`bekal ledger checkpoint --since N --bundle FILE`): the C2SP tlog-witness
    /// `add-checkpoint` body.
    public static func request(bundle: Data) throws -> WitnessRequest {
        try WitnessRequest(parsing: String(decoding: bundle, as: UTF8.self))
    }

    /// A request from a checkpoint file and a proof file (`old <size>` and one base64 hash per line: the
    /// bundle's head, `bekal ledger checkpoint --since N --proof FILE`); without a proof, the first checkpoint of
    /// a log (`old 0`).
    public static func request(checkpoint: Data, proof: Data?) throws -> WitnessRequest {
        let head = proof.map { String(decoding: $0, as: UTF8.self) } ?? "old 0\n"
        guard head.hasSuffix("\n") else {
            throw AppError(.invalidInput, "the proof file does not end in a newline", field: "proof")
        }
        return try WitnessRequest(parsing: head + "\n" + String(decoding: checkpoint, as: UTF8.self))
    }

    /// A request from a metrics report body (docs/metrics.md): its checkpoint, with the consistency proof from
    /// the previous report's (`old 0` when it has none).
    public static func request(report: Data) throws -> WitnessRequest {
        guard let log = try MetricsReport.decode(report).ledgerLog else {
            throw AppError(.invalidInput, "the report carries no ledger checkpoint (format version 1)", field: "report")
        }
        do {
            return WitnessRequest(
                oldSize: UInt64(clamping: log.consistency?.fromSize ?? 0),
                proof: try (log.consistency?.proof ?? []).map { try MerkleHash(base64: $0) },
                checkpoint: try SignedNote(parsing: log.checkpoint))
        } catch {
            throw AppError(.invalidInput, "the report's ledger log cannot be read", field: "report", cause: error)
        }
    }
}
