import BekalLog
import BekalApp
import BekalCredentials
import BekalDomain
import BekalPublisher
import BekalRender
import Foundation
import Testing

/// Roles on the app layer (issue "accounts and roles"): what uses or changes the facility's keys, rebuilds stored
/// tables, signs checkpoints or sends reports is the admin's; reads, and sending deliveries already queued for a
/// Bapas, need a known, active account of any role but a PK.
@Suite("Roles: admin-only maintenance and reads by known accounts")
struct RolePermissionTests {
    static let register = "AII-0042/2025"
    static let name = "Rahmat Pengujian"

    /// A facility with accounts: `petugas.uji` (admin, the fixture's actor), `wali.sari` (counselor, responsible
    /// for the one person), `asesor.dewi` (assessor) and `tamu` (viewer); the person has one Kompeten unit.
    struct Staffed {
        let fixture: AppFixture
        let person: Person
        var app: FacilityApp { fixture.app }
        var admin: ActionContext { fixture.context }
        var counselor: ActionContext { Self.context("wali.sari") }
        var assessor: ActionContext { Self.context("asesor.dewi") }
        var viewer: ActionContext { Self.context("tamu") }
        var unknown: ActionContext { Self.context("nobody.at.all") }

        static func context(_ account: String) -> ActionContext {
            ActionContext(actor: try! Actor(account: account), now: AppFixture.now)
        }

        init() async throws {
            fixture = try await AppFixture()
            let admin = fixture.context
            _ = try await fixture.app.createAccount(NewAccount(name: AppFixture.actor.account, role: .admin), context: admin)
            for (name, role) in [("wali.sari", StaffRole.counselor), ("asesor.dewi", .assessor), ("tamu", .viewer)] {
                _ = try await fixture.app.createAccount(NewAccount(name: name, role: role), context: admin)
            }
            var input = NewPerson(registerNumber: RolePermissionTests.register, fullName: RolePermissionTests.name,
                                  admissionDate: LocalDate("2025-09-01")!, expectedReleaseDate: LocalDate("2026-12-20")!)
            input.counselor = "wali.sari"
            let (_, added) = try await fixture.app.addPerson(input, context: admin)
            person = added
            _ = try await fixture.app.recordAssessment(AssessmentInput(
                person: .id(person.id), unitCode: "SAMPLE.BTKCAP.001", outcome: .kompeten, assessorName: "Ibu Asesor",
                assessorRole: .bnspAssessor, method: .observation, date: LocalDate("2026-03-02")!), context: admin)
        }

        /// The issuer key file's bytes.
        func keyFile() throws -> Data {
            try Data(contentsOf: app.directory.keys.appendingPathComponent(KeyRing.fileName))
        }

