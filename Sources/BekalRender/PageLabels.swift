/// Every label of the portfolio page, one entry per label, in one language. The two tables below are the only
/// place fixed page text lives (sentences built from values are in `VerdictText` and `CheckText`); the memberwise
/// initializer makes a missing translation a compile error.
struct PageLabels: Sendable, Hashable {
    /// The page title and `<title>`, e.g. "Batik Cap Skills Portfolio".
    let documentTitle: String
    /// The verdict banner of a document that verified, e.g. "VALID".
    let verdictValid: String
    /// The sentence under a valid verdict, saying what was verified.
    let verdictValidNote: String
    /// The verdict banner of a valid document with withdrawn or expired items, e.g. "VALID WITH EXCEPTIONS".
    let verdictValidWithExceptions: String
    /// The sentence under that verdict, saying the marked items no longer stand and the rest does.
    let verdictExceptionsNote: String
    /// The heading of the list of items that no longer stand.
    let exceptionItems: String
    /// The verdict banner of a document that failed verification, e.g. "INVALID".
    let verdictInvalid: String
    /// The sentence under an invalid verdict, telling the reader not to rely on the document.
    let verdictInvalidNote: String
    /// The banner of an unexported, unsigned draft for counselors.
    let verdictDraft: String
    /// The sentence under the draft banner, saying it is not an official document.
    let verdictDraftNote: String
    /// The heading of the list of verification checks that failed.
    let failedChecks: String
    /// The label of the trusted issuer's name in the verdict box.
    let trustedIssuer: String
    /// The label of the time the verification ran.
    let checkedAt: String
    /// The heading of the verifier's notes that do not affect the verdict.
    let checkNotes: String
    /// The label of the date a draft was prepared.
    let preparedOn: String
    /// The heading of the section about the WBP who holds the portfolio.
    let sectionPerson: String
    /// The label of the holder's name (shown on drafts only).
    let personName: String
    /// The label of the holder's identity hash.
    let identity: String
    /// The note explaining that the identity is held as a hash, without name or register number.
    let identityHashed: String
    /// The label of the result of matching the holder against the identity hash.
    let identityCheck: String
    /// The mark on an item whose credential the facility withdrew (dicabut), e.g. "WITHDRAWN".
    let markRevoked: String
    /// The mark on an item that failed its check.
    let markFailed: String
    /// The label of the issuing facility (Lapas, Rutan or LPKA).
    let facility: String
    /// The label of the export's issue date.
    let issuedAt: String
    /// The heading of the competency map section.
    let sectionCompetency: String
    /// The label of the competency framework's title and version.
    let framework: String
    /// The warning shown next to the sample framework, so nobody takes it for an official standard.
    let sampleFramework: String
    /// The column header of unit codes.
    let columnCode: String
    /// The column header of unit titles.
    let columnUnit: String
    /// The column header of each unit's status.
    let columnStatus: String
    /// The column header of each unit's assessment date.
    let columnDate: String
    /// The column header of the assessor's role (never their name).
    let columnAssessor: String
    /// The status of a unit assessed Kompeten.
    let statusKompeten: String
    /// The status of a unit assessed Belum Kompeten (not yet competent).
    let statusBelumKompeten: String
    /// The status of a unit never assessed.
    let statusNotAssessed: String
    /// The summary's count of assessed units whose credential was withdrawn.
    let statusRevoked: String
    /// The mark on an elective (non-core) unit.
    let elective: String
    /// The name of the BNSP assessor role.
    let roleBnspAssessor: String
    /// The name of the partner mentor role.
    let rolePartnerMentor: String
    /// The name of the facility staff role.
    let roleFacilityStaff: String
    /// The heading of the certificates section.
    let sectionCertificates: String
    /// The column header of certificate issuers (an LSP or the partner).
    let columnIssuer: String
    /// The column header of certification schemes.
    let columnScheme: String
    /// The column header of certificate numbers.
    let columnNumber: String
    /// The column header of issue dates.
    let columnIssued: String
    /// The column header of expiry dates.
    let columnExpires: String
    /// The mark on an expired certificate.
    let certificateExpired: String
    /// The mark on a certificate still valid.
    let certificateValid: String
    /// The text shown when the portfolio has no certificates.
    let noCertificates: String
    /// The heading of the training and production section.
    let sectionTraining: String
    /// The label of the total training hours.
    let trainingHours: String
    /// The label of the number of training sessions.
    let trainingSessions: String
    /// The label of the total pieces produced.
    let piecesTotal: String
    /// The label of the total metres produced.
    let metresTotal: String
    /// The label of the pieces rejected.
    let rejects: String
    /// The label of the pieces reworked.
    let rework: String
    /// The title of the monthly production chart.
    let chartTitle: String
    /// The word for a quality grade, used in the chart's legend.
    let grade: String
    /// The text shown when no production is recorded.
    let noProduction: String
    /// The heading of the evidence section.
    let sectionEvidence: String
    /// The column header of what a file is evidence for (a unit or a certificate).
    let columnEvidenceFor: String
    /// The column header of evidence descriptions.
    let columnDescription: String
    /// The column header of the file check result.
    let columnCheck: String
    /// The result of a file whose SHA-256 matches the recorded one.
    let evidenceMatched: String
    /// The result of a file whose SHA-256 differs from the recorded one.
    let evidenceMismatch: String
    /// The result of a file not found in the evidence directory.
    let evidenceMissing: String
    /// The result when no evidence directory was given.
    let evidenceNotChecked: String
    /// The text shown when the portfolio has no evidence.
    let noEvidence: String
    /// The heading of the document fingerprint section.
    let sectionFingerprint: String
    /// The note explaining the fingerprint: SHA-256 of the export's JCS canonical form.
    let fingerprintNote: String
    /// The text shown in place of a fingerprint on a draft.
    let noFingerprint: String
    /// The word before the page number in the printed footer.
    let page: String
    /// The word between the page number and the page count ("of").
    let pageOf: String
    /// The credit line in the printed footer.
    let madeBy: String

