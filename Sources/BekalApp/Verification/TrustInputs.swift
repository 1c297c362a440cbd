import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// Where a verifier's trust comes from, as a PK gives it: did:key issuers trusted to sign for themselves,
/// facilities' trust lists (merged in a `TrustRegistry`, which refuses a look-alike), authorities trusted to sign
/// trust lists, status lists, and whom the file should be about. The one loader every front end that verifies
/// uses (`bekal verify`, `bekal render`, the Bapas inbox).
public struct TrustInputs: Sendable {
    /// did:key issuers trusted to sign for themselves.
    public var selfSigningIssuers: [String]
    /// Trust list files, one per facility.
    public var trustListPaths: [String]
    /// did:keys trusted to sign facilities' trust lists (e.g. the regional office).
    public var authorities: [String]
    /// `BitstringStatusListCredential` files.
    public var statusListPaths: [String]
    /// The register number to check the export against, if any.
    public var registerNumber: RegisterNumber?
    /// The person's verification code, for exports that bind it.
    public var verificationCode: VerificationCode?

    /// - Parameters: as given by the PK.
    public init(
        selfSigningIssuers: [String] = [], trustListPaths: [String] = [], authorities: [String] = [],
        statusListPaths: [String] = [], registerNumber: RegisterNumber? = nil,
        verificationCode: VerificationCode? = nil
    ) {
        self.selfSigningIssuers = selfSigningIssuers
        self.trustListPaths = trustListPaths
        self.authorities = authorities
        self.statusListPaths = statusListPaths
        self.registerNumber = registerNumber
        self.verificationCode = verificationCode
    }

    /// The verification context: trust anchors and status lists loaded and checked.
    /// - Parameters:
    ///   - instant: the time the export is verified as of.
    ///   - readAt: when the lists are read (the clock): a signed trust or status list's own proof is checked then,
    ///     since a list fetched today may postdate `instant`.
    /// - Throws: `AppError.usage` for an issuer that is not an Ed25519 did:key, or a list that cannot be read or
    ///   used (the PK's input, not the export, is wrong).
    public func context(at instant: Date, readAt: Date) throws(AppError) -> VerificationContext {
        var anchors = TrustAnchors(selfSigningIssuers: Set(selfSigningIssuers))
        for issuer in selfSigningIssuers where (try? DIDKey(issuer)) == nil {
            throw AppError(.usage, "--issuer: not an Ed25519 did:key", field: "issuer")
        }
        var trusted: [TrustListAuthority] = []
        for did in authorities {
            guard let key = try? DIDKey(did) else {
                throw AppError(.usage, "--trust-authority: not an Ed25519 did:key", field: "trust-authority")
            }
            trusted.append(TrustListAuthority(
                name: key.did, key: KeyValidity(didKey: key, validFrom: .distantPast, validUntil: nil)))
        }
        if !trustListPaths.isEmpty {
            var registry = TrustRegistry()
            for path in trustListPaths {
                do throws(CredentialError) {
                    try registry.add(try VerifiedTrustList(
                        json: try Self.parse(try Self.read(path)), authorities: trusted, at: readAt))
                } catch {
                    throw AppError(.usage, "a trust list cannot be used: \(error.message)", field: "trust", cause: error)
                }
            }
            anchors.trustList = registry.trustList
        }
        let verifier = CredentialVerifier()
        var lists: [VerifiedStatusList] = []
        for path in statusListPaths {
            do throws(CredentialError) {
                guard case .object(let document) = try Self.parse(try Self.read(path)) else {
                    throw CredentialError(.statusListMalformed, "not a JSON object")
                }
                lists.append(try verifier.statusList(document, trust: anchors, at: readAt))
            } catch {
                throw AppError(.usage, "a status list cannot be used: \(error.message)", field: "status-list",
                               cause: error)
            }
        }
        return VerificationContext(
            at: instant, trust: anchors, statusLists: lists, registerNumber: registerNumber,
            verificationCode: verificationCode)
    }

    /// The bytes of a file the verifier was given.
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

extension TrustInputs {
    /// A register number read from a file (safer than a command-line value, which other users can see).
    public static func registerNumber(fromFile path: String) throws(AppError) -> RegisterNumber {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AppError(.usage, "cannot read the register number file", field: "register-number-file")
        }
        return try registerNumber(text)
    }

    /// A register number typed or read from the environment.
    public static func registerNumber(_ text: String) throws(AppError) -> RegisterNumber {
        guard let value = RegisterNumber(text) else {
            throw AppError(.usage, "the register number is empty", field: "register-number")
        }
        return value
    }

    /// A verification code read from a file.
    public static func verificationCode(fromFile path: String) throws(AppError) -> VerificationCode {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AppError(.usage, "cannot read the verification code file", field: "verification-code-file")
        }
        return try verificationCode(text)
    }

    /// A verification code as typed (case, spaces and dashes ignored).
    public static func verificationCode(_ text: String) throws(AppError) -> VerificationCode {
        do throws(CredentialError) {
            return try VerificationCode(text)
        } catch {
            throw AppError(.usage, error.message, field: "verification-code", cause: error)
        }
    }
}
