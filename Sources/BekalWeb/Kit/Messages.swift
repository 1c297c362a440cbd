import BekalApp
import BekalDomain
import BekalRender

/// What a refused action says to a person, in the page's language. `AppError` messages are English and written
/// for the CLI; the Indonesian page says the same in Indonesian: by the domain rule broken (`DomainError.Code`),
/// else by the reason (`AppError.Reason`, never the English text, so rewording a message changes no Indonesian
/// page), else by the class of failure (`AppError.Code`). An Indonesian page never shows the English message.
/// None of them holds a typed value.
public enum Messages {
    /// The message of `error` for a page in `language`.
    public static func text(_ error: AppError, _ language: PageLanguage) -> String {
        guard language == .indonesian else { return sentence(error.message) }
        return translation(error) ?? general[error.code] ?? "Permintaan ditolak."
    }

    /// The Indonesian text written for this failure's domain rule (`DomainError.Code`) or reason
    /// (`AppError.Reason`), `nil` when there is none and only the class of failure can be said.
    public static func translation(_ error: AppError) -> String? {
        if let domain = error.cause as? DomainError, let text = rules[domain.code] { return text }
        return error.reason.flatMap { reasons[$0] }
    }

    /// What an Indonesian page says of a failure nobody wrote a text for: its class, never the English message.
    private static let general: [AppError.Code: String] = [
        .usage: "Permintaan tidak lengkap atau tidak dapat dibaca.",
        .notFound: "Yang dicari tidak ditemukan.",
        .invalidInput: "Isian tidak dapat diterima; periksa lagi.",
        .conflict: "Tidak dapat dilakukan dengan data saat ini.",
        .permission: "Tidak diizinkan.",
        .storage: "Data tidak dapat dibaca atau disimpan; hubungi admin.",
        .network: "Jaringan tidak dapat dihubungi; coba lagi nanti.",
    ]

    private static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    private static let rules: [DomainError.Code: String] = [
        .dateInFuture: "Tanggal ini belum terjadi (setelah hari ini).",
        .dateBeforeAdmission: "Tanggal ini sebelum tanggal masuk WBP.",
        .dateAfterExit: "Tanggal ini setelah WBP bebas atau dipindahkan.",
        .dateOrder: "Urutan tanggal tidak mungkin (misalnya bebas sebelum masuk).",
        .hoursOutOfRange: "Jumlah jam di luar batas (0 sampai 24 jam sehari).",
        .quantityOutOfRange: "Jumlah di luar batas.",
        .rejectsExceedQuantity: "Jumlah cacat melebihi jumlah produksi.",
        .rejectReasonMissing: "Alasan cacat wajib diisi bila ada yang cacat.",
        .emptyField: "Wajib diisi.",
        .emptyText: "Wajib diisi.",
        .invisibleCharacter: "Ada karakter tak terlihat atau karakter kendali; ketik ulang.",
        .textTooLong: "Isian terlalu panjang.",
        .sameFacility: "Pemindahan harus ke lapas lain.",
        .invalidRemission: "Remisi harus memberi paling sedikit satu hari dan tidak melewati tanggal masuk.",
        .unknownPerson: "WBP tidak ditemukan.",
        .unknownUnit: "Unit kompetensi tidak ada dalam kerangka.",
        .unknownFramework: "Kerangka kompetensi belum diimpor.",
        .invalidEvidence: "Bukti tidak dapat diterima.",
        .invalidIdentifier: "Isian memuat karakter yang tidak diperbolehkan.",
    ]