    /// Bahasa Indonesia (the default).
    static let indonesian = PageLabels(
        documentTitle: "Portofolio Keterampilan Batik Cap",
        verdictValid: "SAH",
        verdictValidNote: "Tanda tangan dan isi terverifikasi; penerbit tepercaya.",
        verdictValidWithExceptions: "SAH DENGAN PENGECUALIAN",
        verdictExceptionsNote: "Tanda tangan, struktur dan penerbit terverifikasi. Butir yang ditandai ditarik atau kedaluwarsa; selebihnya tetap berlaku.",
        exceptionItems: "Butir yang tidak berlaku lagi",
        verdictInvalid: "TIDAK SAH",
        verdictInvalidNote: "Dokumen ini gagal diverifikasi. Jangan diandalkan.",
        verdictDraft: "DRAF — belum diekspor",
        verdictDraftNote: "Catatan saat ini, untuk pembina. Belum ditandatangani; bukan dokumen resmi.",
        failedChecks: "Pemeriksaan yang gagal",
        trustedIssuer: "Penerbit tepercaya",
        checkedAt: "Waktu pemeriksaan",
        checkNotes: "Catatan pemeriksaan (tidak mengubah putusan)",
        preparedOn: "Disiapkan pada",
        sectionPerson: "Pemilik portofolio",
        personName: "Nama",
        identity: "Identitas",
        identityHashed: "Disimpan sebagai hash; nama dan nomor register tidak dicantumkan. Cocokkan dengan nomor register dan kode verifikasi pemiliknya saat verifikasi.",
        identityCheck: "Pencocokan pemilik",
        markRevoked: "DITARIK",
        markFailed: "GAGAL DIPERIKSA",
        facility: "Lembaga pemasyarakatan",
        issuedAt: "Diterbitkan",
        sectionCompetency: "Peta kompetensi",
        framework: "Kerangka kompetensi",
        sampleFramework: "CONTOH — bukan standar resmi",
        columnCode: "Kode unit",
        columnUnit: "Unit kompetensi",
        columnStatus: "Status",
        columnDate: "Tanggal",
        columnAssessor: "Peran asesor",
        statusKompeten: "Kompeten",
        statusBelumKompeten: "Belum Kompeten",
        statusNotAssessed: "Belum diases",
        statusRevoked: "Ditarik",
        elective: "pilihan",
        roleBnspAssessor: "Asesor BNSP",
        rolePartnerMentor: "Mentor mitra",
        roleFacilityStaff: "Petugas lapas",
        sectionCertificates: "Sertifikat",
        columnIssuer: "Penerbit",
        columnScheme: "Skema",
        columnNumber: "Nomor",
        columnIssued: "Terbit",
        columnExpires: "Berlaku sampai",
        certificateExpired: "KEDALUWARSA",
        certificateValid: "Berlaku",
        noCertificates: "Belum ada sertifikat.",
        sectionTraining: "Pelatihan dan produksi",
        trainingHours: "Jam pelatihan",
        trainingSessions: "Sesi pelatihan",
        piecesTotal: "Potong (lembar)",
        metresTotal: "Meter",
        rejects: "Ditolak",
        rework: "Dikerjakan ulang",
        chartTitle: "Potong per bulan menurut mutu",
        grade: "Mutu",
        noProduction: "Belum ada catatan produksi.",
        sectionEvidence: "Bukti",
        columnEvidenceFor: "Untuk",
        columnDescription: "Keterangan",
        columnCheck: "Pemeriksaan berkas",
        evidenceMatched: "Hash cocok",
        evidenceMismatch: "HASH TIDAK COCOK",
        evidenceMissing: "Berkas tidak ada",
        evidenceNotChecked: "Tidak diperiksa",
        noEvidence: "Tidak ada bukti.",
        sectionFingerprint: "Sidik jari dokumen",
        fingerprintNote: "SHA-256 dari bentuk kanonik (JCS, RFC 8785) berkas ekspor, untuk mencocokkan cetakan dengan berkasnya.",
        noFingerprint: "Tidak ada: draf belum menjadi berkas ekspor.",
        page: "Halaman",
        pageOf: "dari",
        madeBy: "Dibuat dengan Bekal")

