import BekalCredentials
import Foundation

/// The verifier's checks and findings in the page's language, from their stable codes (the records' `detail` is
/// English, for the CLI). A code without a sentence here falls back to the English detail.
public enum CheckText {
    /// The check's name, e.g. `tanda tangan` for `proof`.
    public static func name(_ check: String, _ language: PageLanguage) -> String {
        let id = language == .indonesian
        return switch check {
        case "well-formed": id ? "format berkas" : "file format"
        case "profile": id ? "struktur" : "structure"
        case "proof": id ? "tanda tangan" : "signature"
        case "proof-time": id ? "waktu tanda tangan" : "signature time"
        case "issuer-trust": id ? "penerbit" : "issuer"
        case "validity": id ? "masa berlaku" : "validity"
        case "revocation": id ? "penarikan" : "revocation"
        case "identity": id ? "identitas" : "identity"
        case "ledger-log": id ? "log buku besar" : "ledger log"
        default: check
        }
    }

    /// One finding, e.g. `Kedaluwarsa pada 10 Januari 2026`.
    public static func finding(_ record: CheckRecord, _ language: PageLanguage) -> String {
        finding(check: record.check, code: record.code, date: record.date, detail: record.detail, language)
    }

    /// As `finding(_:_:)`, from the parts a page keeps.
    public static func finding(
        check: String, code: CheckCode, date: Date?, detail: String, _ language: PageLanguage
    ) -> String {
        let id = language == .indonesian
        let on = date.map { PageFormat.date($0, language) } ?? ""
        if CheckCode.revocationNotChecked.contains(code) {
            return (id ? "Status penarikan TIDAK diperiksa: " : "Revocation NOT checked: ") + revocationGap(code, language) + "."
        }
        switch code {
        case .malformed: return id ? "Berkas bukan JSON yang sah atau melampaui batas ukuran." : "The file is not well-formed JSON within limits."
        case .workLimit: return id ? "Berkas melampaui batas pemeriksaan; tidak ada tanda tangan yang diperiksa." : "The file exceeds the verifier's limits; no signature was checked."
        case .profileViolation: return id ? "Struktur dokumen tidak sesuai profil ekspor." : "The document's structure does not follow the export profile."
        case .proofMissing, .proofNotObject: return id ? "Tidak bertanda tangan." : "Not signed."
        case .tooManyProofs: return id ? "Terlalu banyak tanda tangan; tidak ada yang diperiksa." : "Too many signatures; none was checked."
        case .proofExpired: return id ? "Tanda tangan kedaluwarsa pada \(on)." : "The signature expired on \(on)."
        case .proofCreatedInFuture: return id ? "Tanda tangan bertanggal sesudah waktu pemeriksaan (\(on))." : "The signature is dated after the check (\(on))."
        case .noIssuer: return id ? "Tidak menyebut penerbit." : "Names no issuer."
        case .noTrustAnchor, .issuerNotTrusted: return id ? "Penerbit tidak tepercaya." : "The issuer is not trusted."
        case .issuerNotSigner: return id ? "Penerbit bukan penanda tangan." : "The issuer is not the signer."
        case .noUsableKey: return id ? "Tidak ada kunci penanda tangan yang dapat dipakai." : "No usable signing key."
        case .keyNotBound: return id ? "Kunci penanda tangan bukan milik penerbit." : "The signing key does not belong to the issuer."
        case .keyOutsideWindow: return id ? "Kunci tidak berlaku pada waktu penandatanganan (\(on))." : "The key was not valid when it signed (\(on))."
        case .notYetValid: return id ? "Belum berlaku (mulai \(on))." : "Not yet valid (from \(on))."
        case .expired: return id ? "Kedaluwarsa pada \(on)." : "Expired on \(on)."
        case .validityMalformed: return id ? "Tanggal berlaku tidak terbaca." : "The validity dates cannot be read."
        case .revoked: return id ? "Ditarik oleh penerbit." : "Withdrawn by the issuer."
        case .noCredentialStatus: return id ? "Tidak memuat status penarikan." : "Carries no revocation status."
        case .statusMalformed: return id ? "Entri status penarikan tidak terbaca." : "The revocation status entry cannot be read."
        case .statusPurposeNotChecked: return id ? "Status dengan tujuan lain tidak diperiksa." : "A status of another purpose was not checked."
        case .differentSubject: return id ? "Menyebut orang lain daripada portofolio." : "Names another person than the portfolio."
        case .notBekalExport: return id ? "Bukan ekspor Bekal; subjeknya tidak dibandingkan." : "Not a Bekal export; its subject was not compared."
        case .noRegisterNumber: return id ? "Nomor register tidak diberikan; pemilik tidak dicocokkan." : "No register number given; the holder was not matched."
        case .verificationCodeNeeded: return id ? "Berkas ini mengikat pemiliknya dengan kode verifikasi; nomor register saja tidak cukup." : "This file binds its holder with a verification code; the register number alone is not enough."
        case .noHashedIdentifier: return id ? "Tidak memuat identitas ter-hash untuk dicocokkan." : "Carries no hashed identity to match."
        case .identityMatched: return id ? "Nomor register dan kode verifikasi cocok." : "The register number and verification code match."
        case .identityMatchedWeakForm: return id ? "Nomor register cocok, dalam bentuk identitas lama tanpa kode verifikasi (dapat ditebak dari berkasnya)." : "The register number matches, in the older identity form without a verification code (it can be guessed from the file)."
        case .identityMismatch: return id ? "Nomor register (dan kode verifikasi) TIDAK cocok." : "The register number (and verification code) do NOT match."
        case .noLogProof: return id ? "Dibuat sebelum Bekal 0.3: tanpa bukti log buku besar." : "Made before Bekal 0.3: no ledger log proof."
        case .logProofMalformed: return id ? "Bukti log buku besar tidak terbaca." : "The ledger log proof cannot be read."
        case .checkpointSigned: return id ? "Checkpoint log buku besar ditandatangani dengan kunci penerbit." : "The ledger checkpoint is signed with the issuer's key."
        case .checkpointNotSigned: return id ? "Checkpoint log buku besar TIDAK ditandatangani dengan kunci penerbit." : "The ledger checkpoint is NOT signed with the issuer's key."
        case .checkpointIssuerUntrusted: return id ? "Checkpoint log buku besar tidak dapat diperiksa: penerbit tidak tepercaya." : "The ledger checkpoint cannot be checked: the issuer is not trusted."
        case .logProofUnknownCredential: return id ? "Bukti log menyebut kredensial yang tidak ada dalam berkas." : "The log proof names a credential the file does not hold."
        case .logProofMissing: return id ? "Tidak ada bukti log untuk kredensial ini." : "No ledger log proof for this credential."
        case .includedInLog: return id ? "Catatan asalnya tercantum dalam log buku besar lembaga." : "The records it was built from are in the facility's ledger log."
        case .inclusionProofInvalid: return id ? "Bukti bahwa catatan asalnya ada dalam log buku besar TIDAK sah." : "The proof that its records are in the ledger log is NOT valid."
        default:
            if check == "proof" {
                return (id ? "Tanda tangan digital tidak sah" : "The digital signature is not valid") + " (\(code.rawValue))."
            }
            return detail
        }
    }

    /// Why a credential's revocation status could not be read.
    public static func revocationGap(_ code: CheckCode, _ language: PageLanguage) -> String {
        let id = language == .indonesian
        return switch code {
        case .noStatusList: id ? "tidak ada daftar status yang diberikan" : "no status list was given"
        case .otherStatusList: id ? "daftar status yang diberikan untuk alamat lain" : "the status lists given are for another address"
        case .statusListNotAuthentic: id ? "daftar status yang diberikan tidak asli" : "the status list given is not authentic"
        case .statusListOtherIssuer: id ? "daftar status yang diberikan dari penerbit lain" : "the status list given is from another issuer"
        case .statusIndexOutside: id ? "daftar status yang diberikan terlalu pendek" : "the status list given is too short"
        default: code.rawValue
        }
    }
}
