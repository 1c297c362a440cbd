import BekalDomain
import Foundation

/// The report sent to the ministry: the facility's code, the period and protected tables — nothing else.
///
/// The type has no field that could hold a name, a register number, a person's id or a date of an event: only
/// the period, the report's own id and creation time, the policy and counts. `schemas/metrics-report.schema.json`
/// describes its JSON form.
public struct MetricsReport: Sendable, Hashable, Codable {
    /// The version of the report format.
    public static let formatVersion = 1

    /// The format version this report was written in (`MetricsReport.formatVersion` for new reports).
    public var formatVersion: Int
    /// The reporting facility's code, e.g. `LAPAS-PWT`.
    public var facilityCode: String
    /// The month or quarter the figures cover.
    public var period: ReportingPeriod
    /// Also the `Idempotency-Key` of every delivery attempt.
    public var reportID: UUID
    /// When the report was generated, in whole seconds.
    public var generatedAt: Date
    /// How the figures were protected, so readers know what suppression and noise mean for them.
    public var policy: PolicyDescription
    /// The protected tables, in publication order.
    public var tables: [PublishedTable]
    /// The facility ledger's signed checkpoint and the consistency proof from the previous report's (format
    /// version 2; `withLedgerLog`). Sizes and hashes only: nothing about a person.
    public var ledgerLog: ReportLedgerLog?

    /// How the figures were protected, as stated in the report.
    public struct PolicyDescription: Sendable, Hashable, Codable {
        /// The disclosure threshold k: counts from 1 to k − 1 are suppressed.
        public var threshold: Int
        /// The base published counts are rounded to.
        public var roundingBase: Int
        /// ε of the whole report when noise was added.
        public var epsilon: Double?
        /// The policy's one-line description, e.g. "counts 1-9 suppressed; others rounded to base 5; …".
        public var summary: String

        /// States `policy` as the report publishes it (ε as a decimal).
        public init(_ policy: DisclosurePolicy) {
            threshold = policy.threshold
            roundingBase = policy.roundingBase
            epsilon = policy.epsilon?.doubleValue
            summary = policy.summary
        }
    }

    /// Creates a report from tables already protected under `policy`.
    public init(
        facilityCode: String, period: ReportingPeriod, reportID: UUID, generatedAt: Date, policy: DisclosurePolicy,
        tables: [PublishedTable]
    ) {
        self.formatVersion = MetricsReport.formatVersion
        self.facilityCode = facilityCode
        self.period = period
        self.reportID = reportID
        self.generatedAt = generatedAt
        self.policy = PolicyDescription(policy)
        self.tables = tables
    }

    /// Builds the report for `figures` under `policy`, as a first report of the facility: nothing published before
    /// is taken into account. Queued reports are made by `ReportClearance`, which checks the history.
    /// - Parameters:
    ///   - reportID: a fresh UUID (injected so a retry of the same computation can keep it).
    ///   - now: the generation time.
    ///   - random: the noise source (the system CSPRNG in production).
    public static func make(
        from figures: ProgrammeFigures, policy: DisclosurePolicy = .ons105, reportID: UUID, now: Date,
        random: inout some RandomNumberGenerator
    ) -> MetricsReport {
        let tables = DisclosureControl(policy: policy).protect(figures, random: &random)
        return MetricsReport(
            facilityCode: figures.facilityCode, period: figures.period, reportID: reportID,
            generatedAt: wholeSeconds(now), policy: policy, tables: tables)
    }

    /// Whole seconds: the timestamp says when, not which instant, and encodes identically everywhere.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// The JSON bytes of the report: sorted keys, ISO 8601 time, so the same report always encodes the same way.
    public func jsonData() throws -> Data {
        try MetricsReport.encoder.encode(self)
    }

    /// Decodes a report from its JSON form.
    public static func decode(_ data: Data) throws(MetricsError) -> MetricsReport {
        let report: MetricsReport
        do {
            report = try decoder.decode(MetricsReport.self, from: data)
        } catch {
            throw MetricsError(.invalidReport, "the data is not a metrics report")
        }
        for table in report.tables {
            let width = table.columns.count
            guard table.columnTotals.count == width, table.rows.allSatisfy({ $0.cells.count == width }),
                table.rows.allSatisfy({ ($0.total != nil) == (table.grandTotal != nil) })
            else { throw MetricsError(.invalidReport, "table \(table.id) has rows that do not match its columns") }
        }
        return report
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
