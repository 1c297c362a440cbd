import BekalDomain
import Foundation
import ArgumentParser
import BekalApp
import BekalCredentials

/// `bekal verify`: the parole officer's offline check of an export.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verifies a signed credential or portfolio export offline.",
        discussion: """
            Checks that the JSON is well-formed, every proof (outer and embedded; eddsa-rdfc-2022 or eddsa-jcs-2022, \
            alone or as a proof set) verifies and was made in time, the issuer is trusted \
            and its key was valid when it signed, the validity dates hold, no credential is revoked in the status \
            lists given, and, when a register number (and the person's verification code) is given, that the \
            export belongs to that person. The verdict comes first: VALID, VALID WITH EXCEPTIONS (revoked or \
            expired items named; the rest stands) or INVALID; the checks follow. \
            Exit status: 0 VALID or VALID WITH EXCEPTIONS, 1 INVALID, 2 usage error, 3 the file does not exist \
            or cannot be read (with --json, errors are a JSON object with an error).
            """)

    @Argument(help: "The credential file (JSON).") var file: String
    @OptionGroup var trust: TrustOptions
    @Flag(help: "Print the report (and errors) as JSON.") var json = false

    func run() throws {
        let verification: CredentialVerification
        do {
            verification = try PortfolioCheck.verify(fileAtPath: file, context: try trust.context())
        } catch where json {
            let failure = AppError(error)
            let status = ExitStatus(failure.code).rawValue
            print(VerificationReport.jsonError(failure, exitCode: status))
            throw ExitCode(status)
        }
        print(json ? VerificationReport.json(verification) : VerificationReport.text(verification))
        if verification.result.verdict == .invalid { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
    }
}
