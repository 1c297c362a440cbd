import ArgumentParser
import BekalDomain
import BekalLog
import BekalStore
import Crypto
import Foundation

/// The verifiable log at scale (issue 13): on a ledger of about 2,000,000 events, the cost of a checkpoint (tree
/// head of the current size, signed), an inclusion proof and a consistency proof, each read from the stored tree
/// and checked with BekalLog before it counts. Builds the ledger first (DemoFacility, 20,000 people) when the
/// data directory holds none.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Times checkpoints, inclusion and consistency proofs on a large ledger.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The data directory; a ledger is generated there if it holds none.") var home: String
    @Option(help: "People to generate when building the ledger (about 100 events each).") var people = 20_000
    @Flag(help: "Also time an audit of the whole ledger against its own checkpoint (leaves recomputed).")
    var audit = false

    func run() throws {
        let url = URL(fileURLWithPath: home)
        let ledger: Ledger
        if FileManager.default.fileExists(atPath: url.appendingPathComponent(Ledger.databaseFileName).path) {
            ledger = try Ledger(home: url, logger: BenchFixture.logger)
        } else {
            ledger = try build(url)
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x42, count: 32))
        let origin = "bench.bekal.example/ledger"
        let verifier = try Ed25519NoteSigner(name: origin, key: key).verifier
        let head = try ledger.treeHead()
        let size = Int64(head.size)
        guard size > 2 else { throw BenchFailure("the ledger is too small") }

        var note = ""
        let checkpoint = try Sampling.measure(repetition.repetitions) {
            note = try ledger.signedCheckpoint(origin: origin, key: key).serialized
        }
        guard case .verified(let verified) = CheckpointVerifier(origin: origin, logKeys: [verifier])
            .verify(try SignedNote(parsing: note)), verified.checkpoint.treeHead == head
        else { throw BenchFailure("the checkpoint does not verify") }
        Figure(id: "log.checkpoint", samples: checkpoint, items: Int(size), bytes: note.utf8.count,
               note: "tree head of the current size from the stored tree, signed as a C2SP checkpoint").emit()

        let treeHeadOnly = try Sampling.measure(repetition.repetitions) { _ = try ledger.treeHead() }
        Figure(id: "log.tree-head", samples: treeHeadOnly, items: Int(size), bytes: MerkleHash.byteCount,
               note: "root of the current size only").emit()

        // A different leaf each run, so no run finds its tiles in a cache a previous run warmed.
        var run = 0
        var inclusion: [MerkleHash] = []
        var sequence: Int64 = 1
        let inclusionSamples = try Sampling.measure(repetition.repetitions) {
            run += 1
            sequence = 1 + Int64((UInt64(run) &* 0x9E37_79B9_7F4A_7C15) % UInt64(size))
            inclusion = try ledger.inclusionProof(sequence: sequence, treeSize: size)
        }
        let leaf = MerkleHashing.leafHash(entry: try ledger.leafEntry(sequence: sequence))
        guard MerkleProof.verifyInclusion(
            leafHash: leaf, index: UInt64(sequence - 1), size: UInt64(size), proof: inclusion, root: head.root).isValid
        else { throw BenchFailure("the inclusion proof does not verify") }
        Figure(id: "log.inclusion", samples: inclusionSamples, items: inclusion.count,
               bytes: inclusion.count * MerkleHash.byteCount,
               note: "inclusion proof of one event in the tree of \(size); items = hashes").emit()

        var consistency: [MerkleHash] = []
        var old: Int64 = 1
        let consistencySamples = try Sampling.measure(repetition.repetitions) {
            run += 1
            old = 1 + Int64((UInt64(run) &* 0x9E37_79B9_7F4A_7C15) % UInt64(size - 1))
            consistency = try ledger.consistencyProof(from: old, to: size)
        }
        guard MerkleProof.verifyConsistency(
            oldSize: UInt64(old), newSize: UInt64(size), oldRoot: try ledger.treeHead(size: old).root,
            newRoot: head.root, proof: consistency).isValid
        else { throw BenchFailure("the consistency proof does not verify") }
        Figure(id: "log.consistency", samples: consistencySamples, items: consistency.count,
               bytes: consistency.count * MerkleHash.byteCount,
               note: "consistency proof from a random older size to \(size); items = hashes").emit()

        let verifySamples = Sampling.measure(repetition.repetitions) {
            _ = MerkleProof.verifyInclusion(
                leafHash: leaf, index: UInt64(sequence - 1), size: UInt64(size), proof: inclusion, root: head.root)
        }
        Figure(id: "log.inclusion-verify", samples: verifySamples, items: 1, note: "BekalLog, no I/O").emit()

        guard audit else { return }
        var result: LedgerAudit?
        let auditSamples = try Sampling.measure(Repetitions(warmups: 0, runs: 1)) {
            result = try ledger.audit(against: head, checks: [.coveredHistory, .storedTree])
        }
        guard result?.isIntact == true else { throw BenchFailure("the ledger does not match its own checkpoint") }
        Figure(id: "log.audit", samples: auditSamples, items: Int(size),
               note: "every leaf recomputed from the stored events; covered history + stored tree").emit()
    }

    private func build(_ url: URL) throws -> Ledger {
        let data = DemoFacility.generate(people: people, seed: 1, today: BenchFixture.today)
        let ledger = try Ledger.create(home: url, logger: BenchFixture.logger)
        let entries = data.events.map {
            LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
        }
        let samples = try Sampling.measure(Repetitions(warmups: 0, runs: 1)) {
            _ = try ledger.append(contentsOf: entries, actor: BenchFixture.actor, facilityCode: data.facility.code,
                                  recordedAt: BenchFixture.now)
        }
        Figure(id: "log.build", samples: samples, items: entries.count,
               note: "DemoFacility events appended in one batch, tree maintained").emit()
        return ledger
    }
}
