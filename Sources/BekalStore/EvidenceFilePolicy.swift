import BekalDomain
import Crypto
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every evidence file an event names exists in `evidence/<2 hex>/<sha256>` as a regular file, reached without
/// following any symbolic link, and its bytes hash to its name. The event's leaf covers the hash, so an outside
/// checkpoint vouches for the name, and the name vouches for the bytes.
struct EvidenceFilePolicy: AuditPolicy {
    func check(_ context: AuditContext) throws -> [AuditFailure] {
        guard let root = context.evidenceRoot else { return [] }
        var failures: [AuditFailure] = []
        for (digest, sequence) in try EvidenceFilePolicy.namedFiles(context.db) {
            if let finding = EvidenceFilePolicy.inspect(root: root, digest: digest) {
                let short = digest.prefix(12)
                let events = sequence...sequence
                let message: String
                switch finding {
                case .evidenceMissing: message = "the evidence file \(short)… named by event \(sequence) is missing"
                case .evidenceNotRegularFile:
                    message = "the evidence file \(short)… named by event \(sequence) is a symbolic link, not a regular "
                        + "file, or is reached through a link"
                default: message = "the evidence file \(short)… named by event \(sequence) does not hash to its name: "
                    + "it was swapped or edited"
                }
                failures.append(AuditFailure(reason: finding, events: events, message: "EvidenceFilePolicy: \(message)"))
            }
        }
        return failures
    }

    /// Each evidence hash named by an event, with the first event (stored sequence) that names it.
    static func namedFiles(_ db: Database) throws -> [(String, Int64)] {
        // Assessments carry evidence, certificates a scan, and so can a correction's replacement; every such
        // payload is decoded (a text prefilter could be evaded by escaping a key in the JSON).
        let rows = try Row.fetchCursor(db, sql: """
            SELECT sequence, payload FROM ledger_event
            WHERE type IN ('assessment.recorded', 'certificate.recorded', 'record.corrected') ORDER BY sequence
            """)
        var seen = Set<String>()
        var named: [(String, Int64)] = []
        while let row = try rows.next() {
            let sequence: Int64 = row["sequence"]
            guard let payload = try? PayloadCoding.decode(row["payload"], sequence: sequence) else { continue }
            for evidence in evidence(of: payload) where seen.insert(evidence.sha256).inserted {
                named.append((evidence.sha256, sequence))
            }
        }
        return named
    }

    private static func evidence(of payload: LedgerPayload) -> [Evidence] {
        switch payload {
        case .assessmentRecorded(let assessment): assessment.evidence
        case .certificateRecorded(let certificate): certificate.scan.map { [$0] } ?? []
        case .corrected(let correction): correction.replacement.map(evidence(of:)) ?? []
        case .evidenceAttached(let attachment): attachment.evidence
        default: []
        }
    }

    /// What is wrong with one evidence file, or `nil`.
    static func inspect(root: URL, digest: String) -> AuditFailure.Reason? {
        // The hash comes from an event that may have been forged: never let it name a path outside the store.
        guard digest.count == 64, digest.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return .evidenceAltered
        }
        let directory = root.appendingPathComponent(String(digest.prefix(2)))
        let file = directory.appendingPathComponent(digest)
        // No component from evidence/ down may be a link: a link could point at a copy kept elsewhere.
        for path in [root.path, directory.path] {
            var status = stat()
            guard lstat(path, &status) == 0 else { return errno == ENOENT ? .evidenceMissing : .evidenceNotRegularFile }
            guard status.st_mode & S_IFMT == S_IFDIR else { return .evidenceNotRegularFile }
        }
        var status = stat()
        guard lstat(file.path, &status) == 0 else { return errno == ENOENT ? .evidenceMissing : .evidenceNotRegularFile }
        guard status.st_mode & S_IFMT == S_IFREG else { return .evidenceNotRegularFile }
        let descriptor = open(file.path, O_RDONLY | O_NOFOLLOW)
        guard descriptor >= 0 else { return .evidenceNotRegularFile }
        defer { close(descriptor) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return .evidenceNotRegularFile }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return EventDigest.hex(hasher.finalize()) == digest ? nil : .evidenceAltered
    }
}
