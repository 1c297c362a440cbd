import BekalJSON

/// The credential's `BitstringStatusListEntry` is not set in the status list given for it. A revoked embedded
/// credential is an exception (that item is withdrawn, the rest stands); the export itself revoked fails: its
/// issuer withdrew the whole file. When the bit cannot be read (no list, a list for another URL or issuer, a list
/// that is not authentic) the check says plainly that revocation was NOT checked, and the line after the verdict repeats it.
public struct RevocationPolicy: VerificationPolicy {
    /// The check's name in records and output: `revocation`.
    public let name = "revocation"
    /// Creates the policy; it holds no state.
    public init() {}

    /// Reads the credential's bit in the matching status list; says plainly when revocation could not be checked.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        guard let status = credential.document["credentialStatus"] else {
            return [credential.record(name, .skipped, .noCredentialStatus, "the credential has no credentialStatus")]
        }
        guard status["type"]?.stringValue == "BitstringStatusListEntry",
            let listURL = status["statusListCredential"]?.stringValue,
            let indexText = status["statusListIndex"]?.stringValue, let index = Int(indexText), index >= 0
        else {
            return [credential.record(
                name, .failed, .statusMalformed, "credentialStatus is not a readable BitstringStatusListEntry")]
        }
        let purpose = status["statusPurpose"]?.stringValue ?? "revocation"
        guard purpose == "revocation" else {
            return [credential.record(
                name, .skipped, .statusPurposeNotChecked, "status purpose \(String(purpose.prefix(40))) is not checked")]
        }
        guard let list = context.statusLists.first(where: { $0.contents.id == listURL }) else {
            return context.statusLists.isEmpty
                ? [credential.record(name, .skipped, .noStatusList, "NOT CHECKED: no status list was given (--status-list)")]
                : [credential.record(
                    name, .skipped, .otherStatusList,
                    "NOT CHECKED: none of the given status lists is \(String(listURL.prefix(120)))")]
        }
        if let problem = list.problem {
            return [credential.record(
                name, .skipped, .statusListNotAuthentic, "NOT CHECKED: the status list given is not authentic: \(problem)")]
        }
        guard list.contents.issuer == credential.issuerID else {
            return [credential.record(
                name, .skipped, .statusListOtherIssuer, "NOT CHECKED: the status list given was issued by another issuer")]
        }
        guard let bit = list.contents.list.bit(at: index) else {
            return [credential.record(
                name, .skipped, .statusIndexOutside, "NOT CHECKED: status list index \(index) is outside the list given")]
        }
        guard bit else {
            return [credential.record(name, .passed, .notRevoked, "not revoked (status list index \(index))")]
        }
        return credential.isEmbedded
            ? [credential.record(name, .exception, .revoked, "REVOKED (status list index \(index))")]
            : [credential.record(name, .failed, .revoked, "REVOKED: the issuer withdrew this file (status list index \(index))")]
    }
}
