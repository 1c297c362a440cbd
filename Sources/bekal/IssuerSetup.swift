import BekalCredentials
import BekalDomain
import BekalJSON
import BekalStore
import Foundation

/// What the facility signs with and as: its key ring, the issuer id written into exports and status lists, and
/// the status list URL every `credentialStatus` points at. The two ids come from `<home>/issuer.json` (written by
/// `bekal init --issuer-id/--status-list-url`); without it the issuer is the current key's did:key and the list
/// URL is `urn:bekal:status-list:<facility code>:1`.
struct IssuerSetup {
    static let fileName = "issuer.json"

    var ring: KeyRing
    /// The configured https issuer, or `nil` to issue as the current key's did:key.
    var configuredIssuerID: String?
    var statusListURL: String

    var key: IssuerKey { ring.current }
    var issuerID: String { configuredIssuerID ?? ring.current.didKey.did }

    static func defaultStatusListURL(_ facility: Facility) -> String {
        "urn:bekal:status-list:\(facility.code.lowercased()):1"
    }

    /// Loads the key ring (refusing an insecure key file) and the issuer settings.
    static func load(home: URL, facility: Facility) throws -> IssuerSetup {
        let ring = try loadRing(home.appendingPathComponent("keys"))
        var setup = IssuerSetup(ring: ring, configuredIssuerID: nil, statusListURL: defaultStatusListURL(facility))
        let url = home.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return setup }
        guard case .object(let settings)? = try? JSONParser.parse(Array(data)) else {
            throw CommandFailure.invalid("\(fileName) in the data directory is not a JSON object")
        }
        if let issuer = settings["issuerID"] {
            guard let text = issuer.stringValue, text.hasPrefix("https://") else {
                throw CommandFailure.invalid("\(fileName): issuerID must be an https URL")
            }
            setup.configuredIssuerID = text
        }
        if let list = settings["statusListURL"] {
            guard let text = list.stringValue, IssuerSetup.isListURL(text) else {
                throw CommandFailure.invalid("\(fileName): statusListURL must be an https URL")
            }
            setup.statusListURL = text
        }
        return setup
    }

    private static func loadRing(_ directory: URL) throws -> KeyRing {
        let result = Result { () throws(CredentialError) -> KeyRing in try KeyRing.load(from: directory) }
        if case .failure(let error) = result, error.code == .keyFileMissing {
            throw CredentialError(
                .keyFileMissing,
                "this data directory has no issuer key (it was initialized before keys existed); run `bekal keys create`")
        }
        return try result.get()
    }

    static func isListURL(_ text: String) -> Bool {
        text.hasPrefix("https://") && text.count > 8 && !text.contains(where: \.isWhitespace)
    }

    /// Writes `<home>/issuer.json` for `bekal init`.
    static func saveSettings(home: URL, issuerID: String?, statusListURL: String?) throws {
        var object = JSONObject()
        if let issuerID { object["issuerID"] = .string(issuerID) }
        if let statusListURL { object["statusListURL"] = .string(statusListURL) }
        guard !object.isEmpty else { return }
        try AtomicFile.write(JSONWriter.serialize(.object(object), pretty: true), to: home.appendingPathComponent(fileName),
                             replacing: true)
    }

    /// Export options for this facility with the indices already handed out.
    func exportOptions(includeName: Bool, indices: [String: Int], cryptosuite: ExportCryptosuite) -> ExportOptions {
        ExportOptions(includeName: includeName, issuerID: configuredIssuerID,
                      statusAllocation: StatusAllocation(listURL: statusListURL, indices: indices),
                      cryptosuite: cryptosuite)
    }
}
