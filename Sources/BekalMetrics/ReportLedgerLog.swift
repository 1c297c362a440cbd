import Foundation

/// What a report carries of the facility's verifiable ledger (docs/metrics.md, "The report's checkpoint"): the
/// ledger's signed checkpoint as committed when the report was queued, and an RFC 9162 consistency proof from the
/// checkpoint of the facility's previous report. A receiver that keeps each report's checkpoint is a witness: it
/// accepts the new one only when the proof leads from the one it holds, and a rewritten ledger cannot produce one.
public struct ReportLedgerLog: Sendable, Hashable, Codable {
    /// The checkpoint (C2SP tlog-checkpoint in a signed note, serialized), signed with the facility's key.
    public var checkpoint: String
    /// The proof from the previous report's checkpoint; absent in a facility's first report with a checkpoint,
    /// and when the ledger holds fewer events than that checkpoint (which the receiver sees as a rollback).
    public var consistency: Consistency?

    /// A consistency proof from an earlier report's checkpoint.
    public struct Consistency: Sendable, Hashable, Codable {
        /// The earlier report (whose `ledgerLog.checkpoint` the proof starts from).
        public var fromReportID: UUID
        /// That checkpoint's tree size.
        public var fromSize: Int64
        /// The proof's hashes, standard base64 of 32 bytes each, in order.
        public var proof: [String]

        /// - Parameters:
        ///   - fromReportID: the earlier report.
        ///   - fromSize: its checkpoint's size.
        ///   - proof: the hashes.
        public init(fromReportID: UUID, fromSize: Int64, proof: [String]) {
            self.fromReportID = fromReportID
            self.fromSize = fromSize
            self.proof = proof
        }
    }

    /// - Parameters:
    ///   - checkpoint: the signed checkpoint.
    ///   - consistency: the proof from the previous report's checkpoint, if any.
    public init(checkpoint: String, consistency: Consistency?) {
        self.checkpoint = checkpoint
        self.consistency = consistency
    }
}

extension MetricsReport {
    /// The format version of a report with a ledger log.
    public static let ledgerLogFormatVersion = 2

    /// The same report carrying `log` (format version 2).
    public func withLedgerLog(_ log: ReportLedgerLog) -> MetricsReport {
        var report = self
        report.ledgerLog = log
        report.formatVersion = Self.ledgerLogFormatVersion
        return report
    }
}
