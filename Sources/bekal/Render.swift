import ArgumentParser
import BekalCredentials
import BekalJSON
import BekalRender
import Foundation

/// `bekal render`: the export as a page people can read and print, with the verdict computed now.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Renders a portfolio export as one self-contained, printable HTML page with the verification verdict.",
        discussion: """
            The export is verified first (exactly as `bekal verify` does, offline) and the page opens with the \
            verdict: VALID with the trusted issuer, or INVALID with every failed check by name. The page has no \
            script and makes no request: CSS and the production chart are inline, evidence thumbnails are data: \
            URIs. Exit status: 0 page written and VALID, 1 page written but INVALID, 2 usage error or unreadable \
            input, 6 the page could not be written.
            """)

    @Argument(help: "The export file (JSON).")
    var file: String

    @Option(help: "Where to write the HTML page.")
    var out: String

    @Option(help: "The page's language: id (Bahasa Indonesia, default) or en.")
    var lang: String = PageLanguage.indonesian.rawValue

    @Option(name: .customLong("evidence-dir"), help: "A directory of evidence files named by SHA-256; images whose hash matches become thumbnails.")
    var evidenceDir: String?

    @Option(name: .customLong("issuer"), help: "A did:key issuer trusted to sign for itself. Repeatable.")
    var issuers: [String] = []

    @Option(help: "A trust list (schemas/trust-list.schema.json) binding issuers to keys.")
    var trust: String?

    @Option(name: .customLong("status-list"), help: "A BitstringStatusListCredential file. Repeatable.")
    var statusLists: [String] = []

    @Option(help: "Verify as of this time (YYYY-MM-DDThh:mm:ssZ); default now.")
    var at: String?

    func validate() throws {
        if PageLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be id or en") }
        if let at, Timestamp.parse(at) == nil {
            throw ValidationError("--at must be a date-time with a time zone, e.g. 2026-03-01T00:00:00Z")
        }
    }

    func run() throws {
        let now = at.flatMap(Timestamp.parse) ?? Date()
        let verifier = CredentialVerifier()
        let anchors = try TrustInput.anchors(issuers: issuers, trust: trust)
        let lists = try TrustInput.statusLists(statusLists, verifier: verifier, trust: anchors)
        let context = VerificationContext(at: now, trust: anchors, statusLists: lists)
        guard let bytes = try? Verify.read(file) else {
            throw CommandFailure(status: .usage, message: "cannot read the export file")
        }
        var evidence: EvidenceDirectory?
        do throws(RenderError) {
            if let evidenceDir { evidence = try EvidenceDirectory(root: URL(fileURLWithPath: evidenceDir)) }
        } catch {
            throw CommandFailure(status: .usage, message: error.message)
        }
        let verification = verifier.verify(bytes: bytes, context: context)
        // A file that does not even parse still gets a page: an INVALID banner over nothing.
        let document = (try? UnverifiedCredential(parsing: bytes))?.document ?? JSONObject()
        let view = PortfolioView(export: document, verification: verification, checkedAt: now, evidence: evidence)
        let language = PageLanguage(rawValue: lang) ?? .indonesian
        do throws(RenderError) {
            try PageFile.write(PortfolioPage(view: view, language: language).html(), to: URL(fileURLWithPath: out))
        } catch {
            throw CommandFailure(status: .storage, message: error.message)
        }
        let failures = verification.checks.count { $0.status == .failed }
        print(verification.result.isValid ? "VALID: page written" : "INVALID (\(failures) failed checks): page written")
        if !verification.result.isValid { throw ExitCode(1) }
    }
}

/// Trust anchors and status lists from the command line, shared by commands that verify.
enum TrustInput {
    static func anchors(issuers: [String], trust: String?) throws -> TrustAnchors {
        var anchors = TrustAnchors(selfSigningIssuers: Set(issuers))
        for issuer in issuers where (try? DIDKey(issuer)) == nil {
            throw CommandFailure(status: .usage, message: "--issuer \(issuer.prefix(80)) is not an Ed25519 did:key")
        }
        if let trust {
            do throws(CredentialError) {
                anchors.trustList = try TrustList(json: try Verify.parse(try Verify.read(trust)))
            } catch {
                throw CommandFailure(status: .usage, message: "the trust list cannot be used: \(error.message)")
            }
        }
        return anchors
    }

    static func statusLists(_ paths: [String], verifier: CredentialVerifier, trust: TrustAnchors) throws -> [VerifiedStatusList] {
        var lists: [VerifiedStatusList] = []
        for path in paths {
            do throws(CredentialError) {
                guard case .object(let document) = try Verify.parse(try Verify.read(path)) else {
                    throw CredentialError(.statusListMalformed, "not a JSON object")
                }
                lists.append(try verifier.statusList(document, trust: trust))
            } catch {
                throw CommandFailure(status: .usage, message: "a status list cannot be used: \(error.message)")
            }
        }
        return lists
    }
}
