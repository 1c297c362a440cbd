import BekalJSON
import Crypto
import Foundation

/// A directory of evidence files named by their SHA-256 (`<hex>`, `<hex>.<ext>` or the store's `<ab>/<hex>`),
/// checked against the hashes a document records.
public struct EvidenceDirectory: Sendable {
    /// The directory searched for evidence files, e.g. the store's evidence folder or an unpacked export.
    public let root: URL
    /// Images larger than this are checked but not embedded as thumbnails, to keep the page small.
    public var thumbnailByteLimit: Int

    /// - Throws: `RenderError.evidenceDirectoryUnreadable` when `root` is not a directory.
    public init(root: URL, thumbnailByteLimit: Int = 2_000_000) throws(RenderError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError(.evidenceDirectoryUnreadable, "the evidence directory does not exist or is not a directory")
        }
        self.root = root
        self.thumbnailByteLimit = thumbnailByteLimit
    }

    /// Media types a page may embed as `data:` thumbnails. SVG is left out: it can carry script.
    static let thumbnailTypes: Set<String> = ["image/jpeg", "image/png", "image/gif", "image/webp"]

    /// Looks the file up and compares its hash with `sha256`.
    public func check(sha256: String, mediaType: String) -> PortfolioView.EvidenceCheck {
        let digest = sha256.lowercased()
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { return .missing }
        guard let url = locate(digest), let data = FileManager.default.contents(atPath: url.path) else {
            return .missing
        }
        let actual = Hex.encode(SHA256.hash(data: data))
        guard actual == digest else { return .mismatch }
        guard Self.thumbnailTypes.contains(mediaType), data.count <= thumbnailByteLimit else {
            return .matched(thumbnail: nil)
        }
        return .matched(thumbnail: "data:\(mediaType);base64,\(data.base64EncodedString())")
    }

    private func locate(_ digest: String) -> URL? {
        let files = FileManager.default
        let candidates = [
            root.appendingPathComponent(digest),
            root.appendingPathComponent(String(digest.prefix(2))).appendingPathComponent(digest),
        ]
        if let found = candidates.first(where: { files.fileExists(atPath: $0.path) }) { return found }
        let names = (try? files.contentsOfDirectory(atPath: root.path)) ?? []
        return names.first { $0.hasPrefix(digest + ".") }.map { root.appendingPathComponent($0) }
    }
}
