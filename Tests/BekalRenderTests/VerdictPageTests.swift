import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Foundation
import Testing

/// The page tells the three verdicts apart, marks the rows they concern, and speaks the reader's language.
@Suite("The verdict on the page")
struct VerdictPageTests {
    /// The sample record without its lapsed certificate.
    static func current() throws -> Portfolio {
        var portfolio = try SampleRecord.portfolio()
        portfolio.certificates.removeAll { $0.number == "BTK-2023-0007" }
        return portfolio
    }

    static func rows(_ html: String, _ prefix: String) -> [String] {
        html.components(separatedBy: "\n").filter { $0.hasPrefix(prefix) }
    }

    @Test("VALID, with the trust list: one sentence naming the facility and the counts")
    func validSentence() throws {
        let export = try SampleRecord.exportResult(try Self.current())
        let lists = [try SampleRecord.statusList(revoking: [], allocation: export.statusAllocation)]
        let document = try #require(export.credential.objectValue)
        let trust = TrustAnchors(trustList: try SampleRecord.trustList)
        let (html, _) = try SampleRecord.page(document, trust: trust, statusLists: lists)
        #expect(html.contains(#"<p class="sentence" id="verdict-sentence">Sah — diterbitkan oleh Lapas Kelas IIA Purwokerto, 3 kompetensi, 1 sertifikat.</p>"#))
        #expect(!html.contains("revocation-note"))
        let (english, _) = try SampleRecord.page(document, language: .english, trust: trust, statusLists: lists)
        #expect(english.contains(">Valid — issued by Lapas Kelas IIA Purwokerto: 3 competencies, 1 certificate.</p>"))
    }

