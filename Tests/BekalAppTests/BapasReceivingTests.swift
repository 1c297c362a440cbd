import BekalApp
import BekalCredentials
import BekalDomain
import BekalJSON
import BekalPublisher
import Foundation
import Testing

/// A Bapas receiving portfolios: the registry from facilities' signed trust lists, verification on arrival,
/// idempotent deliveries, refusals of what cannot be parsed, status lists that turn a verdict.
@Suite("Bapas receiving")
struct BapasReceivingTests {
    static let today = LocalDate(year: 2026, month: 11, day: 15)!
    static let bapasActor = try! Actor(account: "admin.bapas")

    /// A demo facility, one exportable person's delivery, and a Bapas that trusts the facility.
    struct Scene {
        let facility: AppFixture
        let bapas: BapasApp
        let person: Person
        var bapasContext: ActionContext { ActionContext(actor: BapasReceivingTests.bapasActor, now: AppFixture.now) }

        init(trusting: Bool = true) async throws {
            facility = try AppFixture(demoPeople: 8, seed: 7, today: BapasReceivingTests.today)
            bapas = try BapasApp.inMemory()
            let context = ActionContext(actor: BapasReceivingTests.bapasActor, now: AppFixture.now)
            if trusting {
                try await bapas.importTrustList(try Self.trustList(facility), context: context)
            }
            // The first person with something to export, and (when trusted) whose export is VALID as it is: the
            // demo has people with an expired certificate, whose exports are VALID WITH EXCEPTIONS.
            var found: Person?
            for candidate in try await facility.app.storage.persons(status: .active, matching: nil) {
                guard let export = try? await facility.app.exportPortfolio(
                    .id(candidate.id), settings: ExportSettings(), context: facility.context)
                else { continue }
                if trusting, try await bapas.check(export.bytes, context: context).verification.summary.verdict != .valid {
                    continue
                }
                found = candidate
                break
            }
            person = try #require(found)
        }

        static func trustList(_ facility: AppFixture, name: String = "Lapas Kelas IIA Purwokerto") throws -> [UInt8] {
            try FacilityKeys(directory: facility.app.directory).trustList(
                issuerID: nil, name: name, code: "LAPAS-PWT", context: facility.context)
        }

        func trustList() throws -> [UInt8] { try Self.trustList(facility) }

        func delivery(statusList: Bool = true) async throws -> [UInt8] {
            let export = try await facility.app.exportPortfolio(.id(person.id), settings: ExportSettings(includeName: true),
                                                                context: facility.context)
            let list = statusList ? try await facility.app.statusList(context: facility.context).bytes : nil
            return PortfolioDelivery(export: export.bytes, statusList: list, releaseDate: person.expectedReleaseDate).bytes
        }
    }

    @Test("a delivery from a trusted facility is stored VALID with the facility's name, the bytes and the release date")
    func validOnArrival() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let body = try await scene.delivery()
        let (stored, isNew) = try await scene.bapas.receive(body, idempotencyKey: "k-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        #expect(isNew)
        #expect(stored.verdict == "VALID", "\(stored.sentence)")
        #expect(stored.facilityName == "Lapas Kelas IIA Purwokerto")
        #expect(stored.sentence.contains("diterbitkan oleh Lapas Kelas IIA Purwokerto"))
        #expect(stored.releaseDate == scene.person.expectedReleaseDate.description)
        #expect(stored.holder == scene.person.fullName.rawValue)
        let delivered = try PortfolioDelivery(parsing: body)
        #expect(stored.body == Data(delivered.export))
        #expect(try await scene.bapas.inbox().count == 1)
    }

