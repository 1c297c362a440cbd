import BekalJSON
/// The credential's `BitstringStatusListEntry` is not set in the status list given for it. Without a list the
/// check says so plainly: revocation was not checked.
public struct RevocationPolicy: VerificationPolicy {
    public let name = "revocation"
    public init() {}

    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        guard let status = credential.document["credentialStatus"] else {
            return [credential.record(name, .skipped, "the credential has no credentialStatus")]
        }
        guard status["type"]?.stringValue == "BitstringStatusListEntry",
            let listURL = status["statusListCredential"]?.stringValue,
            let indexText = status["statusListIndex"]?.stringValue, let index = Int(indexText), index >= 0
        else { return [credential.record(name, .failed, "credentialStatus is not a readable BitstringStatusListEntry")] }
        let purpose = status["statusPurpose"]?.stringValue ?? "revocation"
        guard purpose == "revocation" else {
            return [credential.record(name, .skipped, "status purpose \(String(purpose.prefix(40))) is not checked")]
        }
        guard let list = context.statusLists.first(where: { $0.contents.id == listURL }) else {
            return [credential.record(name, .skipped, context.statusLists.isEmpty
                ? "NOT CHECKED: no status list was given (--status-list)"
                : "NOT CHECKED: none of the given status lists is \(String(listURL.prefix(120)))")]
        }
        if let problem = list.problem {
            return [credential.record(name, .failed, "the status list is not authentic: \(problem)")]
        }
        guard list.contents.issuer == credential.issuerID else {
            return [credential.record(name, .failed, "the status list was issued by another issuer")]
        }
        guard let bit = list.contents.list.bit(at: index) else {
            return [credential.record(name, .failed, "status list index \(index) is outside the list")]
        }
        return bit
            ? [credential.record(name, .failed, "REVOKED (status list index \(index))")]
            : [credential.record(name, .passed, "not revoked (status list index \(index))")]
    }
}
