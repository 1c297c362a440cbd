import BekalDomain
import BekalRender
import Foundation

extension FacilityApp {
    /// The counselor's draft: a person's current record as the same page an export renders to, with a DRAFT
    /// banner instead of a verdict, and thumbnails from the evidence store.
    public func draftPage(of reference: PersonReference, language: PageLanguage, context: ActionContext) async throws
        -> String
    {
        let portfolio = try await storage.portfolio(of: reference)
        let evidence = try? EvidenceDirectory(root: directory.evidence)
        let view = PortfolioView(draft: portfolio, today: context.today, evidence: evidence)
        return PortfolioPage(view: view, language: language).html()
    }

    /// Writes a page atomically.
    public static func writePage(_ html: String, to url: URL) throws {
        try PageFile.write(html, to: url)
    }
}
