import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A witness state in one file (mode 0600): a JSON object of origin → the latest accepted checkpoint's signed
/// note. Every update holds an exclusive lock on `<file>.lock` across read, check and write, and writes a new
/// file under a temporary name that is renamed over the old one, so a crash leaves the old state or the new,
/// never half of one.
public struct FileWitnessState: WitnessStateStore {
    /// The state file.
    public let file: URL

    /// A state kept in `file`, created on the first accepted checkpoint.
    public init(file: URL) {
        self.file = file
    }

    private struct Contents: Codable {
        var version = 1
        /// Origin → signed note text.
        var checkpoints: [String: String] = [:]
    }

    /// The latest checkpoint accepted for `origin`, read under the file lock.
    public func latest(origin: String) throws -> SignedNote? {
        try withLock { try load().checkpoints[origin].map { try SignedNote(parsing: $0) } }
    }

    /// Runs `body` with the held checkpoint of `origin` under the file lock, and replaces the file atomically
    /// when `body` returns a note to store.
    public func update<Result>(
        origin: String, _ body: (SignedNote?) throws -> (store: SignedNote?, result: Result)
    ) throws -> Result {
        try withLock {
            var contents = try load()
            let held = try contents.checkpoints[origin].map { try SignedNote(parsing: $0) }
            let outcome = try body(held)
            if let note = outcome.store {
                contents.checkpoints[origin] = note.serialized
                try store(contents)
            }
            return outcome.result
        }
    }

    private func load() throws -> Contents {
        var status = stat()
        guard lstat(file.path, &status) == 0 else {
            if errno == ENOENT { return Contents() }
            throw LogError(.stateFile, "the witness state file cannot be read")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw LogError(.stateFile, "the witness state file is not a regular file")
        }
        // Someone else able to write the state could roll the witness back; refuse rather than trust it. The same
        // owner-only rule as `FileMode.isOwnerOnly` (BekalDomain), written out here because BekalLog depends on
        // nothing of Bekal's.
        guard status.st_mode & 0o077 == 0 else {
            throw LogError(.permission, "the witness state file is accessible to others; it must be mode 0600")
        }
        do {
            let contents = try JSONDecoder().decode(Contents.self, from: Data(contentsOf: file))
            guard contents.version == 1 else { throw LogError(.stateFile, "the witness state file has an unknown version") }
            return contents
        } catch let error as LogError {
            throw error
        } catch {
            throw LogError(.stateFile, "the witness state file is not a witness state", cause: error)
        }
    }

    private func store(_ contents: Contents) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data: Data
        do {
            data = try encoder.encode(contents)
        } catch {
            throw LogError(.stateFile, "the witness state could not be encoded", cause: error)
        }
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw LogError(.stateFile, "the witness state file cannot be written") }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw LogError(.stateFile, "the witness state file cannot be written")
        }
    }

    /// Runs `body` holding an exclusive `flock` on the lock file, so that two witness processes serialize.
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let lockPath = file.path + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw LogError(.stateFile, "the witness state lock cannot be opened") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw LogError(.stateFile, "the witness state lock cannot be taken")
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
