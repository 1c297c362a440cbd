import Foundation

/// Slows password guessing down: after `perAccount` failed sign-ins for one account name, or `perAddress` from
/// one client address, within `window`, further attempts for it are refused until the oldest failure leaves the
/// window (no password is checked then, so a flood costs no bcrypt work either). A success clears the account's
/// failures. In memory, with the injected clock.
public actor LoginThrottle {
    /// Failures allowed per account name within the window.
    public let perAccount: Int
    /// Failures allowed per client address within the window.
    public let perAddress: Int
    /// The window.
    public let window: TimeInterval
    private let clock: @Sendable () -> Date
    private var byAccount: [String: [Date]] = [:]
    private var byAddress: [String: [Date]] = [:]

    /// - Parameters:
    ///   - clock: the server's time source.
    ///   - perAccount: 5 by default.
    ///   - perAddress: 20 by default (an office shares one address behind NAT less often than a phone network).
    ///   - window: 15 minutes by default.
    public init(clock: @escaping @Sendable () -> Date, perAccount: Int = 5, perAddress: Int = 20,
                window: TimeInterval = 15 * 60)
    {
        self.clock = clock
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    /// When the next attempt for this account from this address may be made, `nil` when it may be made now.
    public func retryAfter(account: String, address: String) -> Date? {
        let now = clock()
        let blocks = [(byAccount[account.lowercased()], perAccount), (byAddress[address], perAddress)]
            .compactMap { failures, limit -> Date? in
                let recent = (failures ?? []).filter { now.timeIntervalSince($0) < window }
                guard recent.count >= limit, let oldest = recent.min() else { return nil }
                return oldest.addingTimeInterval(window)
            }
        return blocks.max()
    }

    /// Counts a failed attempt.
    public func failed(account: String, address: String) {
        let now = clock()
        let keep = { (failures: [Date]) in failures.filter { now.timeIntervalSince($0) < self.window } + [now] }
        byAccount[account.lowercased()] = keep(byAccount[account.lowercased()] ?? [])
        byAddress[address] = keep(byAddress[address] ?? [])
        if byAccount.count > 50_000 { byAccount = byAccount.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        if byAddress.count > 50_000 { byAddress = byAddress.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
    }

    /// Clears an account's failures after it signed in.
    public func succeeded(account: String) { byAccount[account.lowercased()] = nil }
}
