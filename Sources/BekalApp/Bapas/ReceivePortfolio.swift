import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Crypto
import Foundation
import Logging

/// Who a PK expects a file to be about: the register number from the client's papers and, for exports bound with
/// it, the verification code the client was given at release. Typed into a form, never logged or stored.
public struct IdentityClaim: Sendable {
    /// The register number on the client's papers.
    public var registerNumber: RegisterNumber
    /// The verification code the client was given at release, when the export is bound with one.
    public var verificationCode: VerificationCode?

    /// A claim of who the file is about.
    public init(registerNumber: RegisterNumber, verificationCode: VerificationCode? = nil) {
        self.registerNumber = registerNumber
        self.verificationCode = verificationCode
    }

    /// The claim as typed into a form: `nil` when the register number is blank.
    /// - Throws: `usage` for a verification code that is malformed (the message never echoes it).
    public init?(registerNumber: String?, verificationCode: String?) throws(AppError) {
        guard let text = registerNumber, let number = RegisterNumber(text) else { return nil }
        self.registerNumber = number
        if let code = verificationCode, !code.trimmingCharacters(in: .whitespaces).isEmpty {
            self.verificationCode = try TrustInputs.verificationCode(code)
        }
    }
}

/// A portfolio checked at a Bapas: the verdict and what to render it with.
public struct CheckedPortfolio: Sendable {
    /// The verifier's result.
    public var verification: CredentialVerification
    /// The parsed export (empty when it does not parse).
    public var document: JSONObject
    /// When it was checked.
    public var checkedAt: Date
}

extension BapasApp {
    /// Receives a delivery from facility `sender` (authenticated by its secret) under its `Idempotency-Key`:
    /// verifies the export on arrival against the registry and the status lists received (the one delivered with
    /// it first, when its signature holds), and keeps the exact bytes with the verdict. The same key from the same
    /// sender stores nothing new and returns the portfolio stored the first time.
    /// - Throws: `usage` (not JSON), `invalidInput` (not a delivery; an export that is not a JSON object; a key
    ///   that is not 1–200 visible characters), `conflict` (a key reused for a different file).
    public func receive(
        _ body: [UInt8], idempotencyKey: String, sender: String, context: ActionContext
    ) async throws -> (portfolio: ReceivedPortfolio, isNew: Bool) {
        try await receive(try PortfolioDelivery(parsing: body), idempotencyKey: idempotencyKey,
                          sender: sender, context: context)
    }

    func receive(
        _ delivery: PortfolioDelivery, idempotencyKey: String, sender: String, context: ActionContext
    ) async throws -> (portfolio: ReceivedPortfolio, isNew: Bool) {
        guard (1...200).contains(idempotencyKey.count), idempotencyKey.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { throw AppError(.invalidInput, "the Idempotency-Key is missing or malformed", field: "Idempotency-Key") }
        let sha256 = Hex.encode(SHA256.hash(data: delivery.export))
        let trusted = try await self.registry()
        if let list = delivery.statusList,
            try await keepStatusList(list, registry: trusted, context: context) == .unusable
        {
            logger.notice("delivered status list not used")
        }
        let checked = try await check(delivery.export, registry: trusted, at: context.now)
        let summary = checked.verification.summary
        let view = PortfolioView(export: checked.document, verification: checked.verification, checkedAt: context.now,
                                 evidence: nil)
        var holder: String?
        if case .named(let name) = view.holder { holder = name }
        let portfolio = ReceivedPortfolio(
            id: UUID(), senderCode: sender, idempotencyKey: idempotencyKey, body: Data(delivery.export), sha256: sha256,
            verdict: summary.verdict.rawValue, sentence: VerdictText.sentence(summary, .indonesian),
            sentenceEnglish: VerdictText.sentence(summary, .english), facilityName: Self.confirmedName(summary),
            holder: holder, releaseDate: delivery.releaseDate?.description,
            receivedAt: context.now, verifiedAt: context.now)
        // A fixed step name (crash tests stop the server here: verified, not yet stored).
        logger.debug("portfolio verified on arrival")
        let result = try await storage.receive(portfolio)
        logger.info(result.isNew ? "portfolio received" : "portfolio delivery repeated", metadata: [
            "portfolio.verdict": "\(result.portfolio.verdict)", "portfolio.sender": "\(sender)",
        ])
        return result
    }

