import Foundation

/// Debian's `chromium`, run headless as a subprocess.
struct Chromium {
    let executable: URL

    /// The browser on `PATH`, if installed.
    static func find() -> Chromium? {
        (onPath("chromium") ?? onPath("chromium-browser")).map(Chromium.init(executable:))
    }

    /// The executable `name` in a directory of `PATH`, if any.
    static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The DOM after loading `page`.
    func dumpDOM(_ page: URL) throws -> String {
        let output = try run(["--dump-dom", page.absoluteString])
        return String(decoding: output, as: UTF8.self)
    }

    /// A PNG of the page's first A4-shaped screen, 1240×1754 CSS pixels.
    func screenshot(_ page: URL, to png: URL) throws {
        _ = try run(["--hide-scrollbars", "--window-size=1240,1754", "--screenshot=\(png.path)", page.absoluteString])
    }

    /// The page printed to PDF with the browser's own header and footer off, so only the page's `@page` rules
    /// put anything in the margins.
    func printToPDF(_ page: URL, to pdf: URL) throws {
        _ = try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
    }

    /// Runs a tool from poppler-utils (`pdftotext`, `pdfinfo`) and returns its standard output.
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        guard let executable = onPath(tool) else {
            throw Failure(description: "\(tool) is not installed (BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh installs poppler-utils)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(tool) exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    private func run(_ arguments: [String]) throws -> Data {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)",
        ] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with \(process.terminationStatus)")
        }
        return data
    }
}
