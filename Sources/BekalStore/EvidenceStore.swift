import BekalDomain
import Crypto
import Foundation

/// Evidence files stored by content: `<root>/<first 2 hex digits>/<sha256>`. A file is written to a temporary
/// name and renamed, so a crash never leaves a half-written file under its final name; storing the same bytes
/// twice stores them once.
public struct EvidenceStore: Sendable {
    /// The directory the evidence files are stored under.
    public let root: URL

    /// A store under `root`; its directories are created when the first file is written.
    public init(root: URL) {
        self.root = root
    }

    /// Copies a file into the store.
    /// - Throws: `StoreError.notFound` if the file cannot be read, `.storage` if it cannot be written.
    public func store(fileAt url: URL, mediaType: String, description: String) throws -> Evidence {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError(.notFound, "the evidence file cannot be read")
        }
        return try store(data, mediaType: mediaType, description: description)
    }

    /// Stores bytes and returns the `Evidence` describing them.
    public func store(_ data: Data, mediaType: String, description: String) throws -> Evidence {
        try storeNoting(data, mediaType: mediaType, description: description).evidence
    }

    /// Stores bytes and says whether the file is new to the store, so that a caller whose record is then
    /// refused can take back exactly what it added (`discard`).
    public func storeNoting(_ data: Data, mediaType: String, description: String) throws
        -> (evidence: Evidence, isNew: Bool)
    {
        guard !mediaType.isEmpty, mediaType.contains("/") else {
            throw StoreError(.invalidInput, "the evidence media type must look like type/subtype")
        }
        let digest = EventDigest.sha256(data)
        let destination = url(forSHA256: digest)
        let files = FileManager.default
        let isNew = !files.fileExists(atPath: destination.path)
        if isNew {
            let directory = destination.deletingLastPathComponent()
            let temporary = directory.appendingPathComponent(".\(digest).\(UUID().uuidString).tmp")
            do {
                try files.createDirectory(at: directory, withIntermediateDirectories: true)
                try data.write(to: temporary)
                if rename(temporary.path, destination.path) != 0 {
                    throw StoreError(.storage, "the evidence file cannot be moved into place")
                }
            } catch {
                try? files.removeItem(at: temporary)
                throw (error as? StoreError) ?? StoreError(.storage, "the evidence file cannot be written")
            }
        }
        return (Evidence(sha256: digest, mediaType: mediaType, description: description, byteCount: data.count), isNew)
    }

    /// Removes a stored file that no record names (one this caller just added for a record that was refused).
    public func discard(_ evidence: Evidence) {
        guard evidence.sha256.count == 64, evidence.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            return
        }
        try? FileManager.default.removeItem(at: url(forSHA256: evidence.sha256))
    }

    /// The bytes of stored evidence, checked against its hash.
    /// - Throws: `StoreError.notFound` when missing, `.corrupted` when the bytes no longer match.
    public func contents(of evidence: Evidence) throws -> Data {
        // The hash comes from a record that may have been imported; never let it name a path outside the store.
        guard evidence.sha256.count == 64, evidence.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw StoreError(.invalidInput, "the evidence hash is not 64 lowercase hex digits")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url(forSHA256: evidence.sha256))
        } catch {
            throw StoreError(.notFound, "evidence \(evidence.sha256.prefix(12)) is missing from the store")
        }
        guard EventDigest.sha256(data) == evidence.sha256 else {
            throw StoreError(.corrupted, "evidence \(evidence.sha256.prefix(12)) no longer matches its hash")
        }
        return data
    }

    /// Where the file with this hash lives.
    public func url(forSHA256 digest: String) -> URL {
        let prefix = String(digest.prefix(2))
        return root.appendingPathComponent(prefix).appendingPathComponent(digest)
    }
}
