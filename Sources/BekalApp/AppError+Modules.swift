import BekalCredentials
import BekalDomain
import BekalJSON
import BekalLinkedData
import BekalLog
import BekalMetrics
import BekalPublisher
import BekalRender

extension AppError {
    /// Any error a use case can meet, as an `AppError`: the one place that knows every module's error type and
    /// which class of failure each of its codes is (storage errors are mapped where they arise, by the storage
    /// adapter, which alone knows its store). Unknown errors keep only their type name, since their
    /// descriptions may carry values.
    public init(_ error: any Error) {
        switch error {
        case let error as AppError:
            self = error
        case let error as DomainError:
            self.init(Self.code(for: error.code), error.description, field: error.path.isEmpty ? nil : error.path,
                      cause: error)
        case let error as CredentialError:
            self.init(Self.code(for: error.code), error.message, cause: error)
        case let error as MetricsError:
            self.init(Self.code(for: error.code), error.description, cause: error)
        case let error as PublisherError:
            self.init(Self.code(for: error.code), error.description, cause: error)
        case let error as RenderError:
            self.init(Self.code(for: error.code), error.message, cause: error)
        case let error as JSONError:
            self.init(.invalidInput, "not acceptable JSON: \(error)", cause: error)
        case let error as LinkedDataError:
            self.init(.invalidInput, "the document cannot be read as linked data: \(error)", cause: error)
        case let error as LogError:
            self.init(Self.code(for: error.code), error.message, cause: error)
        default:
            self.init(.storage, "unexpected failure (\(type(of: error)))")
        }
    }

    /// The reason of a store error (`BekalStore.StoreError`), from its message: the only place a message is
    /// matched. The store's codes are as coarse as `Code` (`notFound`, `conflict`, `invalidInput`) and the store
    /// cannot name an `AppError.Reason` (it does not know the application layer), so the sentences it writes are
    /// read here, once, for the storage adapters (`SQLiteLedgerStorage`, `BapasStorage`). A store message that is
    /// reworded loses its reason (the page then says the class of failure) and should be changed here too. The
    /// first fragment found wins ("unknown account" is last, after the account sentences that are not it).
    static func reason(forStoreMessage message: String) -> Reason? {
        storeFragments.first { message.contains($0.0) }?.1
    }

    private static let storeFragments: [(String, Reason)] = [
        ("a value is required", .valueRequired),
        ("expected an existing date", .unknownDate),
        ("expected a number", .notANumber),
        ("thousands or decimals", .ambiguousSeparator),
        ("too many digits", .tooManyDigits),
        ("expected a whole number", .notAWholeNumber),
        ("expected one of", .notAnOption),
        ("register number is already recorded", .registerNumberTaken),
        ("unknown person", .unknownPerson),
        ("already retracted", .alreadyRetracted),
        ("no longer active", .personNotActive),
        ("cannot be corrected", .notCorrectable),
        ("credential is already revoked", .alreadyRevoked),
        ("no event with this id", .noSuchEvent),
        ("expiry date is before the issue date", .expiryBeforeIssue),
        ("active counselor account", .counselorRequired),
        ("an account with this name already exists", .alreadyExists),
        ("unknown account", .unknownAccount),
    ]

    static func code(for code: DomainError.Code) -> Code {
        switch code {
        case .unknownPerson, .unknownFramework, .unknownUnit: .notFound
        default: .invalidInput
        }
    }

    static func code(for code: CredentialError.Code) -> Code {
        switch code {
        case .keyFileInsecure: .permission
        case .keyFileMissing: .notFound
        case .exportFailed, .documentMalformed, .termNotCovered, .trustListMalformed, .statusListMalformed,
            .statusListTooLarge, .invalidDIDKey:
            .invalidInput
        default: .storage
        }
    }

    static func code(for code: MetricsError.Code) -> Code {
        switch code {
        case .privacyBudgetExhausted, .periodAlreadyReported, .noiseMixed: .conflict
        case .invalidReport: .storage
        default: .invalidInput
        }
    }

    static func code(for code: PublisherError.Code) -> Code {
        switch code {
        case .invalidEndpoint, .secretMissing, .secretMalformed, .invalidHeader: .invalidInput
        case .secretUnreadable: .notFound
        case .secretInsecure: .permission
        case .outboxFailure, .unknownReport: .storage
        default: .network
        }
    }

    static func code(for code: LogError.Code) -> Code {
        switch code {
        case .stateFile: .storage
        case .permission: .permission
        default: .invalidInput
        }
    }

    static func code(for code: RenderError.Code) -> Code {
        switch code {
        case .notAnExport: .invalidInput
        case .evidenceDirectoryUnreadable: .usage
        default: .storage
        }
    }
}
