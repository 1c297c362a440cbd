import BekalCredentials
import BekalDomain
import Foundation

extension FacilityApp {
    /// A person's identity verification code: the one issued (at admission, or first export), else a new one
    /// issued now (`person.verification-code-issued`). Exports key the person's identity hash with it; the person
    /// gives it to a PK, who confirms the export with register number and code.
    public func verificationCode(of reference: PersonReference, context: ActionContext) async throws -> VerificationCode {
        let person = try await storage.person(reference)
        if let stored = try await storage.verificationCode(of: person.id) {
            do throws(CredentialError) {
                return try VerificationCode(stored)
            } catch {
                throw AppError(.storage, "the stored verification code cannot be read", cause: error)
            }
        }
        var random = SystemRandomNumberGenerator()
        let code = VerificationCode.generate(using: &random)
        _ = try await record(context: context) { _ in
            .verificationCodeIssued(VerificationCodeIssue(personID: person.id, code: code.canonical))
        }
        return code
    }

    /// The payload that issues a new code, for use cases that issue one in the same transaction as a record.
    static func newVerificationCode(for personID: UUID) -> (VerificationCode, LedgerPayload) {
        var random = SystemRandomNumberGenerator()
        let code = VerificationCode.generate(using: &random)
        return (code, .verificationCodeIssued(VerificationCodeIssue(personID: personID, code: code.canonical)))
    }
}