    @Test("a withdrawn certificate: VALID WITH EXCEPTIONS, its row marked, and never 'may have been altered'")
    func withdrawnCertificate() throws {
        let export = try SampleRecord.exportResult(try Self.current())
        let document = try #require(export.credential.objectValue)
        let certificateID = try #require(document["credentialSubject"]?["verifiableCredential"]?.arrayValue?
            .compactMap { $0.objectValue }
            .first { $0["credentialSubject"]?["achievement"]?["achievementType"] == "Certificate" }?["id"]?.stringValue)
        let lists = [try SampleRecord.statusList(revoking: [certificateID], allocation: export.statusAllocation)]
        let trust = TrustAnchors(trustList: try SampleRecord.trustList)
        let (html, view) = try SampleRecord.page(document, trust: trust, statusLists: lists)
        #expect(html.contains(#"data-verdict="VALID-WITH-EXCEPTIONS""#))
        #expect(html.contains("<h2>✔ SAH DENGAN PENGECUALIAN</h2>"))
        #expect(html.contains(">Sah dengan pengecualian — diterbitkan oleh Lapas Kelas IIA Purwokerto, 3 kompetensi, 1 sertifikat; ditarik: sertifikat Tukang Cap (BTK-2026-0042). Selebihnya tetap berlaku.</p>"))
        #expect(!html.contains("mungkin telah diubah"))
        #expect(!html.contains("TIDAK SAH"))
        #expect(!html.contains(#"<div class="watermark"#))
        let row = try #require(Self.rows(html, #"<tr class="certificate"#).first)
        #expect(row.contains(#"data-mark="revoked""#))
        #expect(row.contains("DITARIK"))
        #expect(view.certificates.first?.mark == .revoked)
        // Every unit still stands.
        #expect(Self.rows(html, #"<tr class="unit "#).allSatisfy { !$0.contains("data-mark") })
        #expect(html.contains(#"@top-left { content: "SAH DENGAN PENGECUALIAN";"#))
        let (english, _) = try SampleRecord.page(document, language: .english, trust: trust, statusLists: lists)
        #expect(!english.contains("may have been"))
        #expect(english.contains("withdrawn: certificate Tukang Cap (BTK-2026-0042). The rest stands."))
    }

    @Test("a withdrawn competency: its unit's row is marked")
    func withdrawnUnit() throws {
        let export = try SampleRecord.exportResult(try Self.current())
        let document = try #require(export.credential.objectValue)
        let unitID = try #require(document["credentialSubject"]?["verifiableCredential"]?.arrayValue?.first?["id"]?.stringValue)
        let lists = [try SampleRecord.statusList(revoking: [unitID], allocation: export.statusAllocation)]
        let (html, view) = try SampleRecord.page(document, statusLists: lists)
        let row = try #require(Self.rows(html, #"<tr class="unit "#).first { $0.contains(#"data-unit="C.13BTK01.001.2""#) })
        #expect(row.contains(#"data-mark="revoked""#) && row.contains("DITARIK") && row.contains("withdrawn"))
        #expect(view.units.first { $0.code == "C.13BTK01.001.2" }?.mark == .revoked)
        #expect(html.contains("ditarik: kompetensi C.13BTK01.001.2"))
    }

    @Test("the export itself withdrawn: INVALID, saying the facility withdrew it, not that it may be altered")
    func withdrawnExport() throws {
        let export = try SampleRecord.exportResult(try Self.current())
        let document = try #require(export.credential.objectValue)
        let lists = [try SampleRecord.statusList(revoking: [try #require(document["id"]?.stringValue)], allocation: export.statusAllocation)]
        let trust = TrustAnchors(trustList: try SampleRecord.trustList)
        let (html, _) = try SampleRecord.page(document, trust: trust, statusLists: lists)
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains(">Tidak sah — berkas ini telah ditarik oleh penerbitnya, Lapas Kelas IIA Purwokerto.</p>"))
        #expect(!html.contains("mungkin telah diubah"))
    }

    @Test("an altered competency: INVALID, with that unit's row marked and named in the sentence")
    func alteredUnit() throws {
        let document = try SampleRecord.export(try Self.current())
        var text = String(decoding: JSONWriter.serialize(.object(document)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"2026-06-10\"", with: "\"2026-06-09\"")
        let (html, view) = try SampleRecord.page(try #require(try JSONParser.parse(Array(text.utf8)).objectValue))
        #expect(html.contains("isinya mungkin telah diubah; gagal diperiksa: kompetensi C.13BTK01.002.2."))
        let row = try #require(Self.rows(html, #"<tr class="unit "#).first { $0.contains(#"data-unit="C.13BTK01.002.2""#) })
        #expect(row.contains(#"data-mark="failed" data-failed-check="proof""#))
        #expect(view.units.filter { $0.mark != nil }.map(\.code) == ["C.13BTK01.002.2"])
    }

    @Test("check notes are Indonesian on the Indonesian page and English on the English page")
    func notesInLanguage() throws {
        let document = try SampleRecord.export(try SampleRecord.portfolio())
        let (indonesian, _) = try SampleRecord.page(document)
        #expect(indonesian.contains("<li><b>penarikan</b>: Status penarikan TIDAK diperiksa: tidak ada daftar status yang diberikan. (×"))
        #expect(indonesian.contains("<li><b>identitas</b>: Nomor register tidak diberikan; pemilik tidak dicocokkan.</li>"))
        #expect(indonesian.contains("<li><b>sertifikat Tukang Celup (BTK-2023-0007)</b>: Kedaluwarsa pada 10 Januari 2026.</li>"))
        for english in ["NOT CHECKED", "no status list was given", "certificate expired on", "was not matched"] {
            #expect(!indonesian.contains(english), "\(english) on the Indonesian page")
        }
        let (english, _) = try SampleRecord.page(document, language: .english)
        #expect(english.contains("<li><b>revocation</b>: Revocation NOT checked: no status list was given. (×"))
        #expect(english.contains("Expired on 10 January 2026."))
    }

    @Test("dates read 6 Desember 2026 / 6 December 2026 and decimals take a comma on the Indonesian page")
    func datesAndNumbers() throws {
        var portfolio = try SampleRecord.portfolio()
        portfolio.training = Array(portfolio.training.prefix(3))
        let document = try SampleRecord.export(portfolio)
        let (indonesian, _) = try SampleRecord.page(document)
        #expect(indonesian.contains("<td>4 Mei 2026</td>"))
        #expect(indonesian.contains("<td>1 Agustus 2029</td>"))
        #expect(indonesian.contains("<b>10,5</b>"))
        #expect(!indonesian.contains("<b>10.5</b>"))
        #expect(indonesian.contains("Diterbitkan: 27 November 2026 pukul 06.20 UTC"))
        let (english, _) = try SampleRecord.page(document, language: .english)
        #expect(english.contains("<td>4 May 2026</td>"))
        #expect(english.contains("<b>10.5</b>"))
        for (month, name) in zip(1...12, ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]) {
            #expect(PageFormat.date(LocalDate(year: 2026, month: month, day: 6)!, .indonesian) == "6 \(name) 2026")
        }
        #expect(PageFormat.date(LocalDate("2026-12-06")!, .english) == "6 December 2026")
        #expect(PageFormat.number(3.25, .indonesian) == "3,3")
        #expect(PageFormat.number(146.5, .english) == "146.5")
        #expect(PageFormat.number(28, .indonesian) == "28")
    }

    @Test("every printed sheet is headed with the verdict, the name (when included) and the file's fingerprint")
    func sheetHeading() throws {
        let document = try SampleRecord.export(try SampleRecord.portfolio(), includeName: true)
        let (html, view) = try SampleRecord.page(document)
        let fingerprint = try #require(view.fingerprint)
        #expect(html.contains(#"@top-left { content: "SAH DENGAN PENGECUALIAN";"#))
        #expect(html.contains(#"@top-center { content: "Budi Santoso";"#))
        #expect(html.contains(#"@top-right { content: "SHA-256 \#(fingerprint.prefix(16))…\#(fingerprint.suffix(8))";"#))
        let (anonymous, _) = try SampleRecord.page(try SampleRecord.export(try SampleRecord.portfolio()))
        #expect(!anonymous.contains("@top-center"))
        #expect(anonymous.contains("@top-right"))
    }

    @Test("the register-number and code check is on the page: matched, older form, mismatch, not checked")
    func identityOnPage() throws {
        var random = SeededRandom(state: 31)
        let code = VerificationCode.generate(using: &random)
        let keyed = try SampleRecord.export(try SampleRecord.portfolio(), code: code)
        let (matched, _) = try SampleRecord.page(keyed, register: "BI.2024.0117", code: code)
        #expect(matched.contains(#"<dd id="identity-check" data-identity="matched">Nomor register dan kode verifikasi cocok dengan pemilik berkas ini.</dd>"#))
        let (numberOnly, _) = try SampleRecord.page(keyed, register: "BI.2024.0117")
        #expect(numberOnly.contains(#"data-identity="not-checked">Berkas ini mengikat pemiliknya dengan kode verifikasi"#))
        let other = VerificationCode.generate(using: &random)
        let (mismatch, _) = try SampleRecord.page(keyed, register: "BI.2024.0117", code: other)
        #expect(mismatch.contains(#"data-identity="mismatch""#))
        #expect(mismatch.contains(#"data-verdict="INVALID""#))
        #expect(mismatch.contains("Tidak sah — nomor register (dan kode verifikasi) yang diberikan tidak cocok: berkas ini tentang orang lain."))
        let older = try SampleRecord.export(try SampleRecord.portfolio())
        let (weak, _) = try SampleRecord.page(older, language: .english, register: "BI.2024.0117")
        #expect(weak.contains(#"data-identity="matched-weak-form">The register number matches. This file uses the older identity form"#))
        #expect(!matched.contains("BI.2024.0117") && !matched.contains(code.canonical))
    }
}
