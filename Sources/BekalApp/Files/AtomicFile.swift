import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output files written whole or not at all: the bytes go to a temporary file beside the target, are flushed,
/// and are then renamed over it (or hard-linked into place when an existing file must not be replaced, which
/// refuses atomically if the name appeared meanwhile). Messages never repeat the path: a file name can be a
/// person's name.
public enum AtomicFile {
    /// - Parameter replacing: whether an existing file may be replaced; otherwise an existing file is a conflict
    ///   (exit 5) and stays untouched.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL, replacing: Bool) throws {
        let directory = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        if !replacing, FileManager.default.fileExists(atPath: url.path) {
            throw AppError(.conflict, "the output file already exists; give --force to replace it", reason: .alreadyExists)
        }
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw AppError(.storage, "cannot create a file in the output directory")
        }
        let data = Array(bytes)
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                #else
                let n = Darwin.write(fd, base + offset, buffer.count - offset)
                #endif
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let synced = fsync(fd) == 0
        close(fd)
        defer { unlink(temporary.path) }
        guard written, synced else {
            throw AppError(.storage, "the output file could not be written (disk full?)")
        }
        if replacing {
            guard rename(temporary.path, url.path) == 0 else {
                throw AppError(.storage, "the output file could not be moved into place")
            }
        } else if link(temporary.path, url.path) != 0 {
            if errno == EEXIST {
                throw AppError(.conflict, "the output file already exists; give --force to replace it", reason: .alreadyExists)
            }
            throw AppError(.storage, "the output file could not be moved into place")
        }
    }
}
