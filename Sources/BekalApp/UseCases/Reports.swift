import BekalDomain
import BekalMetrics
import Foundation
import Logging

/// A programme report as it would be sent: the report and its exact bytes.
public struct ProgrammeReport: Sendable {
    /// The report (figures after disclosure control).
    public var report: MetricsReport
    /// The exact JSON body that goes on the wire.
    public var body: Data
    /// Whether it is in the outbox (a preview is not, and is never sent).
    public var queued: Bool
    /// Tables shown fully hidden because their figures contradict what earlier reports said about the same days.
    public var withheldTables: [String]
}

extension FacilityApp {
    /// The privacy budget a facility may spend on the people of one month, summed over its noisy reports (the
    /// month's own and its quarter's).
    public static let privacyBudgetPerPeriod = "1"

    /// The report of `period` exactly as queueing it now would make it, cleared against everything the facility
    /// already published; it is never sent (it has its own id). When the period was reported already, its queued
    /// report is returned (a report is final). A policy with noise is refused: a noisy draw may only be shown
    /// when its privacy budget is paid (`queueReport`).
    public func previewReport(period: ReportingPeriod, policy: DisclosurePolicy, context: ActionContext) async throws
        -> ProgrammeReport
    {
        try await authorize(.administer, context: context)
        guard policy.epsilon == nil else {
            throw AppError(.usage, "a report with noise spends privacy budget; queue it instead of previewing it",
                           reason: .noiseNeedsQueue)
        }
        let queued = try await storage.queuedReports()
        if let earlier = queued.last(where: { $0.period == period }) {
            return ProgrammeReport(report: try MetricsReport.decode(earlier.body), body: earlier.body, queued: true,
                                   withheldTables: [])
        }
        let log = try await loadFacilityLog()
        let previous = Self.previousReportCheckpoint(queued, facilityCode: try await storage.facility().code)
        let inputs = ReportInputs(figures: try await storage.programmeFigures(period: period),
                                  budgetSpends: try await storage.privacyBudgetSpends(), queued: queued,
                                  log: try await storage.logState(provingFrom: previous?.size))
        var random = SystemRandomNumberGenerator()
        let cleared = try Self.clear(inputs, policy: policy, reportID: UUID(), now: context.now, random: &random)
        let report = try Self.withLedgerLog(cleared.report, inputs, log: log)
        return ProgrammeReport(report: report, body: try Self.body(of: report), queued: false,
                               withheldTables: cleared.withheldTables)
    }

    /// Computes the report of `period`, clears it against everything the facility published (a period is reported
    /// once; noisy and exact reports never cover the same days; the privacy budget of every month; disclosure
    /// control over every report of the quarter) and queues it for `publish`, in one transaction with the
    /// privacy-budget spend a noisy report makes.
    /// - Throws: invalid input when the period has not ended by the facility's today (`context.today`): a queued
    ///   report is final, so a running or future period would be reported for good without its remaining days;
    ///   conflict when the period was reported, the days were reported in the other mode, or the budget cannot pay
    ///   for the noise (nothing is written then).
    public func queueReport(period: ReportingPeriod, policy: DisclosurePolicy, context: ActionContext) async throws
        -> ProgrammeReport
    {
        try await authorize(.administer, context: context)
        try Self.requireEnded(period, today: context.today)
        let reportID = UUID()
        let now = context.now
        let withheld = WithheldTables()
        let log = try await loadFacilityLog()
        let code = try await storage.facility().code
        let draft = try await storage.queueReport(
            period: period, actor: context.actor, recordedAt: now,
            logFrom: { queued in Self.previousReportCheckpoint(queued, facilityCode: code)?.size }
        ) { inputs in
            var random = SystemRandomNumberGenerator()
            let cleared = try Self.clear(inputs, policy: policy, reportID: reportID, now: now, random: &random)
            withheld.set(cleared.withheldTables)
            let report = try Self.withLedgerLog(cleared.report, inputs, log: log)
            return ReportDraft(
                report: QueuedReport(reportID: reportID, facilityCode: report.facilityCode, period: period,
                                     body: try Self.body(of: report), enqueuedAt: now),
                budgetSpend: cleared.spend)
        }
        logger.info("metrics report queued", metadata: [
            "report.id": "\(reportID.uuidString.lowercased())", "report.withheld-tables": "\(withheld.get().count)",
        ])
        return ProgrammeReport(report: try MetricsReport.decode(draft.report.body), body: draft.report.body, queued: true,
                               withheldTables: withheld.get())
    }

    /// Whether `period` may be queued on `today`: only once its last day has passed. A preview of a running period
    /// stays allowed (it is never sent).
    /// - Throws: `AppError.invalidInput` (field `period`) for a period whose last day is today or later.
    public static func requireEnded(_ period: ReportingPeriod, today: LocalDate) throws(AppError) {
        guard period.lastDay < today else {
            throw AppError(
                .invalidInput,
                "only a finished period can be queued: \(period) ends on \(period.lastDay), which is not before today "
                    + "(\(today)); a queued report is final, so queue it from \(period.lastDay.adding(days: 1)) on "
                    + "(a preview without queueing is allowed meanwhile)",
                field: "period", reason: .periodNotEnded)
        }
    }

    /// Every report in the outbox, oldest first. Any active account may read it.
    public func outbox(context: ActionContext) async throws -> [QueuedReport] {
        try await authorize(.read, context: context)
        return try await storage.queuedReports()
    }

    private static func clear(
        _ inputs: ReportInputs, policy: DisclosurePolicy, reportID: UUID, now: Date,
        random: inout some RandomNumberGenerator
    ) throws -> ClearedReport {
        let code = inputs.figures.facilityCode
        let history = try PublicationHistory(
            facilityCode: code, bodies: inputs.queued.filter { $0.facilityCode == code }.map(\.body),
            spends: inputs.budgetSpends)
        let budget = PrivacyBudget(perPeriod: try Epsilon(privacyBudgetPerPeriod))
        return try ReportClearance(policy: policy, budget: budget)
            .clear(inputs.figures, history: history, reportID: reportID, now: now, random: &random)
    }

    /// The report with the ledger log read with its inputs (none when the inputs hold no log).
    private static func withLedgerLog(_ report: MetricsReport, _ inputs: ReportInputs, log: FacilityLog) throws
        -> MetricsReport
    {
        guard let state = inputs.log else { return report }
        let previous = previousReportCheckpoint(inputs.queued, facilityCode: report.facilityCode)
        return report.withLedgerLog(try reportLedgerLog(state, previous: previous, log: log))
    }

    private static func body(of report: MetricsReport) throws -> Data {
        do { return try report.jsonData() } catch { throw AppError(.storage, "the report cannot be encoded") }
    }
}

/// The withheld tables' names, carried out of the storage's transaction closure.
private final class WithheldTables: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func set(_ value: [String]) { lock.withLock { names = value } }
    func get() -> [String] { lock.withLock { names } }
}
