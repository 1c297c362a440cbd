import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalMetrics
import BekalPublisher
import BekalStore
import Foundation

/// The CLI's exit codes, one per class of failure (README, "Exit codes").
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
}

/// A failure found by a command itself (bad option values), with the exit status it means.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String

    static func invalid(_ message: String) -> CommandFailure { CommandFailure(status: .invalidInput, message: message) }
}

/// Maps any module's error to a message (without personal data) and an exit code. The one place that knows
/// every module's error type.
struct Failure {
    var message: String?
    var exitCode: Int32

    /// `nil` for errors ArgumentParser reports itself (help, version, usage).
    init?(known error: any Error) {
        switch error {
        case is CommandFailure, is StoreError, is DomainError, is MetricsError, is PublisherError, is ValidationError,
            is CredentialError:
            self.init(error)
        case let code as ExitCode where code.rawValue != 0: self.init(error)
        case is ExitCode: return nil
        default:
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return nil }
            self.init(error)
        }
    }

    init(_ error: any Error) {
        switch error {
        case let error as CommandFailure:
            self.init(error.message, error.status)
        case let error as StoreError:
            self.init(error.message, Failure.status(for: error.code))
        case let error as DomainError:
            self.init(error.description, Failure.status(for: error.code))
        case let error as MetricsError:
            self.init(error.description, Failure.status(for: error.code))
        case let error as PublisherError:
            self.init(error.description, Failure.status(for: error.code))
        case let error as CredentialError:
            self.init(error.message, Failure.status(for: error.code))
        case let error as ExitCode:
            self.init(nil, error.rawValue)
        case let error as ValidationError:
            self.init(error.message, .usage)
        default:
            // Unknown errors may carry values in their description; print only their type.
            self.init("unexpected failure (\(type(of: error)))", .storage)
        }
    }

    private init(_ message: String?, _ status: ExitStatus) {
        self.message = message
        self.exitCode = status.rawValue
    }

    private init(_ message: String?, _ code: Int32) {
        self.message = message
        self.exitCode = code
    }

    static func status(for code: StoreError.Code) -> ExitStatus {
        switch code {
        case .notFound: .notFound
        case .invalidInput: .invalidInput
        case .conflict, .alreadyInitialized: .conflict
        case .permission: .permission
        default: .storage
        }
    }

    static func status(for code: CredentialError.Code) -> ExitStatus {
        switch code {
        case .keyFileInsecure: .permission
        case .keyFileMissing: .notFound
        case .exportFailed, .documentMalformed, .termNotCovered: .invalidInput
        default: .storage
        }
    }

    static func status(for code: DomainError.Code) -> ExitStatus {
        switch code {
        case .unknownPerson, .unknownFramework, .unknownUnit: .notFound
        default: .invalidInput
        }
    }

    static func status(for code: MetricsError.Code) -> ExitStatus {
        switch code {
        case .privacyBudgetExhausted, .periodAlreadyReported, .noiseMixed: .conflict
        case .invalidReport: .storage
        default: .invalidInput
        }
    }

    static func status(for code: PublisherError.Code) -> ExitStatus {
        switch code {
        case .invalidEndpoint, .secretMissing, .secretMalformed, .invalidHeader: .invalidInput
        case .secretUnreadable: .notFound
        case .secretInsecure: .permission
        case .outboxFailure, .unknownReport: .storage
        default: .network
        }
    }
}
