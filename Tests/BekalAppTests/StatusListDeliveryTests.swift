import BekalApp
import BekalCredentials
import BekalDomain
import Foundation
import Testing

/// A withdrawal reaching a Bapas on its own: the facility queues its new status list for every Bapas it delivered
/// to; the Bapas keeps a list only when a registry facility signed it and it is not older than the one it holds,
/// and re-verifies the portfolios that name it.
@Suite("Status list deliveries")
struct StatusListDeliveryTests {
    typealias Scene = BapasReceivingTests.Scene
    /// The Bapas's clock, after the facility signed its later lists (a list dated after the check is not used).
    static let bapasContext = ActionContext(actor: BapasReceivingTests.bapasActor, now: AppFixture.now.addingTimeInterval(7200))

    @Test("a list delivered on its own after a revocation turns VALID into VALID WITH EXCEPTIONS, even when it is the first list the Bapas sees")
    func firstListReverifies() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let export = try await scene.facility.app.exportPortfolio(
            .id(scene.person.id), settings: ExportSettings(), context: scene.facility.context)
        // Delivered without a status list: the Bapas holds none for this facility yet.
        let (stored, _) = try await scene.bapas.receive(
            PortfolioDelivery(export: export.bytes).bytes, idempotencyKey: "k-1", sender: "LAPAS-PWT", context: Self.bapasContext)
        #expect(stored.verdict == "VALID", "\(stored.sentence)")
        let withdrawn = try #require(export.embeddedCredentialIDs.first)
        let later = scene.facility.context(at: AppFixture.now.addingTimeInterval(3600))
        _ = try await scene.facility.app.revoke(credentialID: withdrawn, reason: "dicabut", context: later)
        let list = try await scene.facility.app.statusList(context: later)
        let outcome = try await scene.bapas.receiveStatusList(
            StatusListDelivery(statusList: list.bytes), sender: "LAPAS-PWT", context: Self.bapasContext)
        #expect(outcome == .kept(url: list.url, reverified: 1))
        let now = try await scene.bapas.receivedPortfolio(id: stored.id)
        #expect(now.verdict == "VALID WITH EXCEPTIONS")
        #expect(now.sentence.contains("ditarik"))
        // The same list again changes nothing.
        #expect(try await scene.bapas.receiveStatusList(
            StatusListDelivery(statusList: list.bytes), sender: "LAPAS-PWT", context: Self.bapasContext)
            == .unchanged(url: list.url))
    }

    @Test("an older list (a replay that would undo the withdrawal) is refused as a conflict and changes nothing")
    func olderListRefused() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let export = try await scene.facility.app.exportPortfolio(
            .id(scene.person.id), settings: ExportSettings(), context: scene.facility.context)
        let before = try await scene.facility.app.statusList(context: scene.facility.context)
        let later = scene.facility.context(at: AppFixture.now.addingTimeInterval(3600))
        _ = try await scene.facility.app.revoke(credentialID: try #require(export.embeddedCredentialIDs.first),
                                                reason: "dicabut", context: later)
        let after = try await scene.facility.app.statusList(context: later)
        let (stored, _) = try await scene.bapas.receive(
            PortfolioDelivery(export: export.bytes, statusList: after.bytes).bytes, idempotencyKey: "k-1",
            sender: "LAPAS-PWT", context: Self.bapasContext)
        #expect(stored.verdict == "VALID WITH EXCEPTIONS")
        await #expect {
            try await scene.bapas.receiveStatusList(
                StatusListDelivery(statusList: before.bytes), sender: "LAPAS-PWT", context: Self.bapasContext)
        } throws: { AppError($0).code == .conflict }
        #expect(try await scene.bapas.receivedPortfolio(id: stored.id).verdict == "VALID WITH EXCEPTIONS")
    }

    @Test("a list no registry facility signed is refused as invalid input")
    func untrustedList() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let stranger = try await Scene(trusting: false)
        defer { stranger.facility.cleanUp() }
        let list = try await stranger.facility.app.statusList(context: stranger.facility.context)
        await #expect {
            try await scene.bapas.receiveStatusList(
                StatusListDelivery(statusList: list.bytes), sender: "LAPAS-PWT", context: Self.bapasContext)
        } throws: { AppError($0).code == .invalidInput }
        // Through the one entry point, by the body's type.
        let receipt = try await scene.bapas.accept(
            StatusListDelivery(statusList: try await scene.facility.app.statusList(context: scene.facility.context).bytes).bytes,
            idempotencyKey: "s-1", sender: "LAPAS-PWT", context: Self.bapasContext)
        guard case .statusList(.kept) = receipt else {
            Issue.record("expected the facility's own list to be kept, got \(receipt)")
            return
        }
    }

    @Test("revoking queues the new status list for every Bapas a portfolio was queued for, and for no one else")
    func revokeQueuesList() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let app = scene.facility.app
        let context = scene.facility.context
        let export = try await app.exportPortfolio(.id(scene.person.id), settings: ExportSettings(), context: context)
        _ = try await app.revoke(credentialID: try #require(export.embeddedCredentialIDs.first), reason: "x", context: context)
        #expect(try await app.deliveries(context: context).isEmpty, "no Bapas was delivered to yet: nothing to queue")
        let bapasA = "http://127.0.0.1:9/terima", bapasB = "http://127.0.0.1:10/terima"
        _ = try await app.queueDelivery(.id(scene.person.id), destination: bapasA, settings: ExportSettings(), context: context)
        _ = try await app.queueDelivery(.id(scene.person.id), destination: bapasB, settings: ExportSettings(), context: context)
        let second = try #require(try await app.exportPortfolio(.id(scene.person.id), settings: ExportSettings(), context: context)
            .embeddedCredentialIDs.last)
        _ = try await app.revoke(credentialID: second, reason: "y", context: context)
        for url in [bapasA, bapasB] {
            let queued = try await app.deliveries(destination: url, context: context)
            #expect(queued.count == 2)
            guard case .statusList(let delivery) = try Delivery(parsing: Array(try #require(queued.last).body)) else {
                Issue.record("the second delivery to \(url) is not a status list")
                continue
            }
            #expect(delivery.statusList == (try await app.statusList(context: context)).bytes)
        }
        #expect(try await app.deliveryDestinations(context: context) == [bapasA, bapasB])
    }
}
