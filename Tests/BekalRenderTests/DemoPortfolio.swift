import BekalDomain
import BekalStore
import Foundation
import Logging

/// The demo facility's record, through the real store: `DemoFacility` events appended to an in-memory ledger,
/// the portfolio read back. The demo's evidence hashes are invented, so two real photos are attached to the two
/// latest Kompeten assessments to show thumbnails.
enum DemoPortfolio {
    static func make() throws -> Portfolio {
        let data = DemoFacility.generate(people: 12, seed: 1, today: LocalDate("2026-11-27")!)
        let ledger = try Ledger.inMemory(logger: Logger(label: "bekal.render.tests"))
        let entries = data.events.map {
            LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
        }
        _ = try ledger.append(contentsOf: entries, actor: "demo", facilityCode: data.facility.code, recordedAt: SampleRecord.now)
        var best: (score: Int, portfolio: Portfolio)?
        for person in try ledger.persons(status: nil) {
            let portfolio = try ledger.portfolio(of: .id(person.id))
            // The most telling page: some units Kompeten, some Belum Kompeten, some not yet assessed.
            let latest = portfolio.latestAssessmentByUnit.values
            let kompeten = latest.count { $0.outcome == .kompeten }
            let belum = latest.count { $0.outcome == .belumKompeten }
            let open = portfolio.framework.units.count - latest.count
            let expired = portfolio.certificates.contains { $0.isExpired(on: LocalDate("2026-11-27")!) }
            let score = (belum > 0 ? 100 : 0) + (open > 0 ? 50 : 0) + (expired ? 30 : 0) + min(kompeten, 5) * 5
                + min(portfolio.production.count, 20)
            if best == nil || score > best!.score { best = (score, portfolio) }
        }
        guard var portfolio = best?.portfolio else { throw Chromium.Failure(description: "the demo has no people") }
        let photos = try ["cloth-parang.png", "cloth-kawung.png"].map { name in
            let data = try RenderFixture.data(name)
            return Evidence(sha256: RenderFixture.sha256(data), mediaType: "image/png", description: "DEMO foto kain hasil cap", byteCount: data.count)
        }
        let kompeten = portfolio.assessments.indices.filter { portfolio.assessments[$0].outcome == .kompeten }
        for (photo, index) in zip(photos, kompeten.suffix(2)) {
            portfolio.assessments[index].evidence.insert(photo, at: 0)
        }
        return portfolio
    }
}
