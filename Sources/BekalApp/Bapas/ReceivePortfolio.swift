import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Crypto
import Foundation
import Logging

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
        guard (1...200).contains(idempotencyKey.count), idempotencyKey.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { throw AppError(.invalidInput, "the Idempotency-Key is missing or malformed", field: "Idempotency-Key") }
        let delivery = try PortfolioDelivery(parsing: body)
        let sha256 = SHA256.hash(data: delivery.export).map { String(format: "%02x", $0) }.joined()
        let trusted = try await self.registry()
        if let list = delivery.statusList { try await keepStatusList(list, registry: trusted, context: context) }
        let checked = try await check(delivery.export, registry: trusted, at: context.now)
        let summary = checked.verification.summary
        let view = PortfolioView(export: checked.document, verification: checked.verification, checkedAt: context.now,
                                 evidence: nil)
        var holder: String?
        if case .named(let name) = view.holder { holder = name }
        let portfolio = ReceivedPortfolio(
            id: UUID(), senderCode: sender, idempotencyKey: idempotencyKey, body: Data(delivery.export), sha256: sha256,
            verdict: summary.verdict.rawValue, sentence: VerdictText.sentence(summary, .indonesian),
            facilityName: Self.confirmedName(summary), holder: holder, releaseDate: delivery.releaseDate?.description,
            receivedAt: context.now, verifiedAt: context.now)
        let result = try await storage.receive(portfolio)
        logger.info(result.isNew ? "portfolio received" : "portfolio delivery repeated", metadata: [
            "portfolio.verdict": "\(result.portfolio.verdict)", "portfolio.sender": "\(sender)",
        ])
        return result
    }

    /// Checks any export (a file a PK was given by e-mail or on a USB stick) against the registry and the status
    /// lists received, without keeping it.
    public func check(_ export: [UInt8], context: ActionContext) async throws -> CheckedPortfolio {
        try await check(export, registry: try await registry(), at: context.now)
    }

    /// The received portfolios, newest first.
    public func inbox() async throws -> [ReceivedPortfolio] { try await storage.receivedPortfolios() }

    /// One received portfolio.
    public func receivedPortfolio(id: UUID) async throws -> ReceivedPortfolio {
        try await storage.receivedPortfolio(id: id)
    }

    /// Verifies every received portfolio again (after a status list or the registry changed) and records the
    /// verdicts that changed.
    /// - Returns: how many verdicts changed.
    @discardableResult
    public func reverify(context: ActionContext) async throws -> Int {
        let trusted = try await self.registry()
        var changed = 0
        for portfolio in try await inbox() {
            let checked = try await check(Array(portfolio.body), registry: trusted, at: context.now)
            let summary = checked.verification.summary
            let sentence = VerdictText.sentence(summary, .indonesian)
            guard summary.verdict.rawValue != portfolio.verdict || sentence != portfolio.sentence else { continue }
            try await storage.updateVerdict(id: portfolio.id, verdict: summary.verdict.rawValue, sentence: sentence,
                                            facilityName: Self.confirmedName(summary), at: context.now)
            changed += 1
        }
        if changed > 0 { logger.info("received portfolios re-verified", metadata: ["portfolio.changed": "\(changed)"]) }
        return changed
    }

    func check(_ export: [UInt8], registry: TrustRegistry, at now: Date) async throws -> CheckedPortfolio {
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
        let context = VerificationContext(at: now, trust: anchors, statusLists: lists)
        let verification = verifier.verify(bytes: export, context: context)
        var document = JSONObject()
        if case .object(let object) = try? JSONParser.parse(export) { document = object }
        return CheckedPortfolio(verification: verification, document: document, checkedAt: now)
    }

    /// Keeps a delivered status list when its signature holds for a trusted issuer (else it is ignored: the
    /// portfolio is still received and judged without it), and re-verifies what it affects when it is new.
    func keepStatusList(_ bytes: [UInt8], registry: TrustRegistry, context: ActionContext) async throws {
        guard case .object(let document) = try? JSONParser.parse(bytes),
            (try? CredentialVerifier().statusList(document, trust: TrustAnchors(trustList: registry.trustList),
                                                   at: context.now)) != nil,
            let url = document["id"]?.stringValue
        else {
            logger.notice("delivered status list not used")
            return
        }
        let lists = try await storage.statusLists()
        let known = lists.first(where: { $0.url == url })?.body
        guard known != Data(bytes) else { return }
        try await storage.storeStatusList(url: url, body: Data(bytes), at: context.now)
        if known != nil { try await reverify(context: context) }
    }

    /// The facility's name when the registry confirms it, else `nil` (a name the file merely claims is not shown
    /// as its issuer).
    static func confirmedName(_ summary: VerificationSummary) -> String? {
        guard let issuer = summary.issuer, issuer.nameIsConfirmed else { return nil }
        return issuer.name
    }
}
