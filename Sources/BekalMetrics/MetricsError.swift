/// The one error type of BekalMetrics. Equality compares the code only.
public struct MetricsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code (the CLI maps it to an exit code).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case thresholdTooLow = "threshold-too-low"
            case invalidRoundingBase = "invalid-rounding-base"
            case invalidEpsilon = "invalid-epsilon"
            case privacyBudgetExhausted = "privacy-budget-exhausted"
            case invalidPeriod = "invalid-period"
            case invalidReport = "invalid-report"
            case periodAlreadyReported = "period-already-reported"
            case noiseMixed = "noise-mixed"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The disclosure threshold k is below the minimum of 3.
        public static let thresholdTooLow = Code(.thresholdTooLow)
        /// The rounding base is not a positive integer, or is larger than the threshold k.
        public static let invalidRoundingBase = Code(.invalidRoundingBase)
        /// Epsilon is not a positive finite decimal.
        public static let invalidEpsilon = Code(.invalidEpsilon)
        /// The period's privacy budget cannot pay for another noisy release.
        public static let privacyBudgetExhausted = Code(.privacyBudgetExhausted)
        /// The text is not a month (`YYYY-MM`) or a quarter (`YYYY-Qn`).
        public static let invalidPeriod = Code(.invalidPeriod)
        /// A report could not be decoded or breaks the report's rules.
        public static let invalidReport = Code(.invalidReport)
        /// The period was reported already: a published report is final (`PeriodFinality`).
        public static let periodAlreadyReported = Code(.periodAlreadyReported)
        /// A noisy and an exact report would cover the same days (`NoiseConsistency`).
        public static let noiseMixed = Code(.noiseMixed)

        /// The code's stable name, e.g. `privacy-budget-exhausted`.
        public var description: String { value.rawValue }
    }

    /// What went wrong; the only part that equality compares.
    public let code: Code
    /// A message without personal data.
    public let message: String

    /// Creates an error; `message` must hold no personal data.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message, e.g. `invalid-period: …`; safe to log.
    public var description: String { "\(code): \(message)" }

    /// Two errors are equal when their codes are, whatever the message.
    public static func == (lhs: MetricsError, rhs: MetricsError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
