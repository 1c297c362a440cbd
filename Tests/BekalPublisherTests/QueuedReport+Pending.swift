import BekalDomain
import BekalMetrics
import Foundation

extension QueuedReport {
    /// A pending entry for `report`, as the ledger would queue it.
    init(pending report: MetricsReport, enqueuedAt: Date) throws {
        self.init(
            reportID: report.reportID, facilityCode: report.facilityCode, period: report.period,
            body: try report.jsonData(), enqueuedAt: enqueuedAt)
    }
}
