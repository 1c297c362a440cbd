import BekalCredentials
import BekalDomain
import BekalJSON
import Crypto
import Foundation

extension PortfolioView {
    /// The view of an export as the verifier judged it. Reading is lenient on purpose: a tampered or malformed
    /// export still renders whatever it holds, under the INVALID banner the verification produced.
    /// - Parameters:
    ///   - document: the parsed export (a `ClrCredential`).
    ///   - verification: the verifier's result for exactly this document.
    ///   - checkedAt: the time of the check, shown on the banner; also the day certificates are judged expired on.
    ///   - evidence: where evidence files named by hash are, if the reader has them.
    public init(
        export document: JSONObject, verification: CredentialVerification, checkedAt: Date,
        evidence: EvidenceDirectory?
    ) {
        switch verification.result {
        case .valid(let verified):
            verdict = .valid(issuer: verified.issuerID, checkedAt: checkedAt)
        case .validWithExceptions(let verified, _):
            verdict = .validWithExceptions(issuer: verified.issuerID, checkedAt: checkedAt)
        case .invalid:
            verdict = .invalid(
                failures: verification.checks.filter { $0.status == .failed }.map {
                    FailedCheck(
                        check: $0.check, subject: $0.subject, message: $0.detail, code: $0.code, credential: $0.credential,
                        date: $0.date)
                },
                checkedAt: checkedAt)
        }
        summary = verification.summary
        checkNotes = Self.notes(verification.checks)
        let marks = Self.marks(verification.checks)
        let subject = document["credentialSubject"]?.objectValue ?? JSONObject()
        holder = Self.holder(subject["identifier"]?.arrayValue ?? [])
        facilityName = document["issuer"]?["name"]?.stringValue ?? document["issuer"]?.stringValue ?? ""
        issuedAt = document["validFrom"]?.stringValue
        isSampleFramework = (subject["achievement"]?.arrayValue ?? []).contains { achievement in
            achievement["tag"]?.arrayValue?.contains(.string("sample-framework")) ?? false
        }
        fingerprint = Self.fingerprint(document)

        var reading = ExportContents(today: PageFormat.day(of: checkedAt))
        for (index, item) in (subject["verifiableCredential"]?.arrayValue ?? []).enumerated() {
            if let credential = item.objectValue { reading.read(credential, mark: marks[index]) }
        }
        productionMark = reading.recordMark
        units = reading.units(listed: subject["achievement"]?.arrayValue ?? [])
        frameworkTitle = reading.framework.map { LocalizedText(id: $0, en: $0) }
        frameworkVersion = nil
        certificates = reading.certificates
        production = reading.production
        self.evidence = reading.evidence.map { row in
            var row = row
            row.check = evidence?.check(sha256: row.sha256, mediaType: row.mediaType) ?? .notChecked
            return row
        }
    }

    /// Skipped checks and warnings, one note per distinct finding, in the order first met.
    static func notes(_ checks: [CheckRecord]) -> [CheckNote] {
        var notes: [CheckNote] = []
        for check in checks where check.status == .skipped || check.status == .warning {
            if let index = notes.firstIndex(where: { $0.check == check.check && $0.code == check.code && $0.message == check.detail }) {
                notes[index].count += 1
            } else {
                notes.append(CheckNote(check: check.check, message: check.detail, count: 1, code: check.code, date: check.date))
            }
        }
        return notes
    }

    /// The mark of each embedded credential (by index) that does not simply stand: a failed check outweighs a
    /// revocation, which outweighs an expiry.
    static func marks(_ checks: [CheckRecord]) -> [Int: RowMark] {
        var marks: [Int: RowMark] = [:]
        for check in checks {
            guard let index = check.credential.index else { continue }
            let mark: RowMark
            switch check.status {
            case .failed: mark = .failed(check: check.check, code: check.code)
            case .exception where check.code == .revoked: mark = .revoked
            case .exception where check.code == .expired: mark = .expired(on: check.date ?? .distantPast)
            default: continue
            }
            if let existing = marks[index], rank(existing) >= rank(mark) { continue }
            marks[index] = mark
        }
        return marks
    }

    private static func rank(_ mark: RowMark) -> Int {
        switch mark {
        case .failed: 3
        case .revoked: 2
        case .expired: 1
        }
    }

    static func holder(_ identifiers: [JSONValue]) -> Holder {
        for identifier in identifiers
        where identifier["identityType"]?.stringValue == "name" && identifier["hashed"]?.boolValue == false {
            if let name = identifier["identityHash"]?.stringValue, !name.isEmpty { return .named(name) }
        }
        return .hashedIdentity
    }

    /// SHA-256 of the RFC 8785 form, so whitespace or key order changes in transit do not change it: the
    /// fingerprint every printed page of the portfolio carries.
    public static func fingerprint(_ document: JSONObject) -> String? {
        guard let canonical = try? JCS.canonicalize(.object(document)) else { return nil }
        return Hex.encode(SHA256.hash(data: canonical))
    }

}
