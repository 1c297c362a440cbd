import BekalDomain
import BekalJSON
import Dispatch
import Foundation

/// Exports many portfolios at once (e.g. everyone due for release this month) on all cores.
public enum FacilityExport {
    /// Builds and signs the planned exports in parallel, on all cores.
    /// - Parameters:
    ///   - planned: each portfolio with its plan (`PortfolioExporter.plan`).
    ///   - options: their `statusAllocation` must hold an index for every id of every plan;
    ///     `options.verificationCode` is not used here: a code belongs to one person.
    ///   - verificationCodes: each person's verification code by person id (the keyed identity form); a person
    ///     without one is exported in the older register-number-only form.
    ///   - ledgerLogs: each person's log proof by person id (`ExportOptions.ledgerLog`); none when missing.
    /// - Returns: the exports in the order of `planned`.
    public static func exportAll(
        _ planned: [(portfolio: Portfolio, plan: ExportPlan)], key: IssuerKey, options: ExportOptions, now: Date,
        verificationCodes: [UUID: VerificationCode] = [:], ledgerLogs: [UUID: LedgerLogEvidence] = [:]
    ) throws(CredentialError) -> [ExportResult] {
        for (_, plan) in planned {
            for id in plan.credentialIDs where options.statusAllocation.indices[id] == nil {
                throw CredentialError(.exportFailed, "a credential of the export has no status-list index")
            }
        }
        let portfolios = planned.map(\.portfolio)
        let fixedPlans = planned.map(\.plan.newIDs)
        let allocated = options
        let slots = ResultSlots(count: portfolios.count)
        DispatchQueue.concurrentPerform(iterations: portfolios.count) { index in
            var local = SystemRandomNumberGenerator()
            var personal = allocated
            personal.verificationCode = verificationCodes[portfolios[index].person.id]
            personal.ledgerLog = ledgerLogs[portfolios[index].person.id]
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
        return exports
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
