import BekalDomain
import BekalJSON
import Dispatch
import Foundation

/// Exports many portfolios at once (e.g. everyone due for release this month) on all cores.
public enum FacilityExport {
    /// Allocates every status index first (sequentially, cheap), then builds and signs the exports in parallel.
    /// - Parameter verificationCodes: each person's verification code by person id (the keyed identity form);
    ///   a person without one is exported in the older register-number-only form. `options.verificationCode` is
    ///   not used here: a code belongs to one person.
    /// - Returns: the exports in the order of `portfolios`, and the allocation including every new index.
    public static func exportAll(
        _ portfolios: [Portfolio], key: IssuerKey, options: ExportOptions, now: Date,
        verificationCodes: [UUID: VerificationCode] = [:]
    ) throws(CredentialError) -> (exports: [ExportResult], statusAllocation: StatusAllocation) {
        var random = SystemRandomNumberGenerator()
        var allocation = options.statusAllocation
        var plans: [PortfolioExporter.NewIDs] = []
        for portfolio in portfolios {
            let ids = PortfolioExporter.NewIDs(&random)
            for id in PortfolioExporter.credentialIDs(portfolio, newIDs: ids) { _ = try allocation.index(for: id) }
            plans.append(ids)
        }
        var shared = options
        shared.statusAllocation = allocation
        let slots = ResultSlots(count: portfolios.count)
        let allocated = shared
        let fixedPlans = plans
        DispatchQueue.concurrentPerform(iterations: portfolios.count) { index in
            var local = SystemRandomNumberGenerator()
            var personal = allocated
            personal.verificationCode = verificationCodes[portfolios[index].person.id]
            let result = Result { () throws(CredentialError) -> ExportResult in
                try PortfolioExporter.export(
                    portfolios[index], key: key, options: personal, now: now, newIDs: fixedPlans[index], random: &local)
            }
            slots.set(index, result)
        }
        var exports: [ExportResult] = []
        for result in slots.results {
            switch result {
            case .success(let export)?: exports.append(export)
            case .failure(let error)?: throw error
            case nil: throw CredentialError(.exportFailed, "an export did not finish")
            }
        }
        return (exports, allocation)
    }
}

/// Results written by concurrent workers, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<ExportResult, CredentialError>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<ExportResult, CredentialError>) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var results: [Result<ExportResult, CredentialError>?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
