import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Foundation
import Testing

/// Pages opened in a real browser. Never skipped: without chromium and poppler-utils (which
/// `BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh` installs, as `scripts/test.sh` does) these tests fail.
@Suite("Pages in a real browser (headless chromium)", .serialized)
struct BrowserTests {
    func browser() throws -> Chromium {
        guard let chromium = Chromium.find() else {
            throw Chromium.Failure(
                description: "chromium is not installed (BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh installs it)")
        }
        return chromium
    }

    func write(_ html: String, named name: String) throws -> URL {
        let url = try RenderFixture.temporaryDirectory().appendingPathComponent(name)
        try PageFile.write(html, to: url)
        return url
    }

    @Test("the DOM of a genuine export with a lapsed certificate has the VALID WITH EXCEPTIONS verdict, the row marked, and a row for every unit")
    func validDOM() throws {
        let portfolio = try SampleRecord.portfolio()
        let (html, _) = try SampleRecord.page(try SampleRecord.export(portfolio), evidence: try SampleRecord.evidenceDirectory())
        let dom = try browser().dumpDOM(try write(html, named: "valid.html"))
        #expect(dom.contains(#"data-verdict="VALID-WITH-EXCEPTIONS""#))
        #expect(dom.contains("SAH DENGAN PENGECUALIAN"))
        #expect(dom.contains(#"data-mark="expired""#))
        for unit in portfolio.framework.units {
            #expect(dom.contains(#"data-unit="\#(unit.code)""#), "unit row \(unit.code) missing from the DOM")
        }
        #expect(dom.components(separatedBy: #"<tr class="unit "#).count - 1 == portfolio.framework.units.count)
        #expect(dom.contains(#"<tr class="unit belumKompeten" data-unit="C.13BTK01.004.2">"#))
        #expect(dom.contains(#"<img class="thumb""#))
    }

    @Test("the DOM of a tampered export has the INVALID verdict and the failing check")
    func invalidDOM() throws {
        var document = try SampleRecord.export(try SampleRecord.portfolio())
        document["validFrom"] = "2020-01-01T00:00:00Z"
        let (html, _) = try SampleRecord.page(document, language: .english)
        let dom = try browser().dumpDOM(try write(html, named: "invalid.html"))
        #expect(dom.contains(#"data-verdict="INVALID""#))
        #expect(dom.contains("✘ INVALID"))
        #expect(dom.contains("<b>signature</b>"))
    }

    @Test("hostile data stays text in the browser: no script element in the DOM")
    func hostileDOM() throws {
        let hostile = #"<script>document.title="pwned"</script></style><img src=x>"#
        let document = try SampleRecord.export(try SampleRecord.portfolio(name: hostile, motif: hostile), includeName: true)
        let (html, _) = try SampleRecord.page(document)
        let dom = try browser().dumpDOM(try write(html, named: "hostile.html"))
        #expect(!dom.contains("<script"))
        #expect(!dom.contains("<img src=\"x\""))
        #expect(!dom.contains("pwned</title>"))
        #expect(dom.contains("&lt;script&gt;document.title="))
    }

    @Test("a screenshot of the demo portfolio is a real A4-shaped PNG")
    func demoScreenshot() throws {
        let document = try SampleRecord.export(try DemoPortfolio.make(), includeName: true)
        let evidence = try SampleRecord.evidenceDirectory()
        let (html, view) = try SampleRecord.page(document, evidence: evidence)
        guard view.summary?.verdict != .invalid else {
            Issue.record("the demo export did not verify: \(view.verdict)")
            return
        }
        let page = try write(html, named: "demo.html")
        let png = page.deletingLastPathComponent().appendingPathComponent("demo.png")
        try browser().screenshot(page, to: png)
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect((width, height) == (1240, 1754))
        // A blank or error page compresses to a few kilobytes; this page has text, tables and colour.
        #expect(bytes.count > 60_000)
        try keepDemo(document, evidence: evidence)
    }

    @Test("printed, the page is A4 with page numbers in the margin and the INVALID mark, the name and the fingerprint on every sheet")
    func printed() throws {
        // pdfinfo and pdftotext come from poppler-utils; `Chromium.poppler` fails the test when they are missing.
        var document = try SampleRecord.export(try SampleRecord.portfolio(), includeName: true)
        document["validFrom"] = "2020-01-01T00:00:00Z"
        let (html, view) = try SampleRecord.page(document, evidence: try SampleRecord.evidenceDirectory())
        let page = try write(html, named: "print.html")
        let pdf = page.deletingLastPathComponent().appendingPathComponent("print.pdf")
        try browser().printToPDF(page, to: pdf)
        let info = try Chromium.poppler("pdfinfo", [pdf.path])
        #expect(info.contains("(A4)"))
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) })
        #expect(pages >= 2)
        let fingerprint = try #require(view.fingerprint)
        for number in 1...pages {
            let text = try Chromium.poppler("pdftotext", ["-layout", "-f", "\(number)", "-l", "\(number)", pdf.path, "-"])
            #expect(text.contains("Halaman \(number) dari \(pages)"), "no page number on sheet \(number)")
            #expect(text.contains("TIDAK SAH"), "sheet \(number) does not say INVALID")
            // Every sheet is headed with the holder's name and the file's fingerprint.
            #expect(text.contains("Budi Santoso"), "sheet \(number) does not name the holder")
            #expect(text.contains(String(fingerprint.prefix(16))), "sheet \(number) has no fingerprint")
        }
    }

    /// With `BEKAL_DEMO_OUT=DIR`, leaves the signed demo export, its evidence and the issuer for the README's
    /// `bekal render` example.
    func keepDemo(_ document: JSONObject, evidence: EvidenceDirectory) throws {
        guard let out = ProcessInfo.processInfo.environment["BEKAL_DEMO_OUT"] else { return }
        let directory = URL(fileURLWithPath: out)
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(JSONWriter.serialize(.object(document), pretty: true)).write(to: directory.appendingPathComponent("demo-export.json"))
        try Data((try SampleRecord.key.didKey.did + "\n").utf8).write(to: directory.appendingPathComponent("issuer.txt"))
        let target = directory.appendingPathComponent("evidence")
        try? files.removeItem(at: target)
        try files.copyItem(at: evidence.root, to: target)
    }
}