    @Test("the same Idempotency-Key stores once; reused for other bytes it is refused")
    func idempotent() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let body = try await scene.delivery()
        let first = try await scene.bapas.receive(body, idempotencyKey: "k-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        let again = try await scene.bapas.receive(body, idempotencyKey: "k-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        #expect(!again.isNew)
        #expect(again.portfolio.id == first.portfolio.id)
        #expect(try await scene.bapas.inbox().count == 1)
        let other = try await scene.delivery()
        await #expect(throws: AppError.self) {
            _ = try await scene.bapas.receive(other, idempotencyKey: "k-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        }
        // Another sender's same key is another delivery.
        _ = try await scene.bapas.receive(body, idempotencyKey: "k-1", sender: "RUTAN-BMS", context: scene.bapasContext)
        #expect(try await scene.bapas.inbox().count == 2)
    }

    @Test("a facility the Bapas does not trust is received INVALID, without a facility name")
    func untrusted() async throws {
        let scene = try await Scene(trusting: false)
        defer { scene.facility.cleanUp() }
        let (stored, _) = try await scene.bapas.receive(
            try await scene.delivery(), idempotencyKey: "k-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        #expect(stored.verdict == "INVALID")
        #expect(stored.facilityName == nil)
        // Its real export carries a ledger log proof: still the issuer is untrusted, not the contents altered.
        #expect(stored.sentence.contains("tidak tepercaya"), "\(stored.sentence)")
        #expect(!stored.sentence.contains("diubah"), "\(stored.sentence)")
        #expect(stored.sentenceEnglish?.contains("is not trusted") == true, "\(stored.sentenceEnglish ?? "nil")")
    }

    @Test("a portfolio received INVALID from a facility not yet trusted turns valid when its trust list is imported")
    func trustImportReverifies() async throws {
        let scene = try await Scene(trusting: false)
        defer { scene.facility.cleanUp() }
        let (stored, _) = try await scene.bapas.receive(
            try await scene.delivery(), idempotencyKey: "k-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        #expect(stored.verdict == "INVALID")
        #expect(stored.sentence.contains("tidak tepercaya"), "\(stored.sentence)")
        try await scene.bapas.importTrustList(try scene.trustList(), context: scene.bapasContext)
        let after = try await scene.bapas.receivedPortfolio(id: stored.id)
        // VALID, or VALID WITH EXCEPTIONS for a person with a lapsed certificate: no longer INVALID.
        #expect(after.verdict == "VALID" || after.verdict == "VALID WITH EXCEPTIONS", "\(after.sentence)")
        #expect(after.facilityName == "Lapas Kelas IIA Purwokerto")
        #expect(after.sentence.contains("diterbitkan oleh Lapas Kelas IIA Purwokerto"), "\(after.sentence)")
        #expect(after.sentenceEnglish?.contains("issued by Lapas Kelas IIA Purwokerto") == true,
                "\(after.sentenceEnglish ?? "nil")")
        #expect(try await scene.bapas.inbox().map(\.verdict) == [after.verdict])
    }

    @Test("a look-alike trust list (same name, other key) is refused, and its exports stay INVALID")
    func lookAlike() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let forger = try await Scene(trusting: false)
        defer { forger.facility.cleanUp() }
        await #expect(throws: AppError.self) {
            try await scene.bapas.importTrustList(try forger.trustList(), context: scene.bapasContext)
        }
        let (stored, _) = try await scene.bapas.receive(
            try await forger.delivery(statusList: false), idempotencyKey: "f-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        #expect(stored.verdict == "INVALID")
        // The look-alike's real export (with its ledger log proof) is from an untrusted issuer, not altered.
        #expect(stored.sentence.contains("tidak tepercaya"), "\(stored.sentence)")
        #expect(!stored.sentence.contains("diubah"), "\(stored.sentence)")
        #expect(stored.sentenceEnglish?.contains("is not trusted") == true, "\(stored.sentenceEnglish ?? "nil")")
        #expect(stored.facilityName == nil)
        #expect(try await scene.bapas.trustHistory().count == 1)
    }

    @Test("a trust list altered after signing is refused")
    func alteredTrustList() async throws {
        let scene = try await Scene(trusting: false)
        defer { scene.facility.cleanUp() }
        let text = String(decoding: try scene.trustList(), as: UTF8.self)
            .replacingOccurrences(of: "Lapas Kelas IIA Purwokerto", with: "Lapas Kelas IIA Purwokerta")
        await #expect(throws: AppError.self) {
            try await scene.bapas.importTrustList(Array(text.utf8), context: scene.bapasContext)
        }
        #expect(try await scene.bapas.trustHistory().isEmpty)
    }

