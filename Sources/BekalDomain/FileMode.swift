import Foundation

/// The type and permission bits of a file that holds a key or a secret, and the one rule such a file follows: it
/// grants nothing to group or others (mode 0600, 0400 or 0700). Signing keys, TLS keys, publisher secrets and
/// password files are all checked through it. The only I/O in this module: one `stat` of the file. (`BekalLog`
/// keeps its own copy of the rule for its witness state, because it depends on nothing else of Bekal's.)
public struct FileMode: Sendable, Hashable {
    /// The `st_mode` bits: the file type and its permissions.
    public let rawValue: mode_t

    /// Reads the mode of the file at `path` with `stat` (following a symbolic link) or, when
    /// `followingSymbolicLinks` is false, with `lstat` (the link itself); `nil` when the call fails (no such file,
    /// or no access to it).
    public init?(ofFileAt path: String, followingSymbolicLinks: Bool = true) {
        var info = stat()
        let status = followingSymbolicLinks ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return nil }
        rawValue = info.st_mode
    }

    /// Whether it is a regular file: not a directory, a device, a FIFO or (read with `lstat`) a symbolic link.
    public var isRegularFile: Bool { rawValue & S_IFMT == S_IFREG }

    /// Whether group and others have no permission at all (`mode & 0o077 == 0`). A key or secret file that fails
    /// this is refused, never read.
    public var isOwnerOnly: Bool { rawValue & 0o077 == 0 }
}