    /// English.
    static let english = PageLabels(
        documentTitle: "Batik Cap Skills Portfolio",
        verdictValid: "VALID",
        verdictValidNote: "Signatures and contents verified; the issuer is trusted.",
        verdictValidWithExceptions: "VALID WITH EXCEPTIONS",
        verdictExceptionsNote: "Signatures, structure and issuer verified. The items marked are withdrawn or expired; the rest stands.",
        exceptionItems: "Items that no longer stand",
        verdictInvalid: "INVALID",
        verdictInvalidNote: "This document failed verification. Do not rely on it.",
        verdictDraft: "DRAFT — not yet exported",
        verdictDraftNote: "The current record, for counselors. Not signed; not an official document.",
        failedChecks: "Failed checks",
        trustedIssuer: "Trusted issuer",
        checkedAt: "Checked at",
        checkNotes: "Notes from the check (not affecting the verdict)",
        preparedOn: "Prepared on",
        sectionPerson: "Portfolio holder",
        personName: "Name",
        identity: "Identity",
        identityHashed: "Held as a hash; the name and register number are not included. Match it with the holder's register number and verification code when verifying.",
        identityCheck: "Holder check",
        markRevoked: "WITHDRAWN",
        markFailed: "FAILED THE CHECK",
        facility: "Facility",
        issuedAt: "Issued",
        sectionCompetency: "Competency map",
        framework: "Framework",
        sampleFramework: "SAMPLE — not an official standard",
        columnCode: "Unit code",
        columnUnit: "Competency unit",
        columnStatus: "Status",
        columnDate: "Date",
        columnAssessor: "Assessor role",
        statusKompeten: "Competent",
        statusBelumKompeten: "Not yet competent",
        statusNotAssessed: "Not assessed",
        statusRevoked: "Withdrawn",
        elective: "elective",
        roleBnspAssessor: "BNSP assessor",
        rolePartnerMentor: "Partner mentor",
        roleFacilityStaff: "Facility staff",
        sectionCertificates: "Certificates",
        columnIssuer: "Issuer",
        columnScheme: "Scheme",
        columnNumber: "Number",
        columnIssued: "Issued",
        columnExpires: "Expires",
        certificateExpired: "EXPIRED",
        certificateValid: "Valid",
        noCertificates: "No certificates.",
        sectionTraining: "Training and production",
        trainingHours: "Training hours",
        trainingSessions: "Training sessions",
        piecesTotal: "Pieces",
        metresTotal: "Metres",
        rejects: "Rejects",
        rework: "Reworked",
        chartTitle: "Pieces per month by quality grade",
        grade: "Grade",
        noProduction: "No production recorded.",
        sectionEvidence: "Evidence",
        columnEvidenceFor: "For",
        columnDescription: "Description",
        columnCheck: "File check",
        evidenceMatched: "Hash matches",
        evidenceMismatch: "HASH MISMATCH",
        evidenceMissing: "File missing",
        evidenceNotChecked: "Not checked",
        noEvidence: "No evidence.",
        sectionFingerprint: "Document fingerprint",
        fingerprintNote: "SHA-256 of the export file's canonical form (JCS, RFC 8785), to match a printout to its file.",
        noFingerprint: "None: a draft is not an export file yet.",
        page: "Page",
        pageOf: "of",
        madeBy: "Made with Bekal")
}
