import ArgumentParser
import BekalJSON
import Foundation

/// `bekal canonicalize FILE`: the RFC 8785 bytes Bekal would hash for a document, for debugging signatures.
struct Canonicalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the RFC 8785 (JCS) canonical form of a JSON document.",
        discussion: """
            The output is exactly the canonical bytes, with no trailing newline, so it can be piped into \
            `sha256sum` to reproduce the hashes a Data Integrity proof signs. The input is read strictly: \
            duplicate member names, lone surrogates, invalid UTF-8, integers beyond 2^53 and documents over \
            8 MiB or nested deeper than 64 levels are refused.
            Exit status: 0 on success, 4 when the input is not acceptable JSON, 2 when it cannot be read.
            """)

    @Argument(help: "The JSON file to canonicalize, or '-' to read standard input.")
    var file: String

    func run() throws {
        let limits = JSONLimits.default
        let bytes: [UInt8]
        do {
            bytes = try Self.read(file, upTo: limits.maxBytes + 1)
        } catch {
            let reason = (error as? Unreadable)?.reason ?? error.localizedDescription
            Self.printError("cannot read \(file == "-" ? "standard input" : "the input file"): \(reason)")
            throw ExitCode(2)
        }
        do {
            let canonical = try JCS.canonicalize(bytes: bytes, limits: limits)
            FileHandle.standardOutput.write(Data(canonical))
        } catch {
            Self.printError("invalid JSON: \(error)")
            throw ExitCode(4)
        }
    }

    /// Reads at most `limit` bytes, so a huge input costs no more memory than the parser would accept plus one.
    private static func read(_ path: String, upTo limit: Int) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Unreadable(reason: "it is a directory")
        }
        let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { if path != "-" { try? handle.close() } }
        var bytes: [UInt8] = []
        while bytes.count < limit, let chunk = try handle.read(upToCount: min(1 << 20, limit - bytes.count)), !chunk.isEmpty {
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    private struct Unreadable: Error { let reason: String }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("bekal canonicalize: \(message)\n".utf8))
    }
}
