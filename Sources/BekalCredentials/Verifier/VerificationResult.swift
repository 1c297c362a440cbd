import BekalJSON
import Foundation

/// A credential as received: parsed, within limits, not yet verified.
public struct UnverifiedCredential: Sendable {
    /// The parsed credential.
    public let document: JSONObject

    /// Wraps a document already parsed.
    public init(_ document: JSONObject) { self.document = document }

    /// Parses `bytes` with the strict parser (duplicate keys, lone surrogates, big integers, depth and size limits).
    public init(parsing bytes: some Collection<UInt8>, limits: JSONLimits = .default) throws(CredentialError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: limits)
        } catch {
            throw CredentialError(.documentMalformed, "the file is not well-formed JSON within limits: \(error)")
        }
        guard case .object(let object) = value else {
            throw CredentialError(.documentMalformed, "the file is not a JSON object")
        }
        document = object
    }
}

/// A credential whose signatures, structure and issuer held (VALID or VALID WITH EXCEPTIONS). Only
/// `CredentialVerifier` makes one.
public struct VerifiedCredential: Sendable {
    /// The verified document.
    public let document: JSONObject
    /// The issuer id the verifier bound the signing keys to.
    public let issuerID: String
    /// The embedded credentials that were verified with it (for a ClrCredential).
    public let embeddedCount: Int

    init(document: JSONObject, issuerID: String, embeddedCount: Int) {
        self.document = document
        self.issuerID = issuerID
        self.embeddedCount = embeddedCount
    }
}

/// One failed check: which check, on which credential, and why. The message never holds personal data.
public struct VerificationFailure: Sendable, Hashable, CustomStringConvertible {
    /// The name of the check that failed, e.g. `issuer-trust`.
    public var check: String
    /// The credential's label (`credential`, `embedded[i] <id>`), as in `CheckRecord.subject`.
    public var subject: String
    /// The verifier's English explanation; never personal data.
    public var message: String
    /// The stable reason (e.g. `signature-mismatch`, `issuer-not-trusted`).
    public var code: CheckCode
    /// Which credential failed, with its kind and unit code or scheme, so a page can mark its row.
    public var credential: CredentialReference

    /// Creates a failure; without a `credential`, it refers to `subject` by label only.
    public init(
        check: String, subject: String, message: String, code: CheckCode = .unspecified,
        credential: CredentialReference? = nil
    ) {
        self.check = check
        self.subject = subject
        self.message = message
        self.code = code
        self.credential = credential ?? CredentialReference(label: subject)
    }

    init(_ record: CheckRecord) {
        self.init(
            check: record.check, subject: record.subject, message: record.detail, code: record.code,
            credential: record.credential)
    }

    /// The check, the credential's label and the message, e.g. `proof [credential]: …`.
    public var description: String { "\(check) [\(subject)]: \(message)" }
}

/// An embedded credential that is authentic but no longer stands: revoked by its issuer or past its `validUntil`.
/// The rest of the portfolio stands (VALID WITH EXCEPTIONS).
public struct VerificationException: Sendable, Hashable, CustomStringConvertible {
    /// Why the item no longer stands: revoked or expired.
    public enum Kind: Sendable, Hashable {
        /// Its bit is set in the issuer's status list.
        case revoked
        /// Its `validUntil` has passed.
        case expired(on: Date)
    }

    /// Revoked or expired.
    public var kind: Kind
    /// The check that found it (`revocation` or `validity`).
    public var check: String
    /// The item, as a reader names it.
    public var credential: CredentialReference
    /// The verifier's English detail.
    public var message: String

    init?(_ record: CheckRecord) {
        guard record.status == .exception else { return nil }
        switch record.code {
        case .revoked: kind = .revoked
        case .expired: kind = .expired(on: record.date ?? .distantPast)
        default: return nil
        }
        check = record.check
        credential = record.credential
        message = record.detail
    }

    /// The check, the credential's label and the message, e.g. `revocation [embedded[2] …]: …`.
    public var description: String { "\(check) [\(credential.label)]: \(message)" }
}

