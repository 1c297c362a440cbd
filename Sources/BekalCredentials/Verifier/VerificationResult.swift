import BekalJSON
import Foundation

/// A credential as received: parsed, within limits, not yet verified.
public struct UnverifiedCredential: Sendable {
    public let document: JSONObject

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

/// A credential that passed every check. Only `CredentialVerifier` makes one.
public struct VerifiedCredential: Sendable {
    public let document: JSONObject
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
    public var check: String
    public var subject: String
    public var message: String

    public init(check: String, subject: String, message: String) {
        self.check = check
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(check) [\(subject)]: \(message)" }
}

/// One check the verifier ran, and how it ended.
public struct CheckRecord: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case passed, failed, skipped, warning
    }

    /// The policy's name, e.g. `proof`, `issuer-trust`.
    public var check: String
    /// `credential` for the outer document, `embedded[i] <id>` for an embedded one.
    public var subject: String
    public var status: Status
    public var detail: String

    public init(check: String, subject: String, status: Status, detail: String) {
        self.check = check
        self.subject = subject
        self.status = status
        self.detail = detail
    }
}

/// The verdict.
public enum VerificationResult: Sendable {
    case valid(VerifiedCredential)
    case invalid([VerificationFailure])

    public var isValid: Bool { if case .valid = self { true } else { false } }
}

/// The verdict together with every check performed (passed, failed, skipped and why).
public struct CredentialVerification: Sendable {
    public var result: VerificationResult
    public var checks: [CheckRecord]

    public init(result: VerificationResult, checks: [CheckRecord]) {
        self.result = result
        self.checks = checks
    }
}
