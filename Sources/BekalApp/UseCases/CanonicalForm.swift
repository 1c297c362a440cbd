import BekalJSON
import Foundation

/// RFC 8785 (JCS) as a tool: the canonical bytes of any JSON document, for debugging signatures.
public enum CanonicalForm {
    /// Reads a document (a file, or standard input when `path` is `nil`), at most one byte beyond the parser's
    /// limit, so a huge input costs no more memory than the parser would accept.
    /// - Throws: `AppError.notFound` when the file does not exist or cannot be read (a directory included), as
    ///   for every input file; `AppError.usage` when standard input cannot be read.
    public static func read(_ path: String?) throws(AppError) -> [UInt8] {
        let limit = JSONLimits.default.maxBytes + 1
        do {
            var isDirectory: ObjCBool = false
            if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw AppError(.notFound, "cannot read the input file: it is a directory")
            }
            let handle = try path.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? .standardInput
            defer { if path != nil { try? handle.close() } }
            var bytes: [UInt8] = []
            while bytes.count < limit, let chunk = try handle.read(upToCount: min(1 << 20, limit - bytes.count)),
                !chunk.isEmpty
            {
                bytes.append(contentsOf: chunk)
            }
            return bytes
        } catch let error as AppError {
            throw error
        } catch {
            if path == nil { throw AppError(.usage, "cannot read standard input") }
            throw AppError(.notFound, "cannot read the input file: it does not exist or cannot be read")
        }
    }

    /// The canonical bytes. - Throws: `AppError.invalidInput` for input that is not acceptable JSON.
    public static func canonicalize(_ bytes: [UInt8]) throws(AppError) -> [UInt8] {
        do {
            var limits = JSONLimits.default
            limits.acceptsInexactIntegers = true
            return try JCS.canonicalize(bytes: bytes, limits: limits)
        } catch {
            throw AppError(.invalidInput, "invalid JSON: \(error)", cause: error)
        }
    }
}
