import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// Where a verifier's trust comes from, as a PK gives it: did:key issuers trusted to sign for themselves, trust
/// lists published by facilities, status lists, and the register number of the person the file should be about.
/// The one loader every front end that verifies uses (`bekal verify`, `bekal render`, the Bapas inbox).
public struct TrustInputs: Sendable {
    /// did:key issuers trusted to sign for themselves.
    public var selfSigningIssuers: [String]
    /// Trust list files; several facilities' lists may be given together.
    public var trustListPaths: [String]
    /// `BitstringStatusListCredential` files.
    public var statusListPaths: [String]
    /// The register number to check the export against, if any.
    public var registerNumber: RegisterNumber?

    /// - Parameters: as given by the PK.
    public init(
        selfSigningIssuers: [String] = [], trustListPaths: [String] = [], statusListPaths: [String] = [],
        registerNumber: RegisterNumber? = nil
    ) {
        self.selfSigningIssuers = selfSigningIssuers
        self.trustListPaths = trustListPaths
        self.statusListPaths = statusListPaths
        self.registerNumber = registerNumber
    }

    /// The verification context at `instant`: trust anchors and status lists loaded and checked.
    /// - Throws: `AppError.usage` for an issuer that is not an Ed25519 did:key, or a trust or status list that
    ///   cannot be read or used (the PK's input, not the export, is wrong).
    public func context(at instant: Date, verifier: CredentialVerifier = CredentialVerifier()) throws(AppError)
        -> VerificationContext
    {
        var anchors = TrustAnchors(selfSigningIssuers: Set(selfSigningIssuers))
        for issuer in selfSigningIssuers where (try? DIDKey(issuer)) == nil {
            throw AppError(.usage, "--issuer: not an Ed25519 did:key", field: "issuer")
        }
        var issuers: [TrustList.Issuer] = []
        for path in trustListPaths {
            do throws(CredentialError) {
                issuers += try TrustList(json: try Self.parse(try Self.read(path))).issuers
            } catch {
                throw AppError(.usage, "the trust list cannot be used: \(error.message)", field: "trust", cause: error)
            }
        }
        if !trustListPaths.isEmpty { anchors.trustList = TrustList(issuers: issuers) }
        var lists: [VerifiedStatusList] = []
        for path in statusListPaths {
            do throws(CredentialError) {
                guard case .object(let document) = try Self.parse(try Self.read(path)) else {
                    throw CredentialError(.statusListMalformed, "not a JSON object")
                }
                lists.append(try verifier.statusList(document, trust: anchors))
            } catch {
                throw AppError(.usage, "a status list cannot be used: \(error.message)", field: "status-list",
                               cause: error)
            }
        }
        return VerificationContext(at: instant, trust: anchors, statusLists: lists, registerNumber: registerNumber)
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
    /// The register number held in a file (safer than a command-line value, which other users can see).
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
}
