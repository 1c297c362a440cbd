import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Foundation

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
            Exit status: 0 VALID or VALID WITH EXCEPTIONS, 1 INVALID, 2 usage error or unreadable input \
            (with --json, as a JSON object with an error).
            """)

    @Argument(help: "The credential file (JSON).")
    var file: String

    @OptionGroup var trustOptions: TrustOptions

    @OptionGroup var identity: IdentityOptions

    @Flag(help: "Print the report (and errors) as JSON.")
    var json = false

    @Option(help: "Verify as of this time (YYYY-MM-DDThh:mm:ssZ); default now.")
    var at: String?

    func run() throws {
        do {
            try verify()
        } catch let failure as CommandFailure where json {
            print(VerificationReport.jsonError(failure.message, status: failure.status))
            throw ExitCode(failure.status.rawValue)
        }
    }

    private func verify() throws {
        // Checked here rather than in validate() so a usage error exits 2, like unreadable input.
        if let at, Timestamp.parse(at) == nil {
            throw CommandFailure(status: .usage, message: "--at must be a date-time with a time zone, e.g. 2026-03-01T00:00:00Z")
        }
        let now = at.flatMap(Timestamp.parse) ?? Date()
        let verifier = CredentialVerifier()
        let anchors = try trustOptions.anchors()
        let lists = try TrustInput.statusLists(trustOptions.statusLists, verifier: verifier, trust: anchors, at: Date())
        let context = VerificationContext(
            at: now, trust: anchors, statusLists: lists, registerNumber: try identity.readRegisterNumber(),
            verificationCode: try identity.readVerificationCode())
        guard let bytes = try? Self.read(file) else {
            throw CommandFailure(status: .usage, message: "cannot read \(file)")
        }
        let verification = verifier.verify(bytes: bytes, context: context)
        print(json ? VerificationReport.json(verification) : VerificationReport.text(verification))
        if verification.result.verdict == .invalid { throw ExitCode(1) }
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
}

/// Whom the reader expects the export to be about: the register number and the person's verification code,
/// from files or the environment (an argument value would show in the process list).
struct IdentityOptions: ParsableArguments {
    @Option(name: .customLong("register-number"), help: "The person's register number (visible to other users of this machine; prefer --register-number-file or $BEKAL_REGISTER_NUMBER).")
    var registerNumber: String?

    @Option(name: .customLong("register-number-file"), help: "A file holding the person's register number.")
    var registerNumberFile: String?

    @Option(name: .customLong("verification-code-file"), help: "A file holding the person's verification code (or set $BEKAL_VERIFICATION_CODE).")
    var verificationCodeFile: String?

    func readRegisterNumber() throws -> RegisterNumber? {
        if registerNumber != nil && registerNumberFile != nil {
            throw CommandFailure(status: .usage, message: "give the register number once: --register-number or --register-number-file")
        }
        var raw: String?
        if let registerNumber {
            FileHandle.standardError.write(Data("warning: --register-number is visible in the process list and shell history; prefer --register-number-file or BEKAL_REGISTER_NUMBER\n".utf8))
            raw = registerNumber
        } else if let registerNumberFile {
            guard let text = try? String(contentsOfFile: registerNumberFile, encoding: .utf8) else {
                throw CommandFailure(status: .usage, message: "cannot read the register number file")
            }
            raw = text
        } else if let env = ProcessInfo.processInfo.environment["BEKAL_REGISTER_NUMBER"] {
            raw = env
        }
        guard let raw else { return nil }
        guard let value = RegisterNumber(raw) else { throw CommandFailure(status: .usage, message: "the register number is empty") }
        return value
    }

    func readVerificationCode() throws -> VerificationCode? {
        var raw: String?
        if let verificationCodeFile {
            guard let text = try? String(contentsOfFile: verificationCodeFile, encoding: .utf8) else {
                throw CommandFailure(status: .usage, message: "cannot read the verification code file")
            }
            raw = text
        } else if let env = ProcessInfo.processInfo.environment["BEKAL_VERIFICATION_CODE"], !env.isEmpty {
            raw = env
        }
        guard let raw else { return nil }
        do throws(CredentialError) {
            return try VerificationCode(raw)
        } catch {
            throw CommandFailure(status: .usage, message: error.message)
        }
    }
}

/// The verifier's report: the verdict in one line naming the facility, what was not checked, the items that do
/// not stand or the checks that failed, then a line per check; or JSON for machines.
enum VerificationReport {
    static func text(_ verification: CredentialVerification) -> String {
        let summary = verification.summary
        var lines = ["\(summary.verdict.rawValue) — \(VerdictText.body(summary, .english))"]
        if let note = VerdictText.revocationNote(summary, .english) { lines.append(note) }
        if case .notChecked = summary.identity {} else { lines.append(VerdictText.identity(summary.identity, .english)) }
        if !summary.exceptions.isEmpty {
            lines.append("Items that no longer stand:")
            lines += summary.exceptions.map { "  \(VerdictText.credential($0.credential, .english)): \($0.message)" }
        }
        if !summary.failures.isEmpty {
            lines.append("Failed checks:")
            lines += summary.failures.map { "  \($0.check) — \(VerdictText.credential($0.credential, .english)): \($0.message)" }
        }
        lines.append("Checks:")
        lines += verification.checks.map { check in
            let mark = switch check.status {
            case .passed: "PASS"
            case .failed: "FAIL"
            case .skipped: "SKIP"
            case .warning: "WARN"
            case .exception: "EXCP"
            }
            return "\(mark)  \(check.check)  [\(check.subject)]  \(check.detail)"
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ verification: CredentialVerification) -> String {
        let summary = verification.summary
        let checks: [JSONValue] = verification.checks.map {
            [
                "check": .string($0.check), "subject": .string($0.subject), "status": .string($0.status.rawValue),
                "code": .string($0.code.rawValue), "detail": .string($0.detail), "credential": credential($0.credential),
            ]
        }
        var issuer = JSONObject()
        if let known = summary.issuer {
            issuer["id"] = .string(known.id)
            if let name = known.name { issuer["name"] = .string(name) }
            issuer["nameConfirmed"] = .bool(known.nameIsConfirmed)
            if let code = known.facilityCode { issuer["facilityCode"] = .string(code) }
        }
        let identity: String = switch summary.identity {
        case .matched: "matched"
        case .matchedWeakForm: "matched-weak-form"
        case .mismatch: "mismatch"
        case .notChecked(let code): "not-checked: \(code.rawValue)"
        }
        let value: JSONValue = [
            "verdict": .string(summary.verdict.rawValue),
            "sentence": .string("\(summary.verdict.rawValue) — \(VerdictText.body(summary, .english))"),
            "issuer": .object(issuer),
            "contents": [
                "competencies": .number(Double(summary.contents.competencies)),
                "certificates": .number(Double(summary.contents.certificates)),
                "records": .number(Double(summary.contents.records)),
            ],
            "revocation": [
                "checked": .number(Double(summary.revocation.checked)),
                "notChecked": .object(JSONObject(summary.revocation.reasons.map {
                    ($0.rawValue, .number(Double(summary.revocation.notChecked[$0] ?? 0)))
                })),
            ],
            "identity": .string(identity),
            "exceptions": .array(summary.exceptions.map { exception in
                let kind: JSONValue = switch exception.kind {
                case .revoked: "revoked"
                case .expired: "expired"
                }
                return ["kind": kind, "credential": credential(exception.credential), "message": .string(exception.message)]
            }),
            "failures": .array(summary.failures.map {
                [
                    "check": .string($0.check), "code": .string($0.code.rawValue), "credential": credential($0.credential),
                    "message": .string($0.message),
                ]
            }),
            "checks": .array(checks),
        ]
        return String(decoding: JSONWriter.serialize(value, pretty: true), as: UTF8.self)
    }

    /// `{"verdict": null, "error": {...}}`: an input the verifier could not start on, for `--json` readers.
    static func jsonError(_ message: String, status: ExitStatus) -> String {
        let value: JSONValue = ["verdict": .null, "error": ["message": .string(message), "exitCode": .number(Double(status.rawValue))]]
        return String(decoding: JSONWriter.serialize(value, pretty: true), as: UTF8.self)
    }

    private static func credential(_ reference: CredentialReference) -> JSONValue {
        var object = JSONObject([("kind", .string(reference.kind.rawValue)), ("label", .string(reference.label))])
        if let id = reference.id { object["id"] = .string(id) }
        if let index = reference.index { object["index"] = .number(Double(index)) }
        if let code = reference.unitCode { object["unitCode"] = .string(code) }
        if let scheme = reference.scheme { object["scheme"] = .string(scheme) }
        if let number = reference.certificateNumber { object["certificateNumber"] = .string(number) }
        return .object(object)
    }
}
