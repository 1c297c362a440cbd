import Foundation

/// What a store reads, inside the one transaction that queues a metrics report, so that the caller can decide
/// the report on a consistent view: the period's raw figures, the privacy budget already spent and every report
/// already in the outbox.
public struct ReportInputs: Sendable {
    /// The raw (unprotected) figures of the period being reported.
    public var figures: ProgrammeFigures
    /// Every privacy-budget spend the ledger holds, oldest first.
    public var budgetSpends: [PrivacyBudgetSpend]
    /// Every report already queued for this facility, in any state, oldest first.
    public var queued: [QueuedReport]
    /// The ledger's log as committed when the inputs were read (before the report's own budget spend, if any),
    /// with the consistency proof from the previous report's checkpoint: what the report's checkpoint signs.
    /// `nil` when the store was not asked for it.
    public var log: LogTreeState?

    /// - Parameters:
    ///   - figures: the period's raw figures.
    ///   - budgetSpends: the spends recorded so far.
    ///   - queued: the reports already in the outbox.
    ///   - log: the ledger's log read in the same transaction.
    public init(
        figures: ProgrammeFigures, budgetSpends: [PrivacyBudgetSpend], queued: [QueuedReport], log: LogTreeState? = nil
    ) {
        self.figures = figures
        self.budgetSpends = budgetSpends
        self.queued = queued
        self.log = log
    }
}

/// What the caller decided to queue: the report's fixed bytes and, for a noisy report, the budget it spends.
/// The store writes both in the transaction it read `ReportInputs` in, or neither.
public struct ReportDraft: Sendable {
    /// The report to put in the outbox, pending.
    public var report: QueuedReport
    /// The privacy-budget spend to append to the ledger, for a report with noise.
    public var budgetSpend: PrivacyBudgetSpend?

    /// - Parameters:
    ///   - report: the pending report.
    ///   - budgetSpend: the spend to record with it, if any.
    public init(report: QueuedReport, budgetSpend: PrivacyBudgetSpend?) {
        self.report = report
        self.budgetSpend = budgetSpend
    }
}