    @Test("bodies that are not JSON, not deliveries, or carry no export object are refused with distinct codes")
    func refusals() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        func code(_ body: String, key: String = "k") async -> AppError.Code? {
            do {
                _ = try await scene.bapas.receive(Array(body.utf8), idempotencyKey: key, sender: "LAPAS-PWT", context: scene.bapasContext)
                return nil
            } catch { return AppError(error).code }
        }
        #expect(await code("{not json") == .usage)
        #expect(await code(#"{"type":"Other","version":1}"#) == .invalidInput)
        #expect(await code(#"{"type":"BekalPortfolioDelivery","version":1,"export":"!!"}"#) == .invalidInput)
        let notObject = Data("[1,2]".utf8).base64EncodedString()
        #expect(await code(#"{"type":"BekalPortfolioDelivery","version":1,"export":"\#(notObject)"}"#) == .invalidInput)
        let body = String(decoding: try await scene.delivery(), as: UTF8.self)
        #expect(await code(body, key: "") == .invalidInput)
        #expect(await code(body, key: "a b") == .invalidInput)
        #expect(try await scene.bapas.inbox().isEmpty)
    }

    @Test("a status list delivered later, with a revocation, turns VALID into VALID WITH EXCEPTIONS")
    func laterStatusList() async throws {
        let scene = try await Scene()
        defer { scene.facility.cleanUp() }
        let export = try await scene.facility.app.exportPortfolio(
            .id(scene.person.id), settings: ExportSettings(), context: scene.facility.context)
        let list = try await scene.facility.app.statusList(context: scene.facility.context)
        let first = PortfolioDelivery(export: export.bytes, statusList: list.bytes).bytes
        let (stored, _) = try await scene.bapas.receive(first, idempotencyKey: "k-1", sender: "LAPAS-PWT", context: scene.bapasContext)
        #expect(stored.verdict == "VALID", "\(stored.sentence)")
        let withdrawn = try #require(export.embeddedCredentialIDs.first)
        _ = try await scene.facility.app.revoke(credentialID: withdrawn, reason: "dicabut", context: scene.facility.context)
        let second = try await scene.delivery()
        _ = try await scene.bapas.receive(second, idempotencyKey: "k-2", sender: "LAPAS-PWT", context: scene.bapasContext)
        let earlier = try await scene.bapas.receivedPortfolio(id: stored.id)
        #expect(earlier.verdict == "VALID WITH EXCEPTIONS")
        #expect(earlier.sentence.contains("ditarik"))
    }

    @Test("a delivery secret is kept as a digest and names its facility; short ones are refused")
    func secrets() async throws {
        let bapas = try BapasApp.inMemory()
        let context = ActionContext(actor: Self.bapasActor, now: AppFixture.now)
        try await bapas.setDeliverySecret(facilityCode: "LAPAS-PWT", secret: Secret(bytes: Array("rahasia-pengiriman-1".utf8)), context: context)
        #expect(try await bapas.sender(token: Array("rahasia-pengiriman-1".utf8)) == "LAPAS-PWT")
        #expect(try await bapas.sender(token: Array("rahasia-pengiriman-2".utf8)) == nil)
        await #expect(throws: AppError.self) {
            try await bapas.setDeliverySecret(facilityCode: "RUTAN-BMS", secret: Secret(bytes: Array("pendek".utf8)), context: context)
        }
        await #expect(throws: AppError.self) {
            try await bapas.setDeliverySecret(facilityCode: "RUTAN-BMS", secret: Secret(bytes: Array("rahasia-pengiriman-1".utf8)), context: context)
        }
    }

    @Test("the registry as it stands: nothing before an import; then each facility's name, code, keys with their windows (narrowed after a rotation) and the last import that named it")
    func trustedFacilities() async throws {
        let lapas = try await AppFixture(facility: Facility(code: "LAPAS-PWT", name: "Lapas Kelas IIA Purwokerto"))
        defer { lapas.cleanUp() }
        let rutan = try await AppFixture(facility: Facility(code: "RUTAN-BMS", name: "Rutan Banyumas"))
        defer { rutan.cleanUp() }
        let bapas = try BapasApp.inMemory()
        func at(_ instant: Date) -> ActionContext { ActionContext(actor: Self.bapasActor, now: instant) }
        #expect(try await bapas.trustedFacilities().isEmpty)

        let lapasKeys = FacilityKeys(directory: lapas.app.directory)
        let firstKey = try lapasKeys.current()
        let first = try lapasKeys.trustList(issuerID: nil, name: "Lapas Kelas IIA Purwokerto", code: "LAPAS-PWT",
                                            context: lapas.context)
        try await bapas.importTrustList(first, context: at(AppFixture.now))
        var listed = try await bapas.trustedFacilities()
        try #require(listed.count == 1)
        #expect(listed[0].name == "Lapas Kelas IIA Purwokerto")
        #expect(listed[0].code == "LAPAS-PWT")
        #expect(listed[0].keys.map(\.validity.didKey) == [firstKey])
        // No issuer URL: each key is the issuer of what it signs.
        #expect(listed[0].keys.map(\.issuerID) == [firstKey.did])
        #expect(listed[0].keys.first?.validity.validFrom == AppFixture.now)
        #expect(listed[0].keys.first?.validity.validUntil == nil, "the current key's window is open")
        #expect(listed[0].lastImport?.sequence == 1)
        #expect(listed[0].lastImport?.importedAt == AppFixture.now)
        #expect(listed[0].lastImport?.importedBy == "admin.bapas")
        #expect(listed[0].lastImport?.signedBy == "facility \(firstKey.did)")

        // A day later the Lapas rotates its key and sends its new list (both keys, the old one closed); then a
        // Rutan's list is imported.
        let later = AppFixture.now.addingTimeInterval(86_400)
        let secondKey = try lapasKeys.rotate(context: lapas.context(at: later))
        let second = try lapasKeys.trustList(issuerID: nil, name: "Lapas Kelas IIA Purwokerto", code: "LAPAS-PWT",
                                             context: lapas.context(at: later))
        try await bapas.importTrustList(second, context: at(later))
        let rutanKey = try FacilityKeys(directory: rutan.app.directory).current()
        let rutanList = try FacilityKeys(directory: rutan.app.directory).trustList(
            issuerID: nil, name: "Rutan Banyumas", code: "RUTAN-BMS", context: rutan.context)
        try await bapas.importTrustList(rutanList, context: at(later.addingTimeInterval(60)))

        listed = try await bapas.trustedFacilities()
        #expect(listed.map(\.code) == ["LAPAS-PWT", "RUTAN-BMS"], "in the order first imported")
        #expect(listed.map(\.name) == ["Lapas Kelas IIA Purwokerto", "Rutan Banyumas"])
        let published = try TrustList(json: try JSONParser.parse(second)).issuers.flatMap(\.keys)
        #expect(listed[0].keys.map(\.validity) == published, "the windows the latest list gives")
        #expect(listed[0].keys.map(\.validity.didKey) == [firstKey, secondKey])
        let retired = try #require(listed[0].keys.first?.validity)
        #expect(retired.validFrom == AppFixture.now)
        #expect(retired.validUntil.map { $0 > later && $0 <= later.addingTimeInterval(1) } == true,
                "the retired key closes at the rotation: \(String(describing: retired.validUntil))")
        #expect(listed[0].keys.last?.validity.validFrom == later)
        #expect(listed[0].keys.last?.validity.validUntil == nil)
        #expect(listed[0].lastImport?.sequence == 2, "the Rutan's import did not name the Lapas")
        #expect(listed[0].lastImport?.importedAt == later)
        #expect(listed[0].lastImport?.signedBy == "facility \(secondKey.did)")
        #expect(listed[1].keys.map(\.validity.didKey) == [rutanKey])
        #expect(listed[1].lastImport?.sequence == 3)
        // Listing is a read: the history is unchanged by it.
        #expect(try await bapas.trustHistory().count == 3)
    }
}
