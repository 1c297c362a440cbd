import ArgumentParser
import BekalApp
import BekalPublisher
import Foundation

/// `bekal send PERSON --to URL`: deliver a person's portfolio to a Bapas.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Sends a person's portfolio (export, status list, release date) to a Bapas.",
        discussion: """
            The delivery is queued in the ledger's delivery outbox first, then sent over HTTP(S) with an \
            Idempotency-Key (the delivery id), retries with backoff and the facility's delivery secret as a bearer \
            token (from --secret-file, mode 0600, or --secret-env; never on the command line). Deliveries left \
            pending by an earlier run to the same URL are sent too; without PERSON only those are sent. With \
            --status-list, the facility's current status list is queued on its own (`bekal revoke` queues it for \
            every Bapas already delivered to), so that the Bapas re-verifies what it received. Exit 0 when \
            everything queued was delivered.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The register number or id of the person (omit to resend what is pending).") var person: String?
    @Option(help: ArgumentHelp("The Bapas's receiving URL (…/terima).", valueName: "url")) var to: String
    @Option(help: ArgumentHelp("A file (mode 0600) holding this facility's delivery secret.", valueName: "file"))
    var secretFile: String?
    @Option(help: ArgumentHelp("An environment variable holding the delivery secret.", valueName: "name"))
    var secretEnv: String?
    @Flag(name: .customLong("include-name"), help: "Put the person's name into the export (the PK needs it to know whose it is).")
    var includeName = false
    @Flag(name: .customLong("status-list"), help: "Queue the current status list on its own instead of a portfolio.")
    var statusList = false
    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust for https.", valueName: "file")) var caFile: String?
    @Option(help: "Attempts per delivery in this run, the first included (1 to 100).") var maxAttempts: Int = 6

    func validate() throws {
        guard (secretFile == nil) != (secretEnv == nil) else {
            throw ValidationError("give the delivery secret with exactly one of --secret-file or --secret-env")
        }
        if statusList && person != nil {
            throw ValidationError("give either PERSON or --status-list, not both")
        }
        guard (1...100).contains(maxAttempts) else { throw ValidationError("--max-attempts: expected 1 to 100") }
    }

    func run() async throws {
        let app = try global.open()
        if let person {
            let id = try await app.queueDelivery(
                try TypedInput.person(person), destination: to, settings: ExportSettings(includeName: includeName),
                context: try global.context())
            print("Queued delivery \(id.uuidString.lowercased()).")
        }
        if statusList {
            try await app.queueStatusListDeliveries(to: to, context: try global.context())
            print("Queued the status list.")
        }
        let request = DeliveryRequest(
            destination: to, secret: secretFile.map(SecretSource.file) ?? .environment(secretEnv ?? ""),
            caFile: caFile, maxAttempts: maxAttempts)
        let summary = try await app.deliverPending(
            request, context: try global.context(), clock: try WallClock.source())
        print("Delivered \(summary.sent), refused \(summary.failed), still pending \(summary.stillPending).")
        if summary.stillPending > 0 {
            throw AppError(.network, "\(summary.stillPending) delivery(ies) stay pending; run `bekal send --to` again later")
        }
        if summary.failed > 0 { throw AppError(.conflict, "\(summary.failed) delivery(ies) refused by the Bapas") }
    }
}