    /// What became of a delivery to `POST /terima`.
    public enum Receipt: Sendable {
        /// A portfolio, as stored; `isNew` is false for a replay of one already received (stored once).
        case portfolio(ReceivedPortfolio, isNew: Bool)
        /// A status list, and what receiving it did.
        case statusList(StatusListOutcome)
    }

    /// Receives either kind of delivery (`Delivery`): a portfolio (see `receive(_:idempotencyKey:sender:context:)`)
    /// or a status list on its own (see `receiveStatusList`).
    public func accept(_ body: [UInt8], idempotencyKey: String, sender: String, context: ActionContext) async throws
        -> Receipt
    {
        switch try Delivery(parsing: body) {
        case .portfolio(let delivery):
            let result = try await receive(delivery, idempotencyKey: idempotencyKey, sender: sender, context: context)
            return .portfolio(result.portfolio, isNew: result.isNew)
        case .statusList(let delivery):
            return .statusList(try await receiveStatusList(delivery, sender: sender, context: context))
        }
    }

    /// Checks any export (a file a PK was given by e-mail or on a USB stick, or one received) against the
    /// registry and the status lists received, without keeping it; with the `identity` the PK typed (the register
    /// number on the client's papers, and the verification code printed for them at release), the page also says
    /// whether the file is about that person.
    public func check(
        _ export: [UInt8], identity: IdentityClaim? = nil, context: ActionContext
    ) async throws -> CheckedPortfolio {
        try await check(export, registry: try await registry(), identity: identity, at: context.now)
    }

    /// The received portfolios, newest first.
    public func inbox() async throws -> [ReceivedPortfolio] { try await storage.receivedPortfolios() }

    /// One received portfolio.
    public func receivedPortfolio(id: UUID) async throws -> ReceivedPortfolio {
        try await storage.receivedPortfolio(id: id)
    }

    /// A received portfolio's verdict sentence in `language`, as stored with its verdict. A portfolio received
    /// before the English sentence was kept (and not verified since) gets it derived from its file, verified
    /// again as of its last verification.
    public func sentence(of portfolio: ReceivedPortfolio, in language: PageLanguage) async throws -> String {
        switch language {
        case .indonesian:
            return portfolio.sentence
        case .english:
            if let english = portfolio.sentenceEnglish { return english }
            let checked = try await check(Array(portfolio.body), registry: try await registry(), at: portfolio.verifiedAt)
            return VerdictText.sentence(checked.verification.summary, .english)
        }
    }

    /// Verifies every received portfolio again (after a status list or the registry changed) and records the
    /// verdicts that changed.
    /// - Returns: how many verdicts changed.
    @discardableResult
    public func reverify(context: ActionContext) async throws -> Int {
        try await reverify(pointingTo: nil, context: context)
    }

    /// As `reverify(context:)`, only for the portfolios whose file names the status list `url` (when given).
    func reverify(pointingTo url: String?, context: ActionContext) async throws -> Int {
        let trusted = try await self.registry()
        var changed = 0
        let needle = url.map { Data($0.utf8) }
        for portfolio in try await inbox() {
            // A portfolio affected by a list names its URL in its credentials' status entries.
            if let needle, portfolio.body.range(of: needle) == nil { continue }
            let checked = try await check(Array(portfolio.body), registry: trusted, at: context.now)
            let summary = checked.verification.summary
            let sentence = VerdictText.sentence(summary, .indonesian)
            let english = VerdictText.sentence(summary, .english)
            let verdictChanged = summary.verdict.rawValue != portfolio.verdict || sentence != portfolio.sentence
            // A portfolio received before the English sentence was kept gets it now (not counted as a change).
            guard verdictChanged || english != portfolio.sentenceEnglish else { continue }
            try await storage.updateVerdict(id: portfolio.id, verdict: summary.verdict.rawValue, sentence: sentence,
                                            sentenceEnglish: english, facilityName: Self.confirmedName(summary),
                                            at: context.now)
            if verdictChanged { changed += 1 }
        }
        if changed > 0 { logger.info("received portfolios re-verified", metadata: ["portfolio.changed": "\(changed)"]) }
        return changed
    }

