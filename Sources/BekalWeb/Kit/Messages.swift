import BekalApp
import BekalDomain
import BekalRender

/// What a refused action says to a person, in the page's language. `AppError` messages are English and written
/// for the CLI; the Indonesian page says the same in Indonesian: by the domain rule broken (`DomainError.Code`),
/// else by the kind of message, else by the class of failure (`AppError.Code`). An Indonesian page never shows
/// the English message. None of them holds a typed value.
public enum Messages {
    /// The message of `error` for a page in `language`.
    public static func text(_ error: AppError, _ language: PageLanguage) -> String {
        guard language == .indonesian else { return sentence(error.message) }
        return translation(error) ?? general[error.code] ?? "Permintaan ditolak."
    }

    /// The Indonesian text written for this message (or the domain rule it breaks), `nil` when there is none and
    /// only the class of failure can be said.
    public static func translation(_ error: AppError) -> String? {
        if let domain = error.cause as? DomainError, let text = rules[domain.code] { return text }
        let message = error.message
        for (fragment, text) in fragments where message.contains(fragment) { return text }
        return nil
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

    private static let fragments: [(String, String)] = [
        ("a value is required", "Wajib diisi."),
        ("expected an existing date", "Tanggal tidak dikenali; tulis seperti 6 Desember 2026 atau 06-12-2026."),
        ("expected a number", "Isi angka seperti 3,5."),
        ("thousands or decimals", "Tidak jelas apakah pemisah itu ribuan atau desimal; tulis 1000 atau 1,5."),
        ("too many digits", "Angka terlalu panjang."),
        ("expected a whole number", "Isi bilangan bulat seperti 2."),
        ("expected one of", "Pilih salah satu pilihan yang tersedia."),
        ("control or invisible character", "Ada karakter tak terlihat atau karakter kendali; ketik ulang."),
        ("at most", "Isian terlalu panjang."),
        ("at least 12 characters", "Kata sandi paling sedikit 12 karakter."),
        ("larger than 20 MiB", "Berkas lebih besar dari 20 MiB."),
        ("does not match its extension", "Isi berkas tidak sesuai dengan ekstensinya (misalnya .jpg yang bukan foto)."),
        ("evidence must be a photo", "Bukti harus berupa foto (JPEG, PNG, WebP, HEIC), PDF atau teks."),
        ("evidence file is empty", "Berkas bukti kosong."),
        ("wrong account name or password", "Nama akun atau kata sandi salah."),
        ("not in your caseload", "WBP ini bukan binaan Anda; minta admin menugaskannya kepada Anda."),
        ("only an admin", "Hanya admin yang dapat melakukan ini."),
        ("may not do this", "Peran Anda tidak mengizinkan tindakan ini."),
        ("acting account is disabled", "Akun Anda dinonaktifkan."),
        ("unknown person", "WBP tidak ditemukan."),
        ("register number is already recorded", "Nomor register ini sudah terdaftar."),
        ("already retracted", "Catatan ini sudah ditarik."),
        ("no longer active", "WBP ini sudah tidak aktif (bebas atau dipindahkan)."),
        ("unit: not in framework", "Unit kompetensi tidak ada dalam kerangka."),
        ("cannot be corrected", "Jenis catatan ini tidak dapat dikoreksi."),
        ("give at least one field", "Ubah paling sedikit satu isian, atau tarik catatan ini."),
        ("already exists", "Sudah ada."),
        ("unknown account", "Akun tidak ditemukan."),
        ("active counselor account", "Wali harus akun berperan wali yang aktif."),
        ("cannot disable your own account", "Anda tidak dapat menonaktifkan akun Anda sendiri."),
        ("the form has expired", "Formulir kedaluwarsa; buka halamannya lagi."),
        ("not sent from a page of this site", "Formulir tidak dikirim dari halaman Bekal."),
        ("sign in first", "Masuk dahulu."),
        ("no issuer key", "Lapas ini belum punya kunci penerbit; jalankan `bekal keys create`."),
        ("nothing to export yet", "Belum ada yang dapat diekspor: belum ada unit Kompeten, sertifikat, pelatihan atau produksi yang berlaku."),
        ("the export has expired", "Ekspor ini sudah kedaluwarsa; ekspor lagi."),
        ("no evidence file with this name", "Berkas bukti tidak ditemukan."),
        ("no event with this id", "Catatan tidak ditemukan."),
        ("evidence is attached to an assessment", "Bukti hanya dapat ditambahkan pada catatan asesmen."),
        ("give at least one evidence file", "Pilih paling sedikit satu berkas bukti."),
        ("expiry date is before the issue date", "Tanggal berakhir sebelum tanggal terbit."),
        ("spends privacy budget", "Laporan dengan derau memakai anggaran privasi; masukkan ke antrean, jangan pratinjau."),
        ("only a finished period can be queued", "Hanya periode yang sudah selesai yang dapat diantrekan: laporan bersifat final, jadi antrekan setelah hari terakhir periodenya lewat."),
        ("account: use 1 to 64", "Nama akun: 1 sampai 64 huruf, angka, '.', '_', '@' atau '-'."),
        ("password: contains a control character", "Kata sandi memuat karakter kendali (baris baru?)."),
        ("unknown account change", "Perubahan akun tidak dikenal."),
        ("expected a register number or an id", "Isi nomor register atau id WBP."),
        ("first account of a facility must be an admin", "Akun pertama lapas harus berperan admin."),
        ("the events were not appended", "Catatan tidak tersimpan; coba lagi."),
        ("log tree could not be read", "Log ledger tidak dapat dibaca; hubungi admin."),
        ("the acting account must be", "Nama akun tidak sah."),
    ]
}
