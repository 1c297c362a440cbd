import BekalDomain
import BekalStore
import Dispatch
import Foundation

/// The Bapas database as the application layer sees it: the SQLite adapter over `BapasStore` (with
/// `SQLiteLedgerStorage`, the only files of the app layer that import the store). Blocking calls run off the
/// cooperative pool; store errors come back as `AppError`s.
struct BapasStorage: Sendable {
    let store: BapasStore

    private static let queue = DispatchQueue(label: "bekal.bapas.storage", qos: .userInitiated, attributes: .concurrent)

    func run<T: Sendable>(_ body: @escaping @Sendable (BapasStore) throws -> T) async throws -> T {
        let store = store
        return try await withCheckedThrowingContinuation { continuation in
            Self.queue.async {
                continuation.resume(with: Result {
                    do { return try body(store) } catch let error as StoreError {
                        throw SQLiteLedgerStorage.failure(error)
                    }
                })
            }
        }
    }
}

extension BapasStorage {
    func imports() async throws -> [TrustListImport] { try await run { try $0.imports() } }
    func recordImport(_ entry: TrustListImport) async throws { _ = try await run { try $0.recordImport(entry) } }
    func setSecret(facilityCode: String, tokenSHA256: Data, at: Date) async throws {
        try await run { try $0.setSecret(facilityCode: facilityCode, tokenSHA256: tokenSHA256, at: at) }
    }
    func secrets() async throws -> [(facilityCode: String, tokenSHA256: Data)] { try await run { try $0.secrets() } }
    func receive(_ portfolio: ReceivedPortfolio) async throws -> (portfolio: ReceivedPortfolio, isNew: Bool) {
        try await run { try $0.receive(portfolio) }
    }
    func receivedPortfolios() async throws -> [ReceivedPortfolio] { try await run { try $0.receivedPortfolios() } }
    func receivedPortfolio(id: UUID) async throws -> ReceivedPortfolio { try await run { try $0.receivedPortfolio(id: id) } }
    func updateVerdict(
        id: UUID, verdict: String, sentence: String, sentenceEnglish: String?, facilityName: String?, at: Date
    ) async throws {
        try await run {
            try $0.updateVerdict(id: id, verdict: verdict, sentence: sentence, sentenceEnglish: sentenceEnglish,
                                 facilityName: facilityName, at: at)
        }
    }
    func storeStatusList(url: String, body: Data, at: Date) async throws {
        try await run { try $0.storeStatusList(url: url, body: body, at: at) }
    }
    func statusLists() async throws -> [(url: String, body: Data)] { try await run { try $0.statusLists() } }
}

extension BapasStorage {
    /// The Bapas database of the data directory `home`, created the first time.
    static func open(home: URL) throws -> BapasStorage {
        do { return BapasStorage(store: try BapasStore(home: home)) } catch let error as StoreError {
            throw SQLiteLedgerStorage.failure(error)
        }
    }

    /// A Bapas database in memory.
    static func inMemory() throws -> BapasStorage { BapasStorage(store: try BapasStore.inMemory()) }
}
