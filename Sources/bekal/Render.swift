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
            verdict in one sentence naming the facility: VALID, VALID WITH EXCEPTIONS (withdrawn or expired items \
            marked on their rows) or INVALID (the failing credential's row marked). The page has no \
            script and makes no request: CSS and the production chart are inline, evidence thumbnails are data: \
            URIs. Exit status: 0 page written and VALID or VALID WITH EXCEPTIONS, 1 page written but INVALID, 2 \
            usage error or unreadable input, 6 the page could not be written.
            """)

    @Argument(help: "The export file (JSON).")
    var file: String

    @Option(help: "Where to write the HTML page.")
    var out: String

    @Option(help: "The page's language: id (Bahasa Indonesia, default) or en.")
    var lang: String = PageLanguage.indonesian.rawValue

    @Option(name: .customLong("evidence-dir"), help: "A directory of evidence files named by SHA-256; images whose hash matches become thumbnails.")
    var evidenceDir: String?

    @OptionGroup var trustOptions: TrustOptions

    @OptionGroup var identity: IdentityOptions

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
        let anchors = try trustOptions.anchors()
        let lists = try TrustInput.statusLists(trustOptions.statusLists, verifier: verifier, trust: anchors, at: Date())
        let context = VerificationContext(
            at: now, trust: anchors, statusLists: lists, registerNumber: try identity.readRegisterNumber(),
            verificationCode: try identity.readVerificationCode())
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
        print("\(verification.summary.verdict.rawValue) — \(VerdictText.body(verification.summary, .english)) Page written.")
        if verification.result.verdict == .invalid { throw ExitCode(1) }
    }
}

/// Trust anchors and status lists from the command line, shared by commands that verify.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("issuer"), help: "A did:key issuer trusted to sign for itself. Repeatable.")
    var issuers: [String] = []

    @Option(name: .customLong("trust"), help: "A trust list (schemas/trust-list.schema.json) binding a facility's issuers to keys; a signed list's signature is checked. Repeatable, one per facility.")
    var trustLists: [String] = []

    @Option(name: .customLong("trust-authority"), help: "A did:key trusted to sign facilities' trust lists (e.g. the regional office). Repeatable.")
    var authorities: [String] = []

    @Option(name: .customLong("status-list"), help: "A BitstringStatusListCredential file. Repeatable.")
    var statusLists: [String] = []

    /// The trust anchors; a signed trust list's own proof is checked at the time of reading (the clock), not at
    /// `--at`: a list fetched today may be signed after the time an export is verified as of.
    func anchors() throws -> TrustAnchors {
        try TrustInput.anchors(issuers: issuers, trustLists: trustLists, authorities: authorities, at: Date())
    }
}

enum TrustInput {
    /// The `--issuer` keys and the trust lists, merged in a `TrustRegistry` (a look-alike or a key claimed by two
    /// facilities is refused), each signed list checked at `now`.
    static func anchors(issuers: [String], trustLists: [String], authorities: [String], at now: Date) throws -> TrustAnchors {
        var anchors = TrustAnchors(selfSigningIssuers: Set(issuers))
        for issuer in issuers where (try? DIDKey(issuer)) == nil {
            throw CommandFailure(status: .usage, message: "--issuer \(issuer.prefix(80)) is not an Ed25519 did:key")
        }
        let trusted = try authorities.map { did in
            guard let key = try? DIDKey(did) else {
                throw CommandFailure(status: .usage, message: "--trust-authority \(did.prefix(80)) is not an Ed25519 did:key")
            }
            return TrustListAuthority(name: key.did, key: KeyValidity(didKey: key, validFrom: .distantPast, validUntil: nil))
        }
        guard !trustLists.isEmpty else { return anchors }
        var registry = TrustRegistry()
        for path in trustLists {
            do throws(CredentialError) {
                try registry.add(try VerifiedTrustList(json: try Verify.parse(try Verify.read(path)), authorities: trusted, at: now))
            } catch {
                let name = URL(fileURLWithPath: path).lastPathComponent
                throw CommandFailure(status: .usage, message: "the trust list \(name) cannot be used: \(error.message)")
            }
        }
        anchors.trustList = registry.trustList
        return anchors
    }

    /// The status lists, each one's proof and issuer checked; its proof time at `now`, the time of reading (a
    /// list fetched today may postdate `--at`).
    static func statusLists(_ paths: [String], verifier: CredentialVerifier, trust: TrustAnchors, at now: Date) throws -> [VerifiedStatusList] {
        var lists: [VerifiedStatusList] = []
        for path in paths {
            do throws(CredentialError) {
                guard case .object(let document) = try Verify.parse(try Verify.read(path)) else {
                    throw CredentialError(.statusListMalformed, "not a JSON object")
                }
                lists.append(try verifier.statusList(document, trust: trust, at: now))
            } catch {
                throw CommandFailure(status: .usage, message: "a status list cannot be used: \(error.message)")
            }
        }
        return lists
    }
}
