import BekalDomain
import Foundation

/// Who acts: the account a front end authenticated (the web interface's login; the CLI's configured account).
/// Every event a use case appends is stamped with it.
public struct Actor: Sendable, Hashable, CustomStringConvertible {
    /// The account's name as stamped on events, e.g. `wali.budi`.
    public let account: String

    /// - Throws: `AppError.invalidInput` for an empty name, one longer than 64 characters, or one with control
    ///   or invisible characters (it is written into every event and log line).
    public init(account: String) throws(AppError) {
        let trimmed = account.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64,
            trimmed.unicodeScalars.allSatisfy({ VisibleText.allows($0) })
        else {
            throw AppError(.invalidInput, "the acting account must be 1 to 64 visible characters", field: "actor",
                           reason: .actorInvalid)
        }
        self.account = trimmed
    }

    public var description: String { account }
}

/// What every use case is given besides its input: who acts and when. Time is never read below the front end;
/// the CLI passes the clock's reading (or `BEKAL_NOW` in tests), the web interface the request's time.
public struct ActionContext: Sendable {
    /// The authenticated account acting.
    public var actor: Actor
    /// The instant of the action: stamped on events, used for validity, and the source of `today`.
    public var now: Date

    /// - Parameters:
    ///   - actor: the authenticated account.
    ///   - now: the instant of the action.
    public init(actor: Actor, now: Date) {
        self.actor = actor
        self.now = now
    }

    /// The facility's calendar day at `now` (WIB).
    public var today: LocalDate { FacilityCalendar.day(of: now) }
}