    func check(
        _ export: [UInt8], registry: TrustRegistry, identity: IdentityClaim? = nil, at now: Date
    ) async throws -> CheckedPortfolio {
        let anchors = TrustAnchors(trustList: registry.trustList)
        let verifier = CredentialVerifier()
        var lists: [VerifiedStatusList] = []
        let received = try await storage.statusLists()
        for (_, body) in received {
            guard case .object(let document) = try? JSONParser.parse(Array(body)),
                let list = try? verifier.statusList(document, trust: anchors, at: now)
            else { continue }
            lists.append(list)
        }
        let context = VerificationContext(
            at: now, trust: anchors, statusLists: lists, registerNumber: identity?.registerNumber,
            verificationCode: identity?.verificationCode)
        let verification = verifier.verify(bytes: export, context: context)
        var document = JSONObject()
        if case .object(let object) = try? JSONParser.parse(export) { document = object }
        return CheckedPortfolio(verification: verification, document: document, checkedAt: now)
    }

    /// What became of a status list delivered to the Bapas.
    public enum StatusListOutcome: Sendable, Equatable {
        /// Kept (new, or newer than the one held); `reverified` received portfolios pointing to it changed verdict.
        case kept(url: String, reverified: Int)
        /// The very list held already.
        case unchanged(url: String)
        /// Older than the list held for the same URL (a replay would undo a withdrawal): not kept.
        case older(url: String)
        /// Its signature does not hold for a facility in the registry, or it is not a status list.
        case unusable
    }

    /// Keeps a delivered status list when its signature holds for a trusted issuer and it is not older than the one
    /// held for its URL, then verifies again every received portfolio that points to it.
    func keepStatusList(_ bytes: [UInt8], registry: TrustRegistry, context: ActionContext) async throws
        -> StatusListOutcome
    {
        // `statusList(_:trust:at:)` reads any well-formed list and says in `problem` why it is not authentic: only
        // a list without a problem may replace the one held (else anyone could blank a facility's withdrawals).
        guard case .object(let document) = try? JSONParser.parse(bytes),
            let verified = try? CredentialVerifier().statusList(
                document, trust: TrustAnchors(trustList: registry.trustList), at: context.now),
            verified.problem == nil,
            let url = document["id"]?.stringValue
        else { return .unusable }
        let known = try await storage.statusLists().first(where: { $0.url == url })?.body
        if let known {
            guard known != Data(bytes) else { return .unchanged(url: url) }
            if let held = Self.validFrom(Array(known)), let offered = document["validFrom"]?.stringValue.flatMap(Timestamp.parse),
                offered < held
            {
                return .older(url: url)
            }
        }
        try await storage.storeStatusList(url: url, body: Data(bytes), at: context.now)
        return .kept(url: url, reverified: try await reverify(pointingTo: url, context: context))
    }

    /// Receives a status list a facility delivered on its own (after withdrawing a credential).
    /// - Throws: `invalidInput` when its signature does not hold for a facility in the registry; `conflict` when
    ///   it is older than the list held for its URL.
    public func receiveStatusList(_ delivery: StatusListDelivery, sender: String, context: ActionContext) async throws
        -> StatusListOutcome
    {
        let outcome = try await keepStatusList(delivery.statusList, registry: try await registry(), context: context)
        switch outcome {
        case .unusable:
            throw AppError(.invalidInput, "the status list is not signed by a facility in this Bapas's registry", field: "statusList")
        case .older:
            throw AppError(.conflict, "a newer status list for the same address is already held", field: "statusList")
        case .kept(_, let changed):
            logger.info("status list received", metadata: ["portfolio.changed": "\(changed)", "portfolio.sender": "\(sender)"])
        case .unchanged:
            logger.info("status list delivery repeated", metadata: ["portfolio.sender": "\(sender)"])
        }
        return outcome
    }

    static func validFrom(_ list: [UInt8]) -> Date? {
        (try? JSONParser.parse(list))?["validFrom"]?.stringValue.flatMap(Timestamp.parse)
    }

    /// The facility's name when the registry confirms it, else `nil` (a name the file merely claims is not shown
    /// as its issuer).
    static func confirmedName(_ summary: VerificationSummary) -> String? {
        guard let issuer = summary.issuer, issuer.nameIsConfirmed else { return nil }
        return issuer.name
    }
}
