import BekalDomain
import BekalJSON
import BekalRender
import Foundation
import Testing

@Suite("Escaping of data on the page")
struct EscapingTests {
    static let hostile = #"<script>alert("x")</script> O'Brien </style><b>&amp;"#

    @Test("the escape function turns markup characters into entities")
    func escapeFunction() {
        #expect(HTMLText.escape(Self.hostile)
            == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &lt;/style&gt;&lt;b&gt;&amp;amp;")
        #expect(HTMLText.escape("Kain \u{0}\u{7}cap\tbaru") == "Kain cap\tbaru")
    }

    /// The escape as first written, scalar by scalar: the byte-wise one must produce the same text.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("the byte-wise escape equals the scalar-wise one on random text of ASCII, controls and multi-byte characters")
    func escapeEquivalence() {
        let pieces: [String] = ["a", "Z", "&", "<", ">", "\"", "'", "\u{0}", "\u{7}", "\t", "\n", "\r", "\u{1B}", "\u{7F}",
                                "\u{85}", "é", "漢", "🙂", "\r\n", "\u{2028}", " ", "e\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(HTMLText.escape(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test("a CSS string cannot end the style element or its own quotes")
    func cssString() {
        let css = HTMLText.cssString(#"a"</style>\"#)
        #expect(!css.dropFirst().dropLast().contains("\""))
        #expect(!css.contains("<"))
        #expect(css == #""a\22 \3c /style\3e \5c ""#)
    }

    @Test("a name, motif and unit title with script, quotes and </style> render as text")
    func hostileDataRendersAsText() throws {
        var framework = SampleRecord.framework
        framework.units[0].title = LocalizedText(id: Self.hostile, en: Self.hostile)
        let portfolio = try SampleRecord.portfolio(name: Self.hostile, motif: Self.hostile, framework: framework)
        let document = try SampleRecord.export(portfolio, includeName: true)
        let (html, view) = try SampleRecord.page(document)
        #expect(view.holder == .named(Self.hostile))
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(\"x\")"))
        #expect(html.components(separatedBy: "</style>").count == 2)  // only the page's own
        #expect(html.contains(#"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &lt;/style&gt;"#))
        // The motif reaches the page through the evidence description.
        #expect(html.contains("Kain &lt;script&gt;"))
    }

    @Test("a draft page escapes the same way")
    func draftEscapes() throws {
        let portfolio = try SampleRecord.portfolio(name: Self.hostile, motif: Self.hostile)
        let view = PortfolioView(draft: portfolio, today: LocalDate("2026-11-27")!, evidence: nil)
        let html = PortfolioPage(view: view, language: .english).html()
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: "</style>").count == 2)
        #expect(html.contains("O&#39;Brien"))
    }
}

@Suite("Writing the page")
struct PageFileTests {
    @Test("a page replaces an older one at the same path and leaves no temporary file")
    func overwrite() throws {
        let directory = try RenderFixture.temporaryDirectory()
        let page = directory.appendingPathComponent("page.html")
        try PageFile.write("first", to: page)
        try PageFile.write("second", to: page)
        #expect(try String(contentsOf: page, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["page.html"])
    }

    @Test("an unwritable place is a RenderError, not a crash")
    func unwritable() {
        #expect(throws: RenderError(.outputNotWritable, "")) {
            try PageFile.write("x", to: URL(fileURLWithPath: "/nonexistent-directory/page.html"))
        }
    }
}