        /// Runs `action` as each account and expects a refusal (`.permission`) whose message names no one, and
        /// that nothing changed: the ledger holds as many events and the key file is the same.
        func expectRefused(
            as contexts: [ActionContext], _ what: String, _ action: (ActionContext) async throws -> Void
        ) async throws {
            let events = try await app.storage.eventCount()
            let key = try keyFile()
            for context in contexts {
                do {
                    try await action(context)
                    Issue.record("\(what): \(context.actor) was allowed")
                } catch {
                    let failure = AppError(error)
                    #expect(failure.code == .permission, "\(what) as \(context.actor): \(failure.message)")
                    #expect(!failure.message.contains(RolePermissionTests.register)
                            && !failure.message.contains(RolePermissionTests.name))
                }
            }
            #expect(try await app.storage.eventCount() == events, "\(what)")
            #expect(try keyFile() == key, "\(what)")
        }
    }

    @Test("only an admin rotates or creates the issuer key; a counselor, an assessor and a viewer leave the key file as it was")
    func keys() async throws {
        let staffed = try await Staffed()
        defer { staffed.fixture.cleanUp() }
        let app = staffed.app
        let refused = [staffed.counselor, staffed.assessor, staffed.viewer, staffed.unknown]
        let before = try FacilityKeys(directory: app.directory).current()
        try await staffed.expectRefused(as: refused, "rotate") { _ = try await app.rotateIssuerKey(context: $0) }
        try await staffed.expectRefused(as: refused, "create") { _ = try await app.createIssuerKey(context: $0) }
        #expect(try FacilityKeys(directory: app.directory).current() == before)
        // The admin gets past the check: a second key ring is a conflict, a rotation makes a new key.
        await #expect(throws: AppError(.conflict, "")) { _ = try await app.createIssuerKey(context: staffed.admin) }
        let rotated = try await app.rotateIssuerKey(context: staffed.admin)
        #expect(rotated != before)
        #expect(try FacilityKeys(directory: app.directory).current() == rotated)
    }

    @Test("only an admin signs the trust list, the status list and a checkpoint; a counselor still exports with both lists inside")
    func signing() async throws {
        let staffed = try await Staffed()
        defer { staffed.fixture.cleanUp() }
        let app = staffed.app
        let refused = [staffed.counselor, staffed.assessor, staffed.viewer]
        try await staffed.expectRefused(as: refused, "trust list") {
            _ = try await app.trustList(issuerID: nil, name: "Lapas Uji", code: "LAPAS-UJI", context: $0)
        }
        try await staffed.expectRefused(as: refused, "status list") { _ = try await app.statusList(context: $0) }
        try await staffed.expectRefused(as: refused, "checkpoint") { _ = try await app.checkpoint(context: $0) }
        try await staffed.expectRefused(as: refused, "status list delivery") {
            _ = try await app.queueStatusListDeliveries(to: "http://127.0.0.1:9/terima", context: $0)
        }
        let trust = try await app.trustList(issuerID: nil, name: "Lapas Uji", code: "LAPAS-UJI", context: staffed.admin)
        #expect(trust.isEmpty == false)
        #expect(try await app.statusList(context: staffed.admin).revoked == 0)
        #expect(try await app.checkpoint(context: staffed.admin).treeHead.size > 0)
        // The counselor's export carries the status list and is checked against the facility's own lists.
        let download = try await app.exportWithPage(
            .id(staffed.person.id), settings: ExportSettings(), language: .english, context: staffed.counselor)
        #expect(download.export.person.id == staffed.person.id)
        #expect(download.verdictLine.lowercased().hasPrefix("valid"), "\(download.verdictLine)")
    }

    @Test("only an admin rebuilds the query tables or the log tree and publishes reports")
    func maintenance() async throws {
        let staffed = try await Staffed()
        defer { staffed.fixture.cleanUp() }
        let app = staffed.app
        let refused = [staffed.counselor, staffed.assessor, staffed.viewer, staffed.unknown]
        try await staffed.expectRefused(as: refused, "rebuild") { _ = try await app.rebuildProjections(context: $0) }
        try await staffed.expectRefused(as: refused, "rebuild log tree") { _ = try await app.rebuildLogTree(context: $0) }
        let request = PublishRequest(endpoint: "http://127.0.0.1:9/", maxAttempts: 1)
        try await staffed.expectRefused(as: refused, "publish") {
            _ = try await app.publishReports(request, context: $0, clock: { AppFixture.now })
        }
        let events = try await app.storage.eventCount()
        #expect(try await app.rebuildProjections(context: staffed.admin) == events)
        #expect(try await app.rebuildLogTree(context: staffed.admin) > 0)
        // Nothing is queued, so the admin's run sends nothing and contacts no one.
        #expect(try await app.publishReports(request, context: staffed.admin, clock: { AppFixture.now }).sent == 0)
    }

    @Test("any active account reads the person list, the outbox and the chain; an unknown or disabled account reads nothing")
    func reads() async throws {
        let staffed = try await Staffed()
        defer { staffed.fixture.cleanUp() }
        let app = staffed.app
        for context in [staffed.admin, staffed.counselor, staffed.assessor, staffed.viewer] {
            #expect(try await app.persons(context: context).map(\.id) == [staffed.person.id])
            #expect(try await app.findPersons("pengu", context: context).map(\.id) == [staffed.person.id])
            #expect(try await app.outbox(context: context).isEmpty)
            #expect(try await app.verifyChain(context: context).isIntact)
        }
        _ = try await app.disableAccount("tamu", context: staffed.admin)
        let refused = [staffed.unknown, staffed.viewer]
        try await staffed.expectRefused(as: refused, "person list") { _ = try await app.persons(context: $0) }
        try await staffed.expectRefused(as: refused, "find") { _ = try await app.findPersons(Self.register, context: $0) }
        try await staffed.expectRefused(as: refused, "outbox") { _ = try await app.outbox(context: $0) }
        try await staffed.expectRefused(as: refused, "verify") { _ = try await app.verifyChain(context: $0) }
    }

    @Test("any active account but a PK lists and sends what is queued for a Bapas; a PK, a disabled or an unknown account is refused before the secret is read or the Bapas contacted")
    func queuedDeliveries() async throws {
        let staffed = try await Staffed()
        defer { staffed.fixture.cleanUp() }
        let app = staffed.app
        let bapas = "http://127.0.0.1:9/terima"
        // The variable is never set: a run that got past the role check stops at the secret (invalid input).
        let request = DeliveryRequest(
            destination: bapas, secret: .environment("BEKAL_TEST_UNSET_DELIVERY_SECRET"), maxAttempts: 1)
        _ = try await app.queueDelivery(
            .id(staffed.person.id), destination: bapas, settings: ExportSettings(), context: staffed.admin)
        for context in [staffed.admin, staffed.counselor, staffed.assessor, staffed.viewer] {
            #expect(try await app.deliveries(destination: bapas, context: context).count == 1)
            #expect(try await app.deliveries(context: context).count == 1)
            #expect(try await app.deliveryDestinations(context: context) == [bapas])
        }
        // A counselor gets past the check and on to the secret: the refusals below come before it.
        await #expect {
            _ = try await app.deliverPending(request, context: staffed.counselor, clock: { AppFixture.now })
        } throws: { AppError($0).code == .invalidInput }
        _ = try await app.createAccount(NewAccount(name: "pk.budi", role: .pk), context: staffed.admin)
        _ = try await app.disableAccount("tamu", context: staffed.admin)
        let refused = [Staffed.context("pk.budi"), staffed.viewer, staffed.unknown]
        try await staffed.expectRefused(as: refused, "send") {
            _ = try await app.deliverPending(request, context: $0, clock: { AppFixture.now })
        }
        try await staffed.expectRefused(as: refused, "deliveries") {
            _ = try await app.deliveries(destination: bapas, context: $0)
        }
        try await staffed.expectRefused(as: refused, "all deliveries") { _ = try await app.deliveries(context: $0) }
        try await staffed.expectRefused(as: refused, "delivery destinations") {
            _ = try await app.deliveryDestinations(context: $0)
        }
        // No one was contacted: the delivery is still pending and untried.
        let queued = try #require(try await app.deliveries(destination: bapas, context: staffed.admin).first)
        #expect(queued.state == .pending)
        #expect(queued.attempts == 0)

        // The Ekspor page's list: newest first, as many as asked, each with its Bapas; refused as the others are.
        let other = "http://127.0.0.1:9/bapas-lain"
        let second = try await app.queueDelivery(
            .id(staffed.person.id), destination: other, settings: ExportSettings(), context: staffed.admin)
        let recent = try await app.recentDeliveries(limit: 5, context: staffed.assessor)
        #expect(recent.map(\.id) == [second, queued.reportID])
        #expect(recent.map(\.destination) == [other, bapas])
        #expect(recent.map(\.state) == [.pending, .pending])
        #expect(recent.map(\.attempts) == [0, 0])
        // Each names the person whose portfolio it carries, by id and register number.
        let named = DeliveredPerson(id: staffed.person.id, registerNumber: staffed.person.registerNumber.rawValue)
        #expect(recent.map(\.kind) == [.portfolio, .portfolio])
        #expect(recent.map(\.person) == [named, named])
        // A status list queued after a revocation carries no person, for every Bapas delivered to.
        try await app.queueStatusListDeliveries(context: staffed.admin)
        let lists = try await app.recentDeliveries(limit: 2, context: staffed.assessor)
        #expect(lists.map(\.kind) == [.statusList, .statusList])
        #expect(lists.map(\.person) == [nil, nil])
        #expect(Set(lists.map(\.destination)) == [bapas, other])
        #expect(try await app.recentDeliveries(limit: 3, context: staffed.counselor).last?.id == second)
        try await staffed.expectRefused(as: refused, "recent deliveries") {
            _ = try await app.recentDeliveries(limit: 5, context: $0)
        }
    }

    @Test("the reads a page makes around a person (the person, their counselor, every caseload, the frameworks, the log's keys) need an active account that is not a PK")
    func readsAroundAPerson() async throws {
        let staffed = try await Staffed()
        defer { staffed.fixture.cleanUp() }
        let app = staffed.app
        let person = staffed.person.id
        for context in [staffed.admin, staffed.counselor, staffed.assessor, staffed.viewer] {
            #expect(try await app.person(.id(person), context: context).id == person)
            #expect(try await app.counselor(of: person, context: context) == "wali.sari")
            #expect(try await app.caseloadAssignments(context: context) == [person: "wali.sari"])
            #expect(try await app.frameworks(context: context).map(\.id) == ["SAMPLE.BTKCAP"])
            #expect(try await app.facilityLog(context: context).origin == "bekal.id/ledger/LAPAS-UJI")
        }
        _ = try await app.createAccount(NewAccount(name: "pk.budi", role: .pk), context: staffed.admin)
        _ = try await app.disableAccount("tamu", context: staffed.admin)
        let refused = [Staffed.context("pk.budi"), staffed.viewer, staffed.unknown]
        try await staffed.expectRefused(as: refused, "person") { _ = try await app.person(.id(person), context: $0) }
        try await staffed.expectRefused(as: refused, "counselor") {
            _ = try await app.counselor(of: person, context: $0)
        }
        try await staffed.expectRefused(as: refused, "caseloads") { _ = try await app.caseloadAssignments(context: $0) }
        try await staffed.expectRefused(as: refused, "frameworks") { _ = try await app.frameworks(context: $0) }
        try await staffed.expectRefused(as: refused, "log") { _ = try await app.facilityLog(context: $0) }
    }
}
