/// What an import did, counted.
public struct ImportSummary: Sendable, Hashable {
    /// Rows appended as new events.
    public var appended: Int
    /// Rows skipped because the ledger already held them (same kind, same values).
    public var skipped: Int

    /// - Parameters:
    ///   - appended: rows appended as new events.
    ///   - skipped: rows already recorded.
    public init(appended: Int, skipped: Int) {
        self.appended = appended
        self.skipped = skipped
    }
}
