import BekalCredentials
import BekalDomain
import Foundation
import BekalApp

/// The CLI's exit codes, one per class of failure (README, "Exit codes"): the one table every error goes through.
enum ExitStatus: Int32 {
    case ok = 0
    case verificationFailed = 1
    case usage = 2
    case notFound = 3
    case invalidInput = 4
    case conflict = 5
    case storage = 6
    case permission = 7
    case network = 8
    /// `bekal witness add`: the log presented a smaller tree than one it signed (evidence written).
    case witnessRollback = 9
    /// `bekal witness add`: the log signed two histories that cannot both be true (evidence written).
    case witnessFork = 10

    init(_ code: AppError.Code) {
        self = switch code {
        case .usage: .usage
        case .notFound: .notFound
        case .invalidInput: .invalidInput
        case .conflict: .conflict
        case .permission: .permission
        case .network: .network
        default: .storage
        }
    }
}