/// One check the verifier ran, and how it ended.
public struct CheckRecord: Sendable, Hashable {
    /// How a check ended: passed, failed, skipped, a warning, or an exception (authentic but no longer standing).
    public enum Status: String, Sendable, Hashable {
        /// `passed`: the check held. `failed`: it did not. `skipped`: it did not apply or could not run (no status
        /// list given, for example). `warning`: it found something worth pointing out that does not fail the
        /// credential.
        case passed, failed, skipped, warning
        /// The credential is authentic but no longer stands (revoked or expired embedded item).
        case exception
    }

    /// The policy's name, e.g. `proof`, `issuer-trust`.
    public var check: String
    /// `credential` for the outer document, `embedded[i] <id>` for an embedded one.
    public var subject: String
    /// How the check ended.
    public var status: Status
    /// In English, for the CLI and logs; never personal data. Pages translate `code` instead.
    public var detail: String
    /// The stable reason, for translations and machines.
    public var code: CheckCode
    /// The credential the check was about.
    public var credential: CredentialReference
    /// The date the finding is about, when it has one (expiry, a proof's creation).
    public var date: Date?

    /// Creates a record; without a `credential`, it refers to `subject` by label only.
    public init(
        check: String, subject: String, status: Status, detail: String, code: CheckCode = .unspecified,
        credential: CredentialReference? = nil, date: Date? = nil
    ) {
        self.check = check
        self.subject = subject
        self.status = status
        self.detail = detail
        self.code = code
        self.credential = credential ?? CredentialReference(label: subject)
        self.date = date
    }
}

/// The three verdicts a parole officer reads.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// Every signature, the structure and the issuer hold; nothing is revoked or expired.
    case valid = "VALID"
    /// Every signature, the structure and the issuer hold, but named embedded items are revoked or expired;
    /// those items do not stand, the rest does.
    case validWithExceptions = "VALID WITH EXCEPTIONS"
    /// A signature, the structure or the issuer fails (or the export itself was withdrawn): do not rely on it.
    case invalid = "INVALID"
}

/// The verdict, with what it rests on.
public enum VerificationResult: Sendable {
    /// Everything holds: the verified credential.
    case valid(VerifiedCredential)
    /// The credential is authentic, but the listed embedded items are revoked or expired.
    case validWithExceptions(VerifiedCredential, [VerificationException])
    /// The failures that mean the credential must not be relied on.
    case invalid([VerificationFailure])

    /// Which of the three verdicts.
    public var verdict: Verdict {
        switch self {
        case .valid: .valid
        case .validWithExceptions: .validWithExceptions
        case .invalid: .invalid
        }
    }

    /// VALID or VALID WITH EXCEPTIONS: every signature, the structure and the issuer hold. Use `verdict` to tell
    /// the two apart.
    public var isValid: Bool { verdict != .invalid }

    /// The verified credential, unless INVALID.
    public var verified: VerifiedCredential? {
        switch self {
        case .valid(let verified), .validWithExceptions(let verified, _): verified
        case .invalid: nil
        }
    }

    /// The items that do not stand (empty unless VALID WITH EXCEPTIONS).
    public var exceptions: [VerificationException] {
        if case .validWithExceptions(_, let exceptions) = self { exceptions } else { [] }
    }

    /// The failed checks (empty unless INVALID).
    public var failures: [VerificationFailure] {
        if case .invalid(let failures) = self { failures } else { [] }
    }
}

/// The verdict together with every check performed (passed, failed, skipped and why) and the summary a
/// verdict line is written from.
public struct CredentialVerification: Sendable {
    /// The verdict with the verified credential, or the failures.
    public var result: VerificationResult
    /// Every check performed, in order: the outer credential's, then each embedded one's.
    public var checks: [CheckRecord]
    /// What a verdict line is written from.
    public var summary: VerificationSummary

    /// Bundles a result with its checks; the summary is derived from them when not given.
    public init(result: VerificationResult, checks: [CheckRecord], summary: VerificationSummary? = nil) {
        self.result = result
        self.checks = checks
        self.summary = summary ?? VerificationSummary(result: result, checks: checks)
    }
}
