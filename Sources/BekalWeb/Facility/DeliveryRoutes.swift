import BekalApp
import BekalDomain
import BekalRender
import Foundation
import Hummingbird

extension FacilitySite {
    func registerDeliveries(_ router: RouterGroup<WebRequestContext>) {
        router.post("/wbp/{id}/kirim") { _, context in try await self.queueDelivery(context) }
    }

    /// Kirim ke Bapas: queues the person's portfolio (signed now, with the current status list and release date)
    /// in the delivery outbox for one of the Bapas this server was started with. The web server holds no delivery
    /// secret: the scheduled `bekal send --to URL` delivers what is queued, and the Ekspor page shows each
    /// delivery's state. Only a listed Bapas is accepted, so a form cannot make the facility post a person's
    /// portfolio to an address of the requester's choosing.
    private func queueDelivery(_ context: WebRequestContext) async throws -> Response {
        let person = try await self.person(context)
        try await require(.export(person.id), context)
        let form = try self.form(context)
        guard let destination = form.optional("bapas"), bapasDestinations.contains(destination) else {
            throw AppError(.invalidInput, "choose one of the Bapas listed", field: "bapas", reason: .notAnOption)
        }
        _ = try await app.queueDelivery(
            .id(person.id), destination: destination, settings: ExportSettings(includeName: form["nama"] == "1"),
            context: try kit.actionContext(context))
        return WebResponse.redirect("/wbp/\(person.id.uuidString.lowercased())?pesan=\(Notice.deliveryQueued.rawValue)")
    }

    /// The person page's form: which Bapas, whether the name goes with it, and the button.
    func deliveryForm(_ person: Person, _ context: WebRequestContext) -> HTML {
        guard !bapasDestinations.isEmpty else { return .empty }
        let l = context.language
        let options = bapasDestinations.map { url -> HTML in
            "<option value=\"\(url)\">\(url)</option>"
        }
        return """
            <form method="post" action="/wbp/\(person.id.uuidString.lowercased())/kirim" class="delivery" id="send-to-bapas">\(Layout.csrf(context))
            <label>\(l.t("Bapas tujuan", "Bapas")) <select name="bapas">\(options)</select></label>
            <label><input type="checkbox" name="nama" value="1"> \(l.t("Sertakan nama (PK perlu tahu milik siapa)", "Include the name (the PK needs to know whose it is)"))</label>
            <button type="submit">\(l.t("Kirim ke Bapas", "Send to Bapas"))</button>
            </form>
            """
    }

    /// The Ekspor page's list of the 50 latest deliveries to a Bapas, newest first: whose portfolio (the register
    /// number, linked to the person's page) or the status list, where, when, state, attempts and the last error, so
    /// a refused delivery can be traced to the person to send again. Whoever reads this page may read the list of
    /// persons, which shows the same numbers.
    func deliveriesSection(_ context: WebRequestContext) async throws -> HTML {
        let deliveries = try await app.recentDeliveries(limit: 50, context: try kit.actionContext(context))
        guard !deliveries.isEmpty || !bapasDestinations.isEmpty else { return .empty }
        let l = context.language
        let rows = deliveries.map { delivery -> HTML in
            let state = switch delivery.state {
            case .pending: l.t("Menunggu", "Pending")
            case .sent: l.t("Terkirim", "Delivered")
            case .failed: l.t("Ditolak", "Refused")
            }
            let carries: HTML = switch (delivery.kind, delivery.person) {
            case (.statusList, _): "\(l.t("Daftar status", "Status list"))"
            case (.portfolio, let person?):
                "<a href=\"/wbp/\(person.id.uuidString.lowercased())\">\(person.registerNumber)</a>"
            // Queued before the ledger recorded the person.
            case (.portfolio, nil): "\(l.t("Portofolio", "Portfolio"))"
            }
            return """
                <tr class="delivery-\(delivery.state.rawValue)"><td><code>\(String(delivery.id.uuidString.lowercased().prefix(8)))</code></td><td class="carries">\(carries)</td><td>\(delivery.destination)</td>
                <td>\(PageFormat.dateTime(delivery.enqueuedAt, l))</td><td>\(state)</td><td>\(delivery.attempts)</td><td>\(delivery.lastError ?? "")</td></tr>
                """
        }
        let table: HTML = deliveries.isEmpty
            ? HTML("<p class=\"muted\">\(l.t("Belum ada pengiriman.", "Nothing sent yet."))</p>")
            : """
                <div class="table"><table id="deliveries"><thead><tr><th>\(l.t("Kode", "Id"))</th><th>\(l.t("Isi", "Contents"))</th><th>Bapas</th><th>\(l.t("Diantrekan", "Queued"))</th><th>\(l.t("Status", "State"))</th><th>\(l.t("Percobaan", "Attempts"))</th><th>\(l.t("Keterangan", "Note"))</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                """
        return """
            <h2>\(l.t("Pengiriman ke Bapas", "Deliveries to a Bapas"))</h2>
            <p>\(l.t("Portofolio yang dikirim dari halaman WBP menunggu di sini sampai pengiriman terjadwal (`bekal send`) mengirimnya.", "Portfolios sent from a person's page wait here until the scheduled delivery (`bekal send`) sends them."))</p>
            \(table)
            """
    }
}
