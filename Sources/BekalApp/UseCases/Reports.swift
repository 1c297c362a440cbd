import BekalDomain
import BekalMetrics
import Foundation

/// A programme report as it would be sent: the report and its exact bytes.
public struct ProgrammeReport: Sendable {
    /// The report (figures after disclosure control).
    public var report: MetricsReport
    /// The exact JSON body that goes on the wire.
    public var body: Data
    /// Whether it is in the outbox (a preview is not, and is never sent).
    public var queued: Bool
}

extension FacilityApp {
    /// The privacy budget a facility may spend on one period, summed over its noisy reports.
    public static let privacyBudgetPerPeriod = "1"

    /// The report of `period` under `policy`, for review; it is never sent (it has its own id). A policy with
    /// noise is refused: a noisy draw may only be shown when its privacy budget is paid (`queueReport`).
    public func previewReport(period: ReportingPeriod, policy: DisclosurePolicy, context: ActionContext) async throws
        -> ProgrammeReport
    {
        guard policy.epsilon == nil else {
            throw AppError(.usage, "a report with noise spends privacy budget; queue it instead of previewing it")
        }
        var random = SystemRandomNumberGenerator()
        let report = MetricsReport.make(
            from: try await storage.programmeFigures(period: period), policy: policy, reportID: UUID(),
            now: context.now, random: &random)
        return ProgrammeReport(report: report, body: try Self.body(of: report), queued: false)
    }

    /// Computes the report of `period` and queues it for `publish`, in one transaction with the privacy-budget
    /// spend a noisy report makes: no noisy report is ever made without its spend recorded.
    /// - Throws: conflict when the period's budget cannot pay for the noise (nothing is written then).
    public func queueReport(period: ReportingPeriod, policy: DisclosurePolicy, context: ActionContext) async throws
        -> ProgrammeReport
    {
        let budget = PrivacyBudget(perPeriod: try Epsilon(Self.privacyBudgetPerPeriod))
        let reportID = UUID()
        let now = context.now
        let draft = try await storage.queueReport(period: period, actor: context.actor, recordedAt: now) { inputs in
            var spend: PrivacyBudgetSpend?
            if let epsilon = policy.epsilon {
                spend = try budget.authorize(
                    epsilon, facilityCode: inputs.figures.facilityCode, period: period, reportID: reportID,
                    previous: inputs.budgetSpends)
            }
            var random = SystemRandomNumberGenerator()
            let report = MetricsReport.make(from: inputs.figures, policy: policy, reportID: reportID, now: now,
                                            random: &random)
            return ReportDraft(
                report: QueuedReport(reportID: reportID, facilityCode: report.facilityCode, period: period,
                                     body: try Self.body(of: report), enqueuedAt: now),
                budgetSpend: spend)
        }
        return ProgrammeReport(report: try MetricsReport.decode(draft.report.body), body: draft.report.body, queued: true)
    }

    /// Every report in the outbox, oldest first.
    public func outbox() async throws -> [QueuedReport] { try await storage.queuedReports() }

    private static func body(of report: MetricsReport) throws -> Data {
        do { return try report.jsonData() } catch { throw AppError(.storage, "the report cannot be encoded") }
    }
}
