import BekalApp
import BekalDomain
import BekalWeb
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Testing

/// A clock the tests move (sessions, throttling and recorded events all read it).
final class TestClock: Sendable {
    private let instant: NIOLockedValueBox<Date>

    init(_ start: Date = WebFixture.now) { instant = NIOLockedValueBox(start) }

    var now: Date { instant.withLockedValue { $0 } }

    func advance(_ seconds: TimeInterval) { instant.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }

    var source: @Sendable () -> Date { { self.now } }
}

/// A facility with staff of every role and two people in two caseloads, served by the real router (no socket)
/// or by a real `bekal serve` process. Passwords are hashed once per test run, in a template directory each
/// test copies (bcrypt at cost 12 takes a while on purpose).
struct WebFixture {
    /// "Now" for the tests: 15 November 2026, 10:00 WIB (what the CLI tests use too).
    static let now = Date(timeIntervalSince1970: 1_794_711_600)
    static let nowText = "2026-11-15T03:00:00Z"

    /// Staff: name, role, password.
    static let admin = ("kepala", "kata-sandi-kepala-1")
    static let sari = ("wali.sari", "kata-sandi-sari-22")
    static let budi = ("wali.budi", "kata-sandi-budi-333")
    static let dewi = ("asesor.dewi", "kata-sandi-dewi-4444")
    static let tamu = ("tamu", "kata-sandi-tamu-55555")

    /// The Bapas the site offers on a person's page. Nothing listens there: the site only queues deliveries, and
    /// tests that deliver start a Bapas of their own.
    static let bapasURL = "http://127.0.0.1:9/terima"

    /// Sari's person and Budi's person (register numbers; names are fake).
    static let sariPerson = ("AII-0001/2025", "Contoh Binaan Sari")
    static let budiPerson = ("AII-0002/2025", "Contoh Binaan Budi")

    let root: URL
    var home: URL { root.appendingPathComponent("home") }
    let app: FacilityApp
    let clock: TestClock
    let kit: WebKit
    let site: FacilitySite
    /// The internal ids of Sari's and Budi's person.
    let sariID: UUID
    let budiID: UUID

    init(logger: Logger = Logger(label: "bekal.web.tests")) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-web-\(UUID().uuidString)")
        self.root = root
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let template = try await Template.shared.directory()
        try FileManager.default.copyItem(at: template, to: home)
        let app = try FacilityApp.open(home: home, logger: logger)
        self.app = app
        clock = TestClock()
        kit = WebKit(directory: app, secure: false, clock: clock.source, logger: logger)
        site = FacilitySite(app: app, kit: kit, facilityName: "Lapas Uji", bapasDestinations: [Self.bapasURL])
        let admin = ActionContext(actor: try Actor(account: Self.admin.0), now: Self.now)
        sariID = try await app.person(.registerNumber(RegisterNumber(Self.sariPerson.0)!), context: admin).id
        budiID = try await app.person(.registerNumber(RegisterNumber(Self.budiPerson.0)!), context: admin).id
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    /// The site as a Hummingbird application (for `test(.router)`).
    var application: some ApplicationProtocol { Application(router: site.router(), logger: kit.logger) }

    /// Runs `body` with a client on the router (no socket), and removes the files afterwards.
    func withRouter(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        defer { cleanUp() }
        try await application.test(.router) { client in try await body(client) }
    }

    /// An action context of an account, for arranging data through the app layer.
    func context(_ account: String) throws -> ActionContext {
        ActionContext(actor: try Actor(account: account), now: clock.now)
    }

    func eventCount() async throws -> Int { try await app.eventCount(context: try context(Self.admin.0)) }

    /// The evidence files stored, by name.
    func evidenceFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: home.appendingPathComponent("evidence").path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.count == 64 + 3 }.sorted()
    }

    /// Builds the template once: a facility initialized by the admin, the sample framework, the staff with
    /// passwords, and one person in each counselor's caseload. It is built in a staging directory, then its
    /// ledger is copied with SQLite's backup API into the template, a single file nobody ever opens: tests copy
    /// the template while others run, and copying a live WAL database (its `-wal` and `-shm` vanish when the
    /// last connection closes) raced.
    actor Template {
        static let shared = Template()
        private var made: Task<URL, any Error>?

        func directory() async throws -> URL {
            if let made { return try await made.value }
            let task = Task { try await Self.build() }
            made = task
            return try await task.value
        }

        private static func build() async throws -> URL {
            let name = "bekal-web-template-\(UUID().uuidString)"
            let staging = FileManager.default.temporaryDirectory.appendingPathComponent(name + "-staging")
            let home = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try await populate(staging)
            let files = FileManager.default
            try files.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for item in try files.contentsOfDirectory(atPath: staging.path) where !item.hasPrefix("bekal.sqlite") {
                try files.copyItem(at: staging.appendingPathComponent(item), to: home.appendingPathComponent(item))
            }
            // The staging ledger's own connections may still be closing (a WAL checkpoint) on a loaded machine:
            // wait for its lock instead of failing at once with "database is locked".
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            let source = try DatabaseQueue(path: staging.appendingPathComponent("bekal.sqlite").path, configuration: configuration)
            let copy = try DatabaseQueue(path: home.appendingPathComponent("bekal.sqlite").path, configuration: configuration)
            try source.backup(to: copy)
            try await copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
            try source.close()
            try? files.removeItem(at: staging)
            return home
        }

        private static func populate(_ home: URL) async throws {
            let logger = Logger(label: "bekal.web.tests")
            let context = ActionContext(actor: try Actor(account: WebFixture.admin.0), now: WebFixture.now)
            let (app, _) = try await FacilityApp.initialize(
                home: home, setup: try FacilitySetup(code: "LAPAS-UJI", name: "Lapas Uji"), context: context, logger: logger)
            _ = try await app.importFramework(.sample, context: context)
            try await app.setPassword(try Password(WebFixture.admin.1), of: WebFixture.admin.0, context: context)
            for (account, role) in [(WebFixture.sari, StaffRole.counselor), (WebFixture.budi, .counselor),
                                    (WebFixture.dewi, .assessor), (WebFixture.tamu, .viewer)] {
                _ = try await app.createAccount(
                    NewAccount(name: account.0, role: role, password: try Password(account.1)), context: context)
            }
            for (person, counselor) in [(WebFixture.sariPerson, WebFixture.sari.0), (WebFixture.budiPerson, WebFixture.budi.0)] {
                var input = NewPerson(registerNumber: person.0, fullName: person.1,
                                      admissionDate: LocalDate(year: 2025, month: 9, day: 1)!,
                                      expectedReleaseDate: LocalDate(year: 2026, month: 12, day: 20)!)
                input.counselor = counselor
                _ = try await app.addPerson(input, context: context)
            }
        }
    }
}
