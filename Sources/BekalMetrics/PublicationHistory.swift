import BekalDomain
import Foundation

/// Everything a facility has already published: every report it queued, in any delivery state (pending, sent or
/// failed — a refused report may still have been read), and every privacy-budget spend. Disclosure decisions are
/// made against all of it (`ReportClearance`).
///
/// The caller reads both in the same write transaction that stores the new report, so no report slips in between
/// the check and the insert.
public struct PublicationHistory: Sendable {
    /// The facility whose publications these are.
    public let facilityCode: String
    /// Earlier reports of the facility, in any order.
    public let reports: [MetricsReport]
    /// Earlier privacy-budget spends of the facility.
    public let spends: [PrivacyBudgetSpend]

    /// A history from decoded reports; reports and spends of other facilities are ignored.
    public init(facilityCode: String, reports: [MetricsReport], spends: [PrivacyBudgetSpend]) {
        self.facilityCode = facilityCode
        self.reports = reports.filter { $0.facilityCode == facilityCode }
        self.spends = spends.filter { $0.facilityCode == facilityCode }
    }

    /// A history from the outbox's report bodies (JSON, as queued).
    /// - Throws: `MetricsError.invalidReport` when a body cannot be read: a history that cannot be read cannot be
    ///   checked against, so nothing new is published.
    public init(facilityCode: String, bodies: [Data], spends: [PrivacyBudgetSpend]) throws(MetricsError) {
        var reports: [MetricsReport] = []
        for body in bodies { reports.append(try MetricsReport.decode(body)) }
        self.init(facilityCode: facilityCode, reports: reports, spends: spends)
    }

    /// Nothing published yet.
    public static func empty(facilityCode: String) -> PublicationHistory {
        PublicationHistory(facilityCode: facilityCode, reports: [], spends: [])
    }
}

extension ReportingPeriod {
    /// Whether the two periods share a day (a month overlaps its own quarter and itself).
    public func overlaps(_ other: ReportingPeriod) -> Bool {
        firstDay <= other.lastDay && other.firstDay <= lastDay
    }

    /// The calendar months the period covers: itself, or the quarter's three.
    public var months: [ReportingPeriod] {
        kind == .month ? [self] : (0..<3).compactMap { ReportingPeriod.month(year, (index - 1) * 3 + 1 + $0) }
    }
}
