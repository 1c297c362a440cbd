import BekalDomain
import BekalJSON

/// The export is about the person the reader expects, and, in a Bekal export, an embedded credential names the
/// same subject as the portfolio around it. Other CLRs are not held to that: CLR 2.0 lets each embedded credential
/// identify the learner its own way.
///
/// An export keyed with a verification code is matched with the register number and the code together; an older
/// export (register number only) is matched with the register number and reported as the weaker form. A mismatch
/// fails: the file is not about that person.
public struct IdentityPolicy: VerificationPolicy {
    /// The check's name in records and output: `identity`.
    public let name = "identity"
    /// Creates the policy; it holds no state.
    public init() {}

    /// Compares the credential's hashed subject with the register number (and code) the reader gave; skipped when none was given.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        let identifiers = credential.document["credentialSubject"]?["identifier"]?.arrayValue ?? []
        if let container = credential.container {
            guard ProfilePolicy.declaresBekalProfile(container) else {
                return [credential.record(
                    name, .skipped, .notBekalExport, "not a Bekal export; its subject is not compared with the portfolio's")]
            }
            let outer = container["credentialSubject"]?["identifier"]?.arrayValue ?? []
            // The outer subject is matched with the register number; equal identifiers make that cover this one.
            return outer == identifiers && !outer.isEmpty
                ? [credential.record(name, .passed, .sameSubject, "names the same subject as the portfolio")]
                : [credential.record(name, .failed, .differentSubject, "names a different subject than the portfolio")]
        }
        return [subjectMatch(credential, identifiers, context)]
    }

    private func subjectMatch(
        _ credential: CredentialUnderCheck, _ identifiers: [JSONValue], _ context: VerificationContext
    ) -> CheckRecord {
        let keyed = identifiers.filter { IdentityHash.Form(identityObject: $0) == .registerNumberAndCode }
        let plain = identifiers.filter { IdentityHash.Form(identityObject: $0) == .registerNumberOnly }
        guard let registerNumber = context.registerNumber else {
            return credential.record(name, .skipped, .noRegisterNumber, "no register number given; the subject was not matched")
        }
        if !keyed.isEmpty {
            guard let code = context.verificationCode else {
                return credential.record(
                    name, .skipped, .verificationCodeNeeded,
                    "this export binds the person with their verification code; give it with the register number to match the subject")
            }
            let matches = keyed.contains { entry in
                guard let hash = entry["identityHash"]?.stringValue, let salt = entry["salt"]?.stringValue else { return false }
                return IdentityHash.matches(registerNumber: registerNumber, code: code, identityHash: hash, salt: salt)
            }
            return matches
                ? credential.record(name, .passed, .identityMatched, "the register number and verification code given match the subject's identity hash")
                : credential.record(name, .failed, .identityMismatch, "the register number and verification code given do NOT match the subject's identity hash")
        }
        guard !plain.isEmpty else {
            return credential.record(name, .failed, .noHashedIdentifier, "the subject carries no hashed identifier to match")
        }
        let matches = plain.contains { entry in
            guard let hash = entry["identityHash"]?.stringValue, let salt = entry["salt"]?.stringValue else { return false }
            return IdentityHash.matches(registerNumber: registerNumber, identityHash: hash, salt: salt)
        }
        return matches
            ? credential.record(
                name, .warning, .identityMatchedWeakForm,
                "the register number given matches the subject's identity hash, in the older form without a verification code: anyone holding the file can find the register number by trying numbers")
            : credential.record(name, .failed, .identityMismatch, "the register number given does NOT match the subject's identity hash")
    }
}
