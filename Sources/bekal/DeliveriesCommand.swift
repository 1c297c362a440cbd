import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

/// `bekal deliveries`: where the latest deliveries to a Bapas stand, as the web's Ekspor page lists them.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "Lists the latest deliveries to a Bapas, newest first, with what each carries and where it stands.",
        discussion: """
            One row per delivery queued by `bekal send`, `bekal revoke` or the web's Kirim ke Bapas: its id (also \
            its Idempotency-Key and the id `bekal send` logs), what it carries (the person's register number, \
            "status-list" for a status list on its own, or "portfolio" for one queued before the ledger recorded \
            the person), the Bapas, when it was queued, its state (pending, sent, or failed when the Bapas refused \
            it), the attempts and the last error. A failed delivery is sent again by sending the person again.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "How many deliveries to list, the newest first (1 to 1000).") var limit = 50

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
    }

    func run() async throws {
        let deliveries = try await global.open().recentDeliveries(limit: limit, context: try global.context())
        if output.json { return try Output.json(deliveries.map(Row.init)) }
        print(Table.line(["id", "carries", "bapas", "queued", "state", "attempts", "last_error"]))
        for delivery in deliveries {
            let row = Row(delivery)
            print(Table.line([row.id.uuidString.lowercased(), row.person?.registerNumber ?? row.kind, row.destination, row.enqueuedAt,
                              row.state, String(row.attempts), row.lastError ?? ""]))
        }
    }

    /// A delivery as the command prints it (ids in JSON as the other commands' JSON gives them).
    struct Row: Encodable {
        struct Person: Encodable {
            var id: UUID
            var registerNumber: String
        }

        var id: UUID
        var kind: String
        var person: Person?
        var destination: String
        var enqueuedAt: String
        var state: String
        var attempts: Int
        var lastError: String?

        init(_ delivery: DeliveryStatus) {
            id = delivery.id
            kind = delivery.kind.rawValue
            person = delivery.person.map {
                Person(id: $0.id, registerNumber: $0.registerNumber)
            }
            destination = delivery.destination
            enqueuedAt = Timestamp.format(delivery.enqueuedAt)
            state = delivery.state.rawValue
            attempts = delivery.attempts
            lastError = delivery.lastError
        }
    }
}