    /// The Indonesian text of each reason (`AppError.Reason`), whatever the English message says.
    public static let reasons: [AppError.Reason: String] = [
        .valueRequired: "Wajib diisi.",
        .unknownDate: "Tanggal tidak dikenali; tulis seperti 6 Desember 2026 atau 06-12-2026.",
        .notANumber: "Isi angka seperti 3,5.",
        .ambiguousSeparator: "Tidak jelas apakah pemisah itu ribuan atau desimal; tulis 1000 atau 1,5.",
        .tooManyDigits: "Angka terlalu panjang.",
        .notAWholeNumber: "Isi bilangan bulat seperti 2.",
        .notAnOption: "Pilih salah satu pilihan yang tersedia.",
        .invisibleCharacter: "Ada karakter tak terlihat atau karakter kendali; ketik ulang.",
        .tooLong: "Isian terlalu panjang.",
        .passwordTooShort: "Kata sandi paling sedikit 12 karakter.",
        .fileTooLarge: "Berkas lebih besar dari 20 MiB.",
        .contentDoesNotMatchExtension: "Isi berkas tidak sesuai dengan ekstensinya (misalnya .jpg yang bukan foto).",
        .evidenceKind: "Bukti harus berupa foto (JPEG, PNG, WebP, HEIC), PDF atau teks.",
        .evidenceEmpty: "Berkas bukti kosong.",
        .wrongPassword: "Nama akun atau kata sandi salah.",
        .notInCaseload: "WBP ini bukan binaan Anda; minta admin menugaskannya kepada Anda.",
        .adminOnly: "Hanya admin yang dapat melakukan ini.",
        .roleMayNot: "Peran Anda tidak mengizinkan tindakan ini.",
        .accountDisabled: "Akun Anda dinonaktifkan.",
        .unknownPerson: "WBP tidak ditemukan.",
        .registerNumberTaken: "Nomor register ini sudah terdaftar.",
        .alreadyRetracted: "Catatan ini sudah ditarik.",
        .personNotActive: "WBP ini sudah tidak aktif (bebas atau dipindahkan).",
        .unitNotInFramework: "Unit kompetensi tidak ada dalam kerangka.",
        .notCorrectable: "Jenis catatan ini tidak dapat dikoreksi.",
        .notRevocable: "Hanya kredensial yang diekspor dari asesmen atau sertifikat yang dapat dicabut.",
        .notExported: "Catatan ini belum pernah diekspor; tidak ada kredensial untuk dicabut.",
        .alreadyRevoked: "Kredensial ini sudah dicabut.",
        .noFieldToChange: "Ubah paling sedikit satu isian, atau tarik catatan ini.",
        .alreadyExists: "Sudah ada.",
        .unknownAccount: "Akun tidak ditemukan.",
        .counselorRequired: "Wali harus akun berperan wali yang aktif.",
        .cannotDisableSelf: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
        .formExpired: "Formulir kedaluwarsa; buka halamannya lagi.",
        .crossSiteForm: "Formulir tidak dikirim dari halaman Bekal.",
        .signInFirst: "Masuk dahulu.",
        .noIssuerKey: "Lapas ini belum punya kunci penerbit; jalankan `bekal keys create`.",
        .nothingToExport: "Belum ada yang dapat diekspor: belum ada unit Kompeten, sertifikat, pelatihan atau produksi yang berlaku.",
        .exportExpired: "Ekspor ini sudah kedaluwarsa; ekspor lagi.",
        .noEvidenceFile: "Berkas bukti tidak ditemukan.",
        .noSuchEvent: "Catatan tidak ditemukan.",
        .evidenceOnAssessmentOnly: "Bukti hanya dapat ditambahkan pada catatan asesmen.",
        .noEvidenceGiven: "Pilih paling sedikit satu berkas bukti.",
        .expiryBeforeIssue: "Tanggal berakhir sebelum tanggal terbit.",
        .noiseNeedsQueue: "Laporan dengan derau memakai anggaran privasi; masukkan ke antrean, jangan pratinjau.",
        .periodNotEnded: "Hanya periode yang sudah selesai yang dapat diantrekan: laporan bersifat final, jadi antrekan setelah hari terakhir periodenya lewat.",
        .accountName: "Nama akun: 1 sampai 64 huruf, angka, '.', '_', '@' atau '-'.",
        .passwordControlCharacter: "Kata sandi memuat karakter kendali (baris baru?).",
        .unknownAccountChange: "Perubahan akun tidak dikenal.",
        .personReference: "Isi nomor register atau id WBP.",
        .firstAccountAdmin: "Akun pertama lapas harus berperan admin.",
        .eventsNotAppended: "Catatan tidak tersimpan; coba lagi.",
        .logTreeUnreadable: "Log ledger tidak dapat dibaca; hubungi admin.",
        .actorInvalid: "Nama akun tidak sah.",
    ]
}
