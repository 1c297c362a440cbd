import BekalDomain
import BekalStore
import Foundation

/// The evidence files an export names, copied beside it by hash so the receiver can check each `ni:///sha-256`
/// URI against the bytes. Missing files are an error (exit 3, nothing written) unless the counselor accepts an
/// incomplete copy with `--allow-missing-evidence`; files whose bytes no longer match their hash are always an
/// error.
struct EvidenceCopy {
    var present: [Evidence]
    var missing: Int
    var store: EvidenceStore
    var destination: URL

    var count: Int { present.count }

    /// Checks every exported evidence file before anything is written.
    static func plan(_ portfolio: Portfolio, store: EvidenceStore?, allowMissing: Bool) throws -> EvidenceCopy {
        guard let store else { throw CommandFailure(status: .storage, message: "the ledger has no evidence store") }
        var seen = Set<String>()
        var present: [Evidence] = []
        var missing = 0
        let exported = portfolio.latestAssessmentByUnit.values.filter { $0.outcome == .kompeten }
            .sorted { $0.unitCode < $1.unitCode }
        for evidence in exported.flatMap(\.evidence) where seen.insert(evidence.sha256).inserted {
            do {
                _ = try store.contents(of: evidence)
                present.append(evidence)
            } catch let error as StoreError where error.code == .notFound {
                missing += 1
            }
        }
        if missing > 0 {
            guard allowMissing else {
                throw CommandFailure(
                    status: .notFound,
                    message: "\(missing) evidence file(s) named in the export are not in the evidence store; "
                        + "nothing was written (give --allow-missing-evidence to export without them)")
            }
            FileHandle.standardError.write(Data(
                "warning: \(missing) evidence file(s) are not in the evidence store and were not copied\n".utf8))
        }
        return EvidenceCopy(present: present, missing: missing, store: store, destination: URL(fileURLWithPath: "."))
    }

    func into(_ directory: URL) -> EvidenceCopy {
        var copy = self
        copy.destination = directory
        return copy
    }

    /// Writes every present file (replacing any file of that name: it is named by the hash of what belongs there).
    func copy() throws {
        do {
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(status: .storage, message: "the evidence directory cannot be created")
        }
        for evidence in present {
            let target = destination.appendingPathComponent(evidence.sha256)
            try AtomicFile.write(try store.contents(of: evidence), to: target, replacing: true)
        }
    }
}
