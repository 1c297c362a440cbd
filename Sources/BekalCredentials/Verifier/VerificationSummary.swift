import BekalJSON

/// What a verdict line is written from: the verdict, who issued the file (by the name a trust list gives, not the
/// name the file claims), what it holds, which items do not stand, and what was not checked.
public struct VerificationSummary: Sendable, Hashable {
    /// The issuer as the verifier knows it.
    public struct Issuer: Sendable, Hashable {
        /// The issuer id (a did:key or an https URL).
        public var id: String
        /// The facility's name from the trust list that binds the issuer (trusted), else the name the document
        /// gives itself (`nameIsConfirmed == false`), else `nil`.
        public var name: String?
        /// Whether `name` comes from a trust list rather than from the document.
        public var nameIsConfirmed: Bool
        /// The facility code from the trust list, when it gives one.
        public var facilityCode: String?

        /// An issuer; `nameIsConfirmed` only when `name` comes from a trust list.
        public init(id: String, name: String?, nameIsConfirmed: Bool, facilityCode: String? = nil) {
            self.id = id
            self.name = name
            self.nameIsConfirmed = nameIsConfirmed
            self.facilityCode = facilityCode
        }
    }

    /// The embedded credentials, by kind.
    public struct Contents: Sendable, Hashable {
        /// Competency units assessed Kompeten.
        public var competencies = 0
        /// Certificates of competency.
        public var certificates = 0
        /// Training and production records (one per Bekal export).
        public var records = 0
        /// Embedded credentials of other kinds.
        public var others = 0

        /// No credentials.
        public init() {}
    }

    /// Whether revocation was checked for every credential that carries a status entry.
    public struct RevocationCoverage: Sendable, Hashable {
        /// Credentials whose status bit was read.
        public var checked = 0
        /// Credentials whose status could not be read, by reason (`CheckCode.revocationNotChecked`).
        public var notChecked: [CheckCode: Int] = [:]

        /// Nothing checked, nothing missed.
        public init() {}

        /// True when every status entry was read.
        public var isComplete: Bool { notChecked.isEmpty }
        /// True when no bit at all was read.
        public var isNone: Bool { checked == 0 && !notChecked.isEmpty }
        /// The reasons, most frequent first.
        public var reasons: [CheckCode] {
            notChecked.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }.map(\.key)
        }
    }

    /// The register-number (and verification-code) check.
    public enum IdentityOutcome: Sendable, Hashable {
        /// Register number and verification code match the keyed identity hash.
        case matched
        /// The register number matches an older export's plain salted hash (weaker: it can be recovered from the
        /// file by trying register numbers).
        case matchedWeakForm
        /// The register number (and code) given do not match.
        case mismatch
        /// Not checked, with the reason (`noRegisterNumber`, `verificationCodeNeeded`, `noHashedIdentifier`).
        case notChecked(CheckCode)
    }

    /// Why an INVALID file is invalid, from its failures: a page words its warning by this.
    public enum InvalidCause: Sendable, Hashable {
        /// A signature or the structure fails: the contents may have been altered or forged.
        case alteredOrForged
        /// Signatures hold but the issuer (or the key it used) is not trusted.
        case untrustedIssuer
        /// The export itself was withdrawn by its issuer (its own status bit is set).
        case withdrawn
        /// A validity period or proof time does not hold at the time of the check.
        case outsideValidity
        /// The file is about another person than the register number (and code) given.
        case otherPerson
        /// Not readable JSON within limits, or more proofs than the verifier checks.
        case unreadable
    }

    /// VALID, VALID WITH EXCEPTIONS or INVALID.
    public var verdict: Verdict
    /// The issuer as the verifier knows it (`nil` when the document names none).
    public var issuer: Issuer?
    /// What the export embeds, by kind.
    public var contents: Contents
    /// The items that do not stand (VALID WITH EXCEPTIONS).
    public var exceptions: [VerificationException]
    /// The failed checks (INVALID).
    public var failures: [VerificationFailure]
    /// Whether every status bit could be read.
    public var revocation: RevocationCoverage
    /// The register-number (and code) check.
    public var identity: IdentityOutcome
    /// Set when INVALID.
    public var invalidCause: InvalidCause?

    /// The summary of `result` and `checks`; `issuer` as the verifier resolved it.
    public init(result: VerificationResult, checks: [CheckRecord], issuer: Issuer? = nil) {
        verdict = result.verdict
        self.issuer = issuer
        exceptions = result.exceptions
        failures = result.failures
        contents = Contents()
        var counted = Set<Int>()
        revocation = RevocationCoverage()
        identity = .notChecked(.noRegisterNumber)
        for check in checks {
            if let index = check.credential.index, counted.insert(index).inserted {
                switch check.credential.kind {
                case .competency: contents.competencies += 1
                case .certificate: contents.certificates += 1
                case .record: contents.records += 1
                case .export, .other: contents.others += 1
                }
            }
            if check.check == "revocation" {
                if CheckCode.revocationNotChecked.contains(check.code) {
                    revocation.notChecked[check.code, default: 0] += 1
                } else if check.code == .notRevoked || check.code == .revoked {
                    revocation.checked += 1
                }
            }
            if check.check == "identity", check.credential.index == nil {
                switch check.code {
                case .identityMatched: identity = .matched
                case .identityMatchedWeakForm: identity = .matchedWeakForm
                case .identityMismatch: identity = .mismatch
                case .verificationCodeNeeded, .noHashedIdentifier, .noRegisterNumber: identity = .notChecked(check.code)
                default: break
                }
            }
        }
        invalidCause = verdict == .invalid ? Self.cause(of: failures) : nil
    }

    /// The gravest cause among the failures: a forgery outweighs an untrusted issuer, which outweighs the rest.
    static func cause(of failures: [VerificationFailure]) -> InvalidCause {
        let causes = failures.map { failure -> InvalidCause in
            switch failure.check {
            case "well-formed": .unreadable
            case "proof" where failure.code == .tooManyProofs: .unreadable
            case "proof", "profile": .alteredOrForged
            case "issuer-trust": .untrustedIssuer
            // No key trusted for the issuer to judge the checkpoint by: `issuer-trust` fails for the same reason.
            case "ledger-log" where failure.code == .checkpointIssuerUntrusted: .untrustedIssuer
            case "revocation" where failure.code == .revoked: .withdrawn
            case "revocation": .alteredOrForged
            case "validity", "proof-time": .outsideValidity
            case "identity" where failure.code == .identityMismatch: .otherPerson
            case "identity": .alteredOrForged
            default: .alteredOrForged
            }
        }
        let order: [InvalidCause] = [.unreadable, .alteredOrForged, .untrustedIssuer, .withdrawn, .outsideValidity, .otherPerson]
        return order.first { causes.contains($0) } ?? .alteredOrForged
    }
}
