import Foundation

/// Writes a rendered page without ever leaving a half-written file: a temporary file in the same directory,
/// then an atomic rename.
public enum PageFile {
    public static func write(_ html: String, to url: URL) throws(RenderError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(html.utf8).write(to: temporary, options: [.withoutOverwriting])
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RenderError(.outputNotWritable, "the HTML file could not be written")
        }
    }
}
