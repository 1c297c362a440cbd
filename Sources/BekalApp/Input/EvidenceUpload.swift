import BekalDomain
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An evidence file on its way into the ledger's evidence store: checked bytes with the media type their
/// content shows. Photos from a phone (JPEG, PNG, WebP, HEIC), PDF scans and plain text or CSV checklists are
/// accepted; anything else, or a file whose content contradicts its extension, is refused, and nothing is
/// stored until the record it belongs to is accepted.
public struct EvidenceUpload: Sendable {
    /// The largest evidence file accepted: a phone photo is a few MiB, a scanned certificate less.
    public static let maxBytes = 20 * 1024 * 1024

    /// The file's bytes.
    public let bytes: Data
    /// The media type the content shows, e.g. `image/jpeg`.
    public let mediaType: String
    /// What the evidence shows, e.g. "photo of the stamped cloth".
    public let description: String

    /// Bytes received (an upload), with the file name they came with.
    /// - Throws: `AppError.invalidInput` when empty, too large, of a type not accepted, or not what the name's
    ///   extension says.
    public init(bytes: Data, fileName: String?, description: String) throws(AppError) {
        guard !bytes.isEmpty else { throw AppError(.invalidInput, "the evidence file is empty", field: "evidence", reason: .evidenceEmpty) }
        guard bytes.count <= Self.maxBytes else {
            throw AppError(.invalidInput, "the evidence file is larger than 20 MiB", field: "evidence", reason: .fileTooLarge)
        }
        guard let sniffed = MediaSniffer.mediaType(of: bytes) else {
            throw AppError(.invalidInput, "evidence must be a photo (JPEG, PNG, WebP, HEIC), a PDF or a text file",
                           field: "evidence", reason: .evidenceKind)
        }
        if let fileName, let expected = MediaSniffer.mediaType(forExtension: fileName), !MediaSniffer.compatible(expected, sniffed) {
            throw AppError(.invalidInput, "the evidence file's content does not match its extension", field: "evidence",
                           reason: .contentDoesNotMatchExtension)
        }
        self.bytes = bytes
        self.mediaType = sniffed
        self.description = try TypedInput.text(description, field: "evidence description", maxLength: 200)
    }

    /// Reads a file a user named on the command line. It must be a regular file: a symbolic link is refused, not
    /// followed (a link could point at any file the user can read, and the evidence leaves in exports).
    /// - Throws: `AppError.notFound` when it cannot be opened, `.invalidInput` for a link, a special file, or
    ///   content not accepted.
    public static func file(atPath path: String, description: String) throws(AppError) -> EvidenceUpload {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP {
                throw AppError(.invalidInput, "an evidence file must be a regular file, not a symbolic link",
                               field: "evidence")
            }
            throw AppError(.notFound, "an evidence file cannot be read", field: "evidence")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw AppError(.invalidInput, "an evidence file must be a regular file", field: "evidence")
        }
        guard info.st_size <= off_t(maxBytes) else {
            throw AppError(.invalidInput, "the evidence file is larger than 20 MiB", field: "evidence", reason: .fileTooLarge)
        }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw AppError(.notFound, "an evidence file cannot be read", field: "evidence")
        }
        return try EvidenceUpload(bytes: data, fileName: URL(fileURLWithPath: path).lastPathComponent,
                                  description: description)
    }
}

/// What a file is, from its first bytes (never from its name alone).
enum MediaSniffer {
    static func mediaType(of bytes: Data) -> String? {
        let head = Array(bytes.prefix(16))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("ftyp".utf8), at: 4),
            ["heic", "heix", "mif1", "heim", "heis"].contains(where: { starts(Array($0.utf8), at: 8) })
        {
            return "image/heic"
        }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        // Text: UTF-8 with no NUL and no control characters other than tab and line breaks (checked on the first
        // 64 KiB; a multi-byte character cut by that limit is allowed to be incomplete).
        let sample = Array(bytes.prefix(64 * 1024))
        guard !sample.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        let cut = bytes.count > sample.count ? 3 : 0
        for trimmed in 0...cut where String(validating: sample.dropLast(trimmed), as: UTF8.self) != nil {
            return "text/plain"
        }
        return nil
    }

    static func mediaType(forExtension fileName: String) -> String? {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "webp": "image/webp"
        case "heic", "heif": "image/heic"
        case "pdf": "application/pdf"
        case "txt", "text": "text/plain"
        case "csv": "text/csv"
        case "": nil
        default: "application/octet-stream"
        }
    }

    static func compatible(_ expected: String, _ sniffed: String) -> Bool {
        expected == sniffed || (expected == "text/csv" && sniffed == "text/plain")
    }
}
