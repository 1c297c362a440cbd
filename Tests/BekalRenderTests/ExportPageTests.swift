import BekalCredentials
import BekalDomain
import BekalJSON
@testable import BekalRender
import Foundation
import Testing

@Suite("A page rendered from an export")
struct ExportPageTests {
    @Test("a genuine export with nothing lapsed shows VALID with the trusted issuer and the time of the check")
    func validBanner() throws {
        var portfolio = try SampleRecord.portfolio()
        portfolio.certificates.removeAll { $0.number == "BTK-2023-0007" }
        let (html, view) = try SampleRecord.page(try SampleRecord.export(portfolio))
        let issuer = try SampleRecord.key.didKey.did
        #expect(view.verdict == .valid(issuer: issuer, checkedAt: SampleRecord.now))
        #expect(html.contains(#"data-verdict="VALID""#))
        #expect(html.contains(issuer))
        #expect(html.contains("27 November 2026 pukul 06.20 UTC"))
        #expect(!html.contains("2026-11-27T06:20:00Z"))
        #expect(!html.contains("TIDAK SAH"))
        #expect(!html.contains("watermark invalid"))
        #expect(html.contains(#"@top-left { content: "SAH";"#))
        // What the verdict did not cover is said on the page: no status list was given.
        #expect(view.checkNotes.contains { $0.check == "revocation" && $0.count > 1 })
        #expect(html.contains(#"<ul class="notes"><li><b>"#))
        #expect(html.contains(#"<p class="unchecked" id="revocation-note">Status penarikan TIDAK diperiksa: tidak ada daftar status yang diberikan.</p>"#))
        // The sample framework is flagged as such, from the export alone.
        #expect(view.isSampleFramework)
        #expect(html.contains(PageLabels.indonesian.sampleFramework))
    }

