import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a rendered page without ever leaving a half-written file: a temporary file in the same directory,
/// then `rename(2)`, which replaces an existing page atomically.
public enum PageFile {
    /// Writes `html` as UTF-8 to `url` atomically, replacing an existing page; throws `outputNotWritable` on failure.
    public static func write(_ html: String, to url: URL) throws(RenderError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(html.utf8).write(to: temporary, options: [.withoutOverwriting])
        } catch {
            throw RenderError(.outputNotWritable, "the HTML file could not be written")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw RenderError(.outputNotWritable, "the HTML file could not be written")
        }
    }
}
