import BekalDomain
import Foundation
import Testing

@testable import BekalRender

/// The counselor's draft reading of a record whose unit credential was revoked (dicabut): the unit keeps the
/// outcome that was withdrawn, marked, as the reading of an export whose credential is revoked shows it, and the
/// summary counts it apart.
@Suite("A draft page with a revoked unit")
struct DraftRevocationTests {
    static let today = LocalDate("2026-11-27")!

    /// The sample record with the Kompeten of unit 002 (and, when asked, the Belum Kompeten of 004) revoked.
    static func view(revoking codes: [String]) throws -> PortfolioView {
        var portfolio = try SampleRecord.portfolio()
        let latest = portfolio.latestAssessmentIncludingRevokedByUnit
        portfolio.revokedRecordIDs = Set(codes.compactMap { latest[$0]?.id })
        return PortfolioView(draft: portfolio, today: today, evidence: nil)
    }

    @Test("a revoked Kompeten shows as Kompeten, marked withdrawn, and no longer counts as Kompeten")
    func revokedKompeten() throws {
        let before = try Self.view(revoking: [])
        let view = try Self.view(revoking: ["C.13BTK01.002.2"])
        let row = try #require(view.units.first { $0.code == "C.13BTK01.002.2" })
        #expect(row.status == .kompeten)
        #expect(row.mark == .revoked)
        #expect(row.assessedOn == LocalDate("2026-06-10"))
        #expect((before.competentCount, before.notYetCompetentCount, before.notAssessedCount, before.revokedCount)
                == (3, 1, 2, 0))
        #expect((view.competentCount, view.notYetCompetentCount, view.notAssessedCount, view.revokedCount)
                == (2, 1, 2, 1))
        let html = PortfolioPage(view: view, language: .english).html()
        #expect(html.contains(#"<span>Withdrawn: 1</span>"#))
        #expect(html.contains(#"<td class="status">Competent <span class="mark revoked">WITHDRAWN</span></td>"#))
        #expect(!PortfolioPage(view: before, language: .english).html().contains("Withdrawn:"))
    }

    @Test("a revoked Belum Kompeten keeps its outcome too, and neither revoked unit reads as never assessed")
    func revokedBelumKompeten() throws {
        let view = try Self.view(revoking: ["C.13BTK01.002.2", "C.13BTK01.004.2"])
        let row = try #require(view.units.first { $0.code == "C.13BTK01.004.2" })
        #expect(row.status == .belumKompeten)
        #expect(row.mark == .revoked)
        #expect((view.competentCount, view.notYetCompetentCount, view.notAssessedCount, view.revokedCount)
                == (2, 0, 2, 2))
        #expect(PortfolioPage(view: view).html().contains(#"<span>Ditarik: 2</span>"#))
    }
}
