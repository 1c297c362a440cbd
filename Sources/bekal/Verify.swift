import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// `bekal verify`: the parole officer's offline check of an export.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verifies a signed credential or portfolio export offline.",
        discussion: """
            Checks that the JSON is well-formed, every proof (outer and embedded) verifies, the issuer is trusted \
            and its key was valid when it signed, the validity dates hold, no credential is revoked in the status \
            lists given, and, when a register number is given, that the export belongs to that person. \
            Exit status: 0 VALID, 1 INVALID, 2 usage error or unreadable input.
            """)

    @Argument(help: "The credential file (JSON).")
    var file: String

    @Option(name: .customLong("issuer"), help: "A did:key issuer trusted to sign for itself. Repeatable.")
    var issuers: [String] = []

    @Option(help: "A trust list (schemas/trust-list.schema.json) binding issuers to keys.")
    var trust: String?

    @Option(name: .customLong("status-list"), help: "A BitstringStatusListCredential file. Repeatable.")
    var statusLists: [String] = []

    @Option(name: .customLong("register-number"), help: "The person's register number (visible to other users of this machine; prefer --register-number-file or $BEKAL_REGISTER_NUMBER).")
    var registerNumber: String?

    @Option(name: .customLong("register-number-file"), help: "A file holding the person's register number.")
    var registerNumberFile: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Verify as of this time (YYYY-MM-DDThh:mm:ssZ); default now.")
    var at: String?

    func run() throws {
        // Checked here rather than in validate() so a usage error exits 2, like unreadable input.
        if let at, Timestamp.parse(at) == nil {
            throw usage("--at must be a date-time with a time zone, e.g. 2026-03-01T00:00:00Z")
        }
        if registerNumber != nil && registerNumberFile != nil {
            throw usage("give the register number once: --register-number or --register-number-file")
        }
        let now = at.flatMap(Timestamp.parse) ?? Date()
        let verifier = CredentialVerifier()
        var anchors = TrustAnchors(selfSigningIssuers: Set(issuers))
        for issuer in issuers where (try? DIDKey(issuer)) == nil {
            throw usage("--issuer \(issuer.prefix(80)) is not an Ed25519 did:key")
        }
        if let trust {
            switch Result(catching: { () throws(CredentialError) -> TrustList in
                try TrustList(json: try Self.parse(try Self.read(trust)))
            }) {
            case .success(let list): anchors.trustList = list
            case .failure(let error): throw usage("the trust list cannot be used: \(error.message)")
            }
        }
        var lists: [VerifiedStatusList] = []
        for path in statusLists {
            let trustNow = anchors
            switch Result(catching: { () throws(CredentialError) -> VerifiedStatusList in
                guard case .object(let document) = try Self.parse(try Self.read(path)) else {
                    throw CredentialError(.statusListMalformed, "not a JSON object")
                }
                return try verifier.statusList(document, trust: trustNow)
            }) {
            case .success(let list): lists.append(list)
            case .failure(let error): throw usage("the status list \(path) cannot be used: \(error.message)")
            }
        }
        let register = try registerNumberValue()
        let context = VerificationContext(at: now, trust: anchors, statusLists: lists, registerNumber: register)

        guard let bytes = try? Self.read(file) else { throw usage("cannot read \(file)") }
        let verification = verifier.verify(bytes: bytes, context: context)
        print(json ? VerificationReport.json(verification) : VerificationReport.text(verification))
        if !verification.result.isValid { throw ExitCode(1) }
    }

    private func registerNumberValue() throws -> RegisterNumber? {
        var raw: String?
        if let registerNumber {
            FileHandle.standardError.write(Data("warning: --register-number is visible in the process list and shell history; prefer --register-number-file or BEKAL_REGISTER_NUMBER\n".utf8))
            raw = registerNumber
        } else if let registerNumberFile {
            guard let text = try? String(contentsOfFile: registerNumberFile, encoding: .utf8) else {
                throw usage("cannot read the register number file")
            }
            raw = text
        } else if let env = ProcessInfo.processInfo.environment["BEKAL_REGISTER_NUMBER"] {
            raw = env
        }
        guard let raw else { return nil }
        guard let value = RegisterNumber(raw) else { throw usage("the register number is empty") }
        return value
    }

    static func read(_ path: String) throws(CredentialError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialError(.documentMalformed, "the file cannot be read")
        }
        return Array(data)
    }

    static func parse(_ bytes: [UInt8]) throws(CredentialError) -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch {
            throw CredentialError(.documentMalformed, "not well-formed JSON: \(error)")
        }
    }

    private func usage(_ message: String) -> any Error {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(2)
    }
}

/// The verifier's report: a line per check and a verdict, or JSON for machines.
enum VerificationReport {
    static func text(_ verification: CredentialVerification) -> String {
        var lines = verification.checks.map { check in
            let mark = switch check.status {
            case .passed: "PASS"
            case .failed: "FAIL"
            case .skipped: "SKIP"
            case .warning: "WARN"
            }
            return "\(mark)  \(check.check)  [\(check.subject)]  \(check.detail)"
        }
        switch verification.result {
        case .valid(let verified):
            lines.append("VALID: issued by \(verified.issuerID); \(verified.embeddedCount) embedded credential(s) verified")
        case .invalid(let failures):
            lines.append("INVALID: \(failures.count) check(s) failed")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ verification: CredentialVerification) -> String {
        let checks: [JSONValue] = verification.checks.map {
            ["check": .string($0.check), "subject": .string($0.subject), "status": .string($0.status.rawValue), "detail": .string($0.detail)]
        }
        let value: JSONValue = [
            "verdict": .string(verification.result.isValid ? "VALID" : "INVALID"),
            "checks": .array(checks),
        ]
        return String(decoding: JSONWriter.serialize(value, pretty: true), as: UTF8.self)
    }
}
