import BekalDomain
import BekalJSON

/// The subject's hashed register number matches the one given (`--register-number`), and an embedded
/// credential names the same subject as the portfolio around it.
public struct IdentityPolicy: VerificationPolicy {
    public let name = "identity"
    public init() {}

    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        let identifiers = credential.document["credentialSubject"]?["identifier"]?.arrayValue ?? []
        var records: [CheckRecord] = []
        if let container = credential.container {
            let outer = container["credentialSubject"]?["identifier"]?.arrayValue ?? []
            records.append(
                outer == identifiers && !outer.isEmpty
                    ? credential.record(name, .passed, "names the same subject as the portfolio")
                    : credential.record(name, .failed, "names a different subject than the portfolio"))
        }
        guard let registerNumber = context.registerNumber else {
            if !credential.isEmbedded {
                records.append(credential.record(name, .skipped, "no register number given; the subject was not matched"))
            }
            return records
        }
        let hashed = identifiers.filter {
            $0["hashed"]?.boolValue == true && $0["identityType"]?.stringValue == "identifier"
        }
        guard !hashed.isEmpty else {
            records.append(credential.record(name, .failed, "the subject carries no hashed identifier to match"))
            return records
        }
        let matches = hashed.contains { entry in
            guard let hash = entry["identityHash"]?.stringValue, let salt = entry["salt"]?.stringValue else { return false }
            return IdentityHash.matches(registerNumber: registerNumber, identityHash: hash, salt: salt)
        }
        records.append(matches
            ? credential.record(name, .passed, "the register number given matches the subject's identity hash")
            : credential.record(name, .failed, "the register number given does NOT match the subject's identity hash"))
        return records
    }
}
