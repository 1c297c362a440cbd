import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Foundation

/// A signed export with its readable page, as the web interface offers them for download: the page is the one
/// a parole officer gets from `bekal render`, verified against the facility's own trust list and status list.
public struct ExportDownload: Sendable {
    /// The signed export.
    public var export: SignedExport
    /// The readable, self-contained HTML page of that export, with the verdict.
    public var page: String
    /// The verdict in one sentence naming the facility, in the page's language ("Sah — diterbitkan oleh …").
    public var verdictLine: String
}

/// An evidence file read back from the store, for viewing or download.
public struct EvidenceFile: Sendable {
    /// The file's bytes (checked against their hash).
    public var bytes: Data
    /// The media type its content shows (`image/jpeg`, `application/pdf`, `text/plain`).
    public var mediaType: String
}

extension FacilityApp {
    /// Exports one person (`exportPortfolio`) and renders the export as a parole officer would see it, verified
    /// now against this facility's trust list and current status list.
    public func exportWithPage(
        _ reference: PersonReference, settings: ExportSettings, language: PageLanguage, context: ActionContext
    ) async throws -> ExportDownload {
        let export = try await exportPortfolio(reference, settings: settings, context: context)
        let setup = try await issuerSetup()
        let facility = try await storage.facility()
        // The export itself was authorized: the facility's own lists are read back to check it, not handed out.
        let trustBytes = try FacilityKeys(directory: directory).signedTrustList(
            issuerID: setup.configuredIssuerID, name: facility.name, code: facility.code, now: context.now)
        let statusBytes = try await signedStatusList(now: context.now).bytes
        let verification: CredentialVerification
        do throws(CredentialError) {
            var registry = TrustRegistry()
            try registry.add(try VerifiedTrustList(json: try Self.json(trustBytes), authorities: [], at: context.now))
            let anchors = TrustAnchors(trustList: registry.trustList)
            guard case .object(let status) = try Self.json(statusBytes) else {
                throw CredentialError(.statusListMalformed, "not a JSON object")
            }
            let list = try CredentialVerifier().statusList(status, trust: anchors, at: context.now)
            verification = CredentialVerifier().verify(
                bytes: export.bytes, context: VerificationContext(at: context.now, trust: anchors, statusLists: [list]))
        } catch {
            throw AppError(.storage, "the facility's own trust or status list cannot be read back", cause: error)
        }
        let document = (try? UnverifiedCredential(parsing: export.bytes))?.document ?? JSONObject()
        let view = PortfolioView(export: document, verification: verification, checkedAt: context.now,
                                 evidence: try? EvidenceDirectory(root: directory.evidence))
        return ExportDownload(export: export, page: PortfolioPage(view: view, language: language).html(),
                              verdictLine: VerdictText.sentence(verification.summary, language))
    }

    /// An evidence file by its SHA-256 (as records name it), with the media type its content shows.
    /// - Throws: not found for anything that is not 64 lowercase hex digits naming a stored file (no path is
    ///   ever built from other text), storage when the file no longer matches its hash.
    public func evidenceFile(sha256: String, context: ActionContext) async throws -> EvidenceFile {
        try await authorize(.read, context: context)
        guard sha256.utf8.count == 64, sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw AppError(.notFound, "no evidence file with this name", field: "evidence", reason: .noEvidenceFile) }
        let bytes = try await evidence.contents(of: Evidence(sha256: sha256, mediaType: "", description: "", byteCount: 0))
        return EvidenceFile(bytes: bytes, mediaType: MediaSniffer.mediaType(of: bytes) ?? "application/octet-stream")
    }

    private static func json(_ bytes: [UInt8]) throws(CredentialError) -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch {
            throw CredentialError(.documentMalformed, "not well-formed JSON")
        }
    }
}
