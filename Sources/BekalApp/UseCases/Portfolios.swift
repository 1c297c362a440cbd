import BekalDomain
import Foundation

/// A person's standing now: the portfolio and what it amounts to against the framework.
public struct PortfolioStandingResult: Sendable {
    /// Everything recorded about the person.
    public var portfolio: Portfolio
    /// What it amounts to on the day asked: where each unit stands, the certificates, training and production totals.
    public var standing: PortfolioStanding
}

/// One line of the readiness list.
public struct ReadinessLine: Sendable {
    /// The person the line is about.
    public var person: Person
    /// What their portfolio still lacks under the facility's readiness policy, and the days left until release.
    public var report: ReadinessReport

    /// Still held after the expected release date: what a counselor must see first.
    public var isOverdue: Bool { person.status == .active && report.daysUntilRelease < 0 }
}

extension FacilityApp {
    /// People whose portfolios `readiness` reads in one storage call.
    public static let readinessBatchSize = 128

    /// One person, by register number or id. Any active account may read them.
    /// - Throws: not found for an unknown person; permission for an unknown or disabled account or a PK.
    public func person(_ reference: PersonReference, context: ActionContext) async throws -> Person {
        try await authorize(.read, context: context)
        return try await storage.person(reference)
    }

    /// Persons with `status` whose name or register number contains `text`, by expected release date. Any active
    /// account may read them.
    public func persons(status: PersonStatus? = nil, matching text: String? = nil, context: ActionContext) async throws
        -> [Person]
    {
        try await authorize(.read, context: context)
        return try await storage.persons(status: status, matching: text)
    }

    /// Everything recorded about a person and where it stands on `context.today`.
    public func portfolioStanding(of reference: PersonReference, context: ActionContext) async throws
        -> PortfolioStandingResult
    {
        try await authorize(.read, context: context)
        let portfolio = try await storage.portfolio(of: reference)
        return PortfolioStandingResult(portfolio: portfolio, standing: PortfolioStanding(portfolio, today: context.today))
    }

    /// What a portfolio already read (by `portfolioStanding`) still lacks on `context.today` under the facility's
    /// `readiness.json`, so a page showing both reads the portfolio once; the same report as `readiness(of:)`.
    public func readinessReport(for portfolio: Portfolio, context: ActionContext) throws -> ReadinessReport {
        Readiness.evaluate(portfolio, policy: try facilityReadinessPolicy(), today: context.today)
    }

    /// What each person still lacks for release: one person, or every active person expected within
    /// `dueWithin` days (all when `nil`), soonest release first.
    /// - Parameter policy: the rules; the facility's `readiness.json`, else the defaults, when `nil`.
    public func readiness(
        of reference: PersonReference? = nil, dueWithin: Int? = nil, policy: ReadinessPolicy? = nil,
        context: ActionContext
    ) async throws -> [ReadinessLine] {
        try await authorize(.read, context: context)
        let policy = try policy ?? facilityReadinessPolicy()
        let persons: [Person]
        if let reference {
            persons = [try await storage.person(reference)]
        } else {
            persons = try await storage.persons(status: .active, matching: nil)
        }
        let due = persons.filter { person in
            dueWithin.map { person.expectedReleaseDate.daysSinceEpoch - context.today.daysSinceEpoch <= $0 } ?? true
        }
        // In batches: one read for many portfolios, but never the whole facility's portfolios in memory at once.
        var lines: [ReadinessLine] = []
        for start in stride(from: 0, to: due.count, by: Self.readinessBatchSize) {
            let batch = due[start..<min(start + Self.readinessBatchSize, due.count)]
            let portfolios = try await storage.portfolios(of: batch.map { .id($0.id) })
            lines += zip(batch, portfolios).map { person, portfolio in
                ReadinessLine(person: person, report: Readiness.evaluate(portfolio, policy: policy, today: context.today))
            }
        }
        return lines.sorted {
            ($0.report.expectedReleaseDate, $0.person.registerNumber.rawValue)
                < ($1.report.expectedReleaseDate, $1.person.registerNumber.rawValue)
        }
    }

    /// The facility's readiness policy: `readiness.json` in the data directory, else the defaults.
    public func facilityReadinessPolicy() throws -> ReadinessPolicy {
        let path = directory.readinessPolicy.path
        guard FileManager.default.fileExists(atPath: path) else { return .default }
        return try Self.readinessPolicy(atPath: path)
    }

    /// A readiness policy file.
    /// - Throws: not found when it cannot be read, invalid input when it is not a policy.
    public static func readinessPolicy(atPath path: String) throws -> ReadinessPolicy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError(.notFound, "the readiness policy file cannot be read", field: "policy")
        }
        return try ReadinessPolicy.decode(json: data)
    }
}

extension FacilityApp {
    /// The person a counselor means: the one named exactly by register number or id, else everyone whose name or
    /// register number contains the text. Any active account may read them.
    public func findPersons(_ text: String, context: ActionContext) async throws -> [Person] {
        try await authorize(.read, context: context)
        if let reference = PersonReference(text), let exact = try? await storage.person(reference) { return [exact] }
        return try await storage.persons(status: nil, matching: text)
    }
}
