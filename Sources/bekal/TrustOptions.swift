import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

/// Trust anchors, status lists and whom the file should be about, for the commands that verify. The register
/// number and verification code come from files or the environment: an argument value shows in the process list.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("issuer"), help: "A did:key issuer trusted to sign for itself. Repeatable.")
    var issuers: [String] = []

    @Option(name: .customLong("trust"), help: "A facility's trust list (a signed list's signature is checked). Repeatable, one per facility.")
    var trustLists: [String] = []

    @Option(name: .customLong("trust-authority"), help: "A did:key trusted to sign facilities' trust lists (e.g. the regional office). Repeatable.")
    var authorities: [String] = []

    @Option(name: .customLong("status-list"), help: "A BitstringStatusListCredential file. Repeatable.")
    var statusLists: [String] = []

    @Option(name: .customLong("register-number"), help: "The person's register number (visible to other users of this machine; prefer --register-number-file or $BEKAL_REGISTER_NUMBER).")
    var registerNumber: String?

    @Option(name: .customLong("register-number-file"), help: "A file holding the person's register number.")
    var registerNumberFile: String?

    @Option(name: .customLong("verification-code-file"), help: "A file holding the person's verification code (or set $BEKAL_VERIFICATION_CODE).")
    var verificationCodeFile: String?

    @Option(help: "Verify as of this time (YYYY-MM-DDThh:mm:ssZ); default now.")
    var at: String?

    /// The verification context; signed lists are checked at the time of reading, not at `--at`.
    func context() throws -> VerificationContext {
        let now = try WallClock.now()
        var instant = now
        if let at {
            guard let parsed = Timestamp.parse(at) else {
                throw AppError(.usage, "--at must be a date-time with a time zone, e.g. 2026-03-01T00:00:00Z")
            }
            instant = parsed
        }
        let inputs = TrustInputs(
            selfSigningIssuers: issuers, trustListPaths: trustLists, authorities: authorities,
            statusListPaths: statusLists, registerNumber: try readRegisterNumber(),
            verificationCode: try readVerificationCode())
        return try inputs.context(at: instant, readAt: now)
    }

    private func readRegisterNumber() throws -> RegisterNumber? {
        if registerNumber != nil && registerNumberFile != nil {
            throw AppError(.usage, "give the register number once: --register-number or --register-number-file")
        }
        if let registerNumber {
            Output.warning("--register-number is visible in the process list and shell history; prefer --register-number-file or BEKAL_REGISTER_NUMBER")
            return try TrustInputs.registerNumber(registerNumber)
        }
        if let registerNumberFile { return try TrustInputs.registerNumber(fromFile: registerNumberFile) }
        return try Environment.value("BEKAL_REGISTER_NUMBER").map { text throws(AppError) in
            try TrustInputs.registerNumber(text)
        }
    }

    private func readVerificationCode() throws -> VerificationCode? {
        if let verificationCodeFile { return try TrustInputs.verificationCode(fromFile: verificationCodeFile) }
        guard let text = Environment.value("BEKAL_VERIFICATION_CODE"), !text.isEmpty else { return nil }
        return try TrustInputs.verificationCode(text)
    }
}
