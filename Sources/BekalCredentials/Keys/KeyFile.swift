import BekalDomain
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Private-key files: written 0600 through a temporary file and a rename, read only when no one but the owner
/// can read or write them. Also used for a witness's key and trust files (BekalApp).
public enum KeyFile {
    /// Reads a private file, refusing one whose mode grants anything to group or others.
    public static func readPrivate(_ url: URL) throws(CredentialError) -> Data {
        guard let mode = FileMode(ofFileAt: url.path) else {
            throw CredentialError(.keyFileMissing, "no key file at the expected place")
        }
        guard mode.isOwnerOnly else {
            throw CredentialError(
                .keyFileInsecure,
                "the key file is readable or writable by group or others; run chmod 600 on it")
        }
        guard mode.isRegularFile else {
            throw CredentialError(.keyFileMalformed, "the key path is not a regular file")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw CredentialError(.keyFileMissing, "the key file could not be read")
        }
    }

    /// Writes `data` with mode 0600 to a temporary file beside `url`, flushes it and renames it over `url`, so a
    /// crash leaves the old file or the new one, never half of one.
    public static func writePrivate(_ data: Data, to url: URL) throws(CredentialError) {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CredentialError(.keyFileWrite, "the key directory could not be created")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CredentialError(.keyFileWrite, "the temporary key file could not be created") }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written, synced, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CredentialError(.keyFileWrite, "the key file could not be written")
        }
    }

    /// Writes a public file (0644) atomically.
    static func writePublic(_ data: Data, to url: URL) throws(CredentialError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw CredentialError(.keyFileWrite, "the file could not be written")
        }
    }
}