    @Test("a tampered export shows INVALID and names the failing check")
    func tamperedBanner() throws {
        var document = try SampleRecord.export(try SampleRecord.portfolio())
        document["name"] = "Portfolio of someone else"
        let (html, view) = try SampleRecord.page(document, language: .english)
        guard case .invalid(let failures, _) = view.verdict else {
            Issue.record("a tampered export rendered as \(view.verdict)")
            return
        }
        #expect(failures.contains { $0.check == "proof" && $0.subject == "credential" })
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains("<h2>✘ INVALID</h2>"))
        #expect(html.contains(#"<li data-check="proof"><b>signature</b> [credential]"#))
        #expect(html.contains("Invalid — a signature or the structure does not match the contents: they may have been altered."))
        #expect(!html.contains(#"data-verdict="VALID""#))
        #expect(html.contains(#"<div class="watermark invalid" aria-hidden="true">INVALID</div>"#))
        #expect(html.contains(#"@top-left { content: "INVALID";"#))
    }

    @Test("a tampered embedded credential is INVALID too, even though the outer text looks fine")
    func tamperedEmbedded() throws {
        let document = try SampleRecord.export(try SampleRecord.portfolio())
        var text = String(decoding: JSONWriter.serialize(.object(document)), as: UTF8.self)
        text = text.replacingOccurrences(of: "BTK-2026-0042", with: "BTK-2026-9999")
        let tampered = try #require(try JSONParser.parse(Array(text.utf8)).objectValue)
        let (html, view) = try SampleRecord.page(tampered)
        #expect(!(view.verdict == .valid(issuer: try SampleRecord.key.didKey.did, checkedAt: SampleRecord.now)))
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains("TIDAK SAH"))
        #expect(html.contains(#"<li data-check="proof"><b>tanda tangan</b> — sertifikat Tukang Cap (BTK-2026-9999) [embedded["#))
        // The failing certificate's row is marked, in Indonesian.
        let row = try #require(html.components(separatedBy: "\n").first { $0.hasPrefix("<tr class=\"certificate") && $0.contains("BTK-2026-9999") })
        #expect(row.contains(#"data-mark="failed" data-failed-check="proof""#))
        #expect(row.contains("GAGAL DIPERIKSA"))
        #expect(html.contains("Tidak sah — tanda tangan atau struktur tidak cocok dengan isinya: isinya mungkin telah diubah; gagal diperiksa: sertifikat Tukang Cap (BTK-2026-9999)."))
    }

    @Test("an untrusted issuer is INVALID with the issuer check named")
    func untrusted() throws {
        let (html, _) = try SampleRecord.page(try SampleRecord.export(try SampleRecord.portfolio()), trusted: false)
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains(#"<li data-check="issuer-trust"><b>penerbit</b> [credential]: Penerbit tidak tepercaya."#))
        #expect(html.contains("Tidak sah — penerbit \(try SampleRecord.key.didKey.did) (menyebut dirinya “Lapas Kelas IIA Purwokerto”; nama ini tidak dikonfirmasi daftar kepercayaan) tidak tepercaya."))
        #expect(!html.contains("mungkin telah diubah"))
    }

    @Test("the competency map has every framework unit: Kompeten with date and role, Belum Kompeten, not assessed")
    func competencyMap() throws {
        let (html, view) = try SampleRecord.page(try SampleRecord.export(try SampleRecord.portfolio()), language: .english)
        let rows = Dictionary(uniqueKeysWithValues: view.units.map { ($0.code, $0) })
        #expect(view.units.map(\.code) == SampleRecord.framework.units.map(\.code))
        #expect(rows["C.13BTK01.001.2"]?.status == .kompeten)
        #expect(rows["C.13BTK01.001.2"]?.assessedOn == LocalDate("2026-05-04"))
        #expect(rows["C.13BTK01.001.2"]?.assessorRole == "bnsp-assessor")
        #expect(rows["C.13BTK01.002.2"]?.assessorRole == "partner-mentor")
        // BK then K after re-assessment shows K with the later date.
        #expect(rows["C.13BTK01.003.2"]?.status == .kompeten)
        #expect(rows["C.13BTK01.003.2"]?.assessedOn == LocalDate("2026-08-20"))
        #expect(rows["C.13BTK01.004.2"]?.status == .belumKompeten)
        #expect(rows["C.13BTK01.005.2"]?.status == .notAssessed)
        #expect(rows["C.13BTK01.006.2"]?.isCore == false)
        #expect(rows["C.13BTK01.006.2"]?.title == LocalizedText(id: "Mendesain motif", en: "Designing a motif"))
        #expect((view.competentCount, view.notYetCompetentCount, view.notAssessedCount) == (3, 1, 2))
        #expect(html.contains(#"<tr class="unit belumKompeten" data-unit="C.13BTK01.004.2">"#))
        #expect(html.contains("<td>4 May 2026</td><td>BNSP assessor</td>"))
        #expect(!html.contains("Asesor Rahasia"))  // roles, never the assessor's name
    }

    @Test("a Belum Kompeten reaches the map even when there is no training or production to record")
    func belumKompetenWithoutRecord() throws {
        var portfolio = try SampleRecord.portfolio()
        portfolio.training = []
        portfolio.production = []
        let (_, view) = try SampleRecord.page(try SampleRecord.export(portfolio))
        #expect(view.units.first { $0.code == "C.13BTK01.004.2" }?.status == .belumKompeten)
        #expect(view.units.first { $0.code == "C.13BTK01.005.2" }?.status == .notAssessed)
        #expect(view.production.isEmpty)
    }

    @Test("the person is shown by name only when the export carries it")
    func holder() throws {
        let portfolio = try SampleRecord.portfolio()
        let (anonymous, view) = try SampleRecord.page(try SampleRecord.export(portfolio))
        #expect(view.holder == .hashedIdentity)
        #expect(!anonymous.contains("Budi Santoso"))
        #expect(!anonymous.contains("BI.2024.0117"))
        #expect(anonymous.contains(PageLabels.indonesian.identityHashed))
        let (named, _) = try SampleRecord.page(try SampleRecord.export(portfolio, includeName: true))
        #expect(named.contains(#"<dd id="holder">Budi Santoso</dd>"#))
        #expect(!named.contains("BI.2024.0117"))
    }

    @Test("an expired certificate is marked expired, a current one is not")
    func expiredCertificate() throws {
        let (html, view) = try SampleRecord.page(try SampleRecord.export(try SampleRecord.portfolio()), language: .english)
        let byNumber = Dictionary(uniqueKeysWithValues: view.certificates.map { ($0.number, $0) })
        #expect(byNumber["BTK-2023-0007"]?.isExpired == true)
        #expect(byNumber["BTK-2023-0007"]?.expiresOn == LocalDate("2026-01-10"))
        #expect(byNumber["BTK-2026-0042"]?.isExpired == false)
        #expect(byNumber["BTK-2026-0042"]?.issuer == "LSP Batik")
        let rows = html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr class=\"certificate") }
        let expiredRow = try #require(rows.first { $0.contains("BTK-2023-0007") })
        #expect(expiredRow.contains(#"<span class="expired">EXPIRED</span>"#))
        #expect(expiredRow.contains(#"data-mark="expired""#))
        #expect(expiredRow.contains("<td>10 January 2026</td>"))
        let currentRow = try #require(rows.first { $0.contains("BTK-2026-0042") })
        #expect(!currentRow.contains("EXPIRED"))
        #expect(!currentRow.contains("data-mark"))
        // The verifier agrees: VALID WITH EXCEPTIONS, the lapsed certificate named in the sentence.
        #expect(view.verdict == .validWithExceptions(issuer: try SampleRecord.key.didKey.did, checkedAt: SampleRecord.now))
        #expect(html.contains("expired: certificate Tukang Celup (BTK-2023-0007) on 10 January 2026. The rest stands."))
    }

    @Test("evidence: thumbnails where the hash matches, a mark where it does not or the file is missing")
    func evidenceChecks() throws {
        let portfolio = try SampleRecord.portfolio()
        let (html, view) = try SampleRecord.page(
            try SampleRecord.export(portfolio), language: .english, evidence: try SampleRecord.evidenceDirectory())
        let parang = RenderFixture.sha256(try RenderFixture.data("cloth-parang.png"))
        let checks = Dictionary(uniqueKeysWithValues: view.evidence.map { ($0.sha256, $0.check) })
        guard case .matched(let thumbnail?)? = checks[parang] else {
            Issue.record("the parang photo was not matched: \(String(describing: checks[parang]))")
            return
        }
        #expect(thumbnail == "data:image/png;base64," + (try RenderFixture.data("cloth-parang.png")).base64EncodedString())
        #expect(checks[SampleRecord.alteredEvidenceHash] == .mismatch)
        #expect(html.contains(#"<img class="thumb" alt="" src="data:image/png;base64,"#))
        let mismatchRow = try #require(html.components(separatedBy: "\n").first { $0.contains(SampleRecord.alteredEvidenceHash) })
        #expect(mismatchRow.contains("HASH MISMATCH"))
        // The BK unit's evidence is not exported (only Kompeten units are), so it is not on the page either.
        #expect(checks[SampleRecord.missingEvidenceHash] == nil)
    }

    @Test("a missing evidence file is marked missing; without --evidence-dir nothing is claimed")
    func missingEvidence() throws {
        let portfolio = try SampleRecord.portfolio()
        let document = try SampleRecord.export(portfolio)
        let empty = try EvidenceDirectory(root: try RenderFixture.temporaryDirectory())
        let (html, view) = try SampleRecord.page(document, language: .english, evidence: empty)
        #expect(!view.evidence.isEmpty)
        #expect(view.evidence.allSatisfy { $0.check == .missing })
        #expect(html.contains("File missing"))
        let (unchecked, uncheckedView) = try SampleRecord.page(document, language: .english)
        #expect(uncheckedView.evidence.allSatisfy { $0.check == .notChecked })
        #expect(!unchecked.contains("Hash matches"))
    }

    @Test("the fingerprint is the SHA-256 of the JCS form, so reformatting the file does not change it")
    func fingerprint() throws {
        let document = try SampleRecord.export(try SampleRecord.portfolio())
        let (html, view) = try SampleRecord.page(document)
        let canonical = try JCS.canonicalize(.object(document))
        let expected = RenderFixture.sha256(Data(canonical))
        #expect(view.fingerprint == expected)
        #expect(html.contains("SHA-256 \(expected)"))
        let pretty = JSONWriter.serialize(.object(document), pretty: true)
        let reparsed = try #require(try JSONParser.parse(pretty).objectValue)
        #expect(try SampleRecord.page(reparsed).view.fingerprint == expected)
    }

    @Test("training and production totals and the monthly chart come from the export")
    func production() throws {
        let portfolio = try SampleRecord.portfolio()
        let (html, view) = try SampleRecord.page(try SampleRecord.export(portfolio))
        let p = view.production
        #expect(p.trainingHours == 28)
        #expect(p.trainingSessions == 8)
        #expect(p.pieces == portfolio.production.reduce(0) { $0 + $1.quantity })
        #expect(p.piecesByGrade[.c] == 9)
        #expect(p.rejects == 3)
        #expect(p.months.map(\.month) == ["2026-06", "2026-07", "2026-08", "2026-09"])
        #expect(p.months.reduce(0) { $0 + $1.total } == p.pieces)
        // June: entries 0, 1, 2 (days 0, 10, 20) = 6 A + 7 B + 8 A.
        #expect(p.months.first?.pieces == [.a: 14, .b: 7])
        #expect(html.contains(#"<svg xmlns="http://www.w3.org/2000/svg" class="chart""#))
    }

    @Test("a file that is not JSON still renders, as INVALID with the well-formed check named")
    func garbage() throws {
        let verification = CredentialVerifier().verify(
            bytes: Array("{\"a\":1,\"a\":2}".utf8), context: VerificationContext(at: SampleRecord.now, trust: TrustAnchors()))
        let view = PortfolioView(export: JSONObject(), verification: verification, checkedAt: SampleRecord.now, evidence: nil)
        let html = PortfolioPage(view: view, language: .english).html()
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains(#"<li data-check="well-formed"><b>file format</b>"#))
        #expect(html.contains("Invalid — the file cannot be read, or it exceeds the limits of the check."))
        #expect(view.units.isEmpty)
    }

    @Test("the page is self-contained: no script, no external reference, A4 print rules")
    func selfContained() throws {
        let (html, _) = try SampleRecord.page(
            try SampleRecord.export(try SampleRecord.portfolio()), evidence: try SampleRecord.evidenceDirectory())
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2)  // the SVG namespace only
        #expect(!html.contains("https://"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("@import"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains("counter(page)"))
    }
}
