import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// What the facility signs with and as: its key ring, the issuer id written into exports and status lists, and
/// the status list URL every `credentialStatus` points at. The two ids come from `issuer.json` (written by
/// `bekal init --issuer-id/--status-list-url`); without it the issuer is the current key's did:key and the list
/// URL is `urn:bekal:status-list:<facility code>:1`.
public struct IssuerSetup: Sendable {
    /// The facility's keys: the current signing key and the retired public keys.
    public var ring: KeyRing
    /// The configured https issuer, or `nil` to issue as the current key's did:key.
    public var configuredIssuerID: String?
    /// Where the facility's status list is published.
    public var statusListURL: String

    /// The current signing key.
    public var key: IssuerKey { ring.current }
    /// The issuer id written into exports.
    public var issuerID: String { configuredIssuerID ?? ring.current.didKey.did }

    /// The status list URL when none is configured.
    public static func defaultStatusListURL(_ facility: Facility) -> String {
        "urn:bekal:status-list:\(facility.code.lowercased()):1"
    }

    /// Whether `text` is an https URL fit for an issuer id or a status list.
    public static func isHTTPSURL(_ text: String) -> Bool {
        text.hasPrefix("https://") && text.count > 8 && !text.contains(where: \.isWhitespace)
    }

    /// Loads the key ring (refusing an insecure key file) and the issuer settings of a data directory.
    /// - Throws: `AppError.notFound` when the directory has no key, `.permission` for a key file others can
    ///   read, `.invalidInput` for a malformed `issuer.json`.
    static func load(_ directory: DataDirectory, facility: Facility) throws -> IssuerSetup {
        // Through `Result`: a `catch` with a condition on a typed-throws call crashes the 6.3 compiler.
        let loaded = Result { () throws(CredentialError) -> KeyRing in try KeyRing.load(from: directory.keys) }
        if case .failure(let error) = loaded, error.code == .keyFileMissing {
            throw AppError(
                .notFound,
                "this data directory has no issuer key (it was initialized before keys existed); run `bekal keys create`",
                cause: error, reason: .noIssuerKey)
        }
        let ring = try loaded.get()
        var setup = IssuerSetup(ring: ring, configuredIssuerID: nil, statusListURL: defaultStatusListURL(facility))
        guard let data = FileManager.default.contents(atPath: directory.issuerSettings.path) else { return setup }
        let name = directory.issuerSettings.lastPathComponent
        guard case .object(let settings)? = try? JSONParser.parse(Array(data)) else {
            throw AppError(.invalidInput, "\(name) in the data directory is not a JSON object")
        }
        if let issuer = settings["issuerID"] {
            guard let text = issuer.stringValue, isHTTPSURL(text) else {
                throw AppError(.invalidInput, "\(name): issuerID must be an https URL")
            }
            setup.configuredIssuerID = text
        }
        if let list = settings["statusListURL"] {
            guard let text = list.stringValue, isHTTPSURL(text) else {
                throw AppError(.invalidInput, "\(name): statusListURL must be an https URL")
            }
            setup.statusListURL = text
        }
        return setup
    }

    /// Writes `issuer.json` (nothing when neither id is set).
    static func saveSettings(_ directory: DataDirectory, issuerID: String?, statusListURL: String?) throws {
        var object = JSONObject()
        if let issuerID { object["issuerID"] = .string(issuerID) }
        if let statusListURL { object["statusListURL"] = .string(statusListURL) }
        guard !object.isEmpty else { return }
        try AtomicFile.write(JSONWriter.serialize(.object(object), pretty: true), to: directory.issuerSettings,
                             replacing: true)
    }

    /// Export options for this facility with the list's indices.
    func exportOptions(includeName: Bool, indices: [String: Int], cryptosuite: ExportCryptosuite) -> ExportOptions {
        ExportOptions(includeName: includeName, issuerID: configuredIssuerID,
                      statusAllocation: StatusAllocation(listURL: statusListURL, indices: indices),
                      cryptosuite: cryptosuite)
    }
}
