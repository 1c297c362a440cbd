import Foundation

/// Small input files named on a command line (checkpoints, proofs, bundles, reports): read whole, up to a limit,
/// with messages that name the option, never the path (a file name can be a person's name).
public enum InputFile {
    /// The bytes of the file at `path`.
    /// - Throws: not found when it does not exist or cannot be read; invalid input when it is larger than
    ///   `limit` bytes.
    public static func read(_ path: String, field: String, limit: Int = 1 << 20) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AppError(.notFound, "the \(field) file does not exist or cannot be read", field: field)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw AppError(.notFound, "the \(field) file cannot be read", field: field)
        }
        guard data.count <= limit else {
            throw AppError(.invalidInput, "the \(field) file is larger than \(limit) bytes", field: field)
        }
        return data
    }
}
