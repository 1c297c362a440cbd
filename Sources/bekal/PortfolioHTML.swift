import ArgumentParser
import BekalDomain
import BekalRender
import Foundation

/// `bekal portfolio PERSON --html`: the counselor's view of the current record as the same page an export
/// renders to, with a DRAFT banner instead of a verdict.
struct PortfolioPageOptions: ParsableArguments {
    @Flag(help: "Print the portfolio as a self-contained HTML page (a draft: not exported, not signed).")
    var html = false

    @Option(name: .customLong("lang"), help: "The HTML page's language: id (default) or en.")
    var lang: String = PageLanguage.indonesian.rawValue

    @Option(name: .customLong("html-out"), help: "Write the HTML page to this file instead of standard output.")
    var htmlOut: String?

    func validate() throws {
        if PageLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be id or en") }
        if htmlOut != nil && !html { throw ValidationError("--html-out needs --html") }
    }

    /// Renders `portfolio`, with thumbnails from the data directory's evidence store.
    func emit(_ portfolio: Portfolio, home: URL, today: LocalDate) throws {
        let evidence = try? EvidenceDirectory(root: home.appendingPathComponent("evidence"))
        let view = PortfolioView(draft: portfolio, today: today, evidence: evidence)
        let page = PortfolioPage(view: view, language: PageLanguage(rawValue: lang) ?? .indonesian).html()
        guard let htmlOut else { return print(page, terminator: "") }
        do throws(RenderError) {
            try PageFile.write(page, to: URL(fileURLWithPath: htmlOut))
        } catch {
            throw CommandFailure(status: .storage, message: error.message)
        }
    }
}
