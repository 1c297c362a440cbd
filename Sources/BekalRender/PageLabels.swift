/// Every label of the portfolio page, one entry per label, in one language. The two tables below are the only
/// place fixed page text lives (sentences built from values are in `VerdictText` and `CheckText`); the memberwise
/// initializer makes a missing translation a compile error.
public struct PageLabels: Sendable, Hashable {
    public let documentTitle: String
    public let verdictValid: String
    public let verdictValidNote: String
    public let verdictValidWithExceptions: String
    public let verdictExceptionsNote: String
    public let exceptionItems: String
    public let verdictInvalid: String
    public let verdictInvalidNote: String
    public let verdictDraft: String
    public let verdictDraftNote: String
    public let failedChecks: String
    public let trustedIssuer: String
    public let checkedAt: String
    public let checkNotes: String
    public let preparedOn: String
    public let sectionPerson: String
    public let personName: String
    public let identity: String
    public let identityHashed: String
    public let identityCheck: String
    public let markRevoked: String
    public let markFailed: String
    public let facility: String
    public let issuedAt: String
    public let sectionCompetency: String
    public let framework: String
    public let sampleFramework: String
    public let columnCode: String
    public let columnUnit: String
    public let columnStatus: String
    public let columnDate: String
    public let columnAssessor: String
    public let statusKompeten: String
    public let statusBelumKompeten: String
    public let statusNotAssessed: String
    public let elective: String
    public let roleBnspAssessor: String
    public let rolePartnerMentor: String
    public let roleFacilityStaff: String
    public let sectionCertificates: String
    public let columnIssuer: String
    public let columnScheme: String
    public let columnNumber: String
    public let columnIssued: String
    public let columnExpires: String
    public let certificateExpired: String
    public let certificateValid: String
    public let noCertificates: String
    public let sectionTraining: String
    public let trainingHours: String
    public let trainingSessions: String
    public let piecesTotal: String
    public let metresTotal: String
    public let rejects: String
    public let rework: String
    public let chartTitle: String
    public let grade: String
    public let noProduction: String
    public let sectionEvidence: String
    public let columnEvidenceFor: String
    public let columnDescription: String
    public let columnCheck: String
    public let evidenceMatched: String
    public let evidenceMismatch: String
    public let evidenceMissing: String
    public let evidenceNotChecked: String
    public let noEvidence: String
    public let sectionFingerprint: String
    public let fingerprintNote: String
    public let noFingerprint: String
    public let page: String
    public let pageOf: String
    public let madeBy: String

    /// Bahasa Indonesia (the default).
    public static let indonesian = PageLabels(
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
    public static let english = PageLabels(
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
