import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation
import Logging

/// Which people a facility export covers.
public struct FacilityExportSelection: Sendable {
    /// People with this status.
    public var status: PersonStatus
    /// Only those expected to be released within this many days of today (overdue ones included); all when `nil`.
    public var dueWithin: Int?

    /// - Parameters:
    ///   - status: active by default.
    ///   - dueWithin: days from today, or `nil` for everyone with the status.
    public init(status: PersonStatus = .active, dueWithin: Int? = nil) {
        self.status = status
        self.dueWithin = dueWithin
    }
}

/// What a facility export wrote.
public struct FacilityExportSummary: Sendable, Hashable {
    /// Export files written (one per person).
    public var files = 0
    /// Credentials in them, each file's outer CLR included (the same count a single export reports).
    public var credentials = 0
    /// Evidence files copied.
    public var evidenceFiles = 0
    /// People left out because their portfolio has nothing to export yet.
    public var skipped = 0
}

extension FacilityApp {
    /// The export files' chunk size: people exported, signed on all cores, written and dropped together, so
    /// memory stays flat however large the facility.
    static let exportChunkSize = 32
    /// The manifest written beside a facility export.
    public static let exportManifestName = "manifest.json"

    /// Exports everyone selected into `directory`, one file per person named by the internal id (never a name or
    /// register number), plus `manifest.json` (file, credential id, SHA-256, count). Without `replacing`, it
    /// refuses up front when any file it would write exists, so a refused run writes nothing.
    public func exportFacility(
        _ selection: FacilityExportSelection, settings: ExportSettings, into directory: URL, replacing: Bool,
        evidenceDirectory: URL? = nil, allowMissingEvidence: Bool = false, context: ActionContext
    ) async throws -> FacilityExportSummary {
        try await authorize(.administer, context: context)
        let setup = try await issuerSetup()
        let limit = selection.dueWithin.map { context.today.adding(days: $0) }
        let people = try await storage.persons(status: selection.status, matching: nil).filter { person in
            limit.map { person.expectedReleaseDate <= $0 } ?? true
        }
        try Self.prepare(directory, names: people.map { Self.exportFileName($0.id) } + [Self.exportManifestName],
                         replacing: replacing)
        var summary = FacilityExportSummary()
        var entries: [JSONValue] = []
        let log = FacilityLog(facility: try await storage.facility(), ring: setup.ring)
        var random = SystemRandomNumberGenerator()
        for start in stride(from: 0, to: people.count, by: Self.exportChunkSize) {
            let chunk = people[start..<min(start + Self.exportChunkSize, people.count)]
            var planned: [(portfolio: Portfolio, plan: ExportPlan)] = []
            var copies: [EvidenceCopy] = []
            var codes: [UUID: VerificationCode] = [:]
            for person in chunk {
                let portfolio = try await storage.portfolio(of: .id(person.id))
                let plan = PortfolioExporter.plan(portfolio, random: &random)
                guard plan.credentialIDs.count > 1 else {
                    summary.skipped += 1
                    continue
                }
                codes[person.id] = try await verificationCode(of: .id(person.id), context: context)
                if evidenceDirectory != nil {
                    copies.append(try await EvidenceCopy.plan(Self.exportedEvidence(portfolio), from: evidence,
                                                              allowMissing: allowMissingEvidence))
                }
                planned.append((portfolio, plan))
            }
            var indices: [String: Int] = [:]
            for (portfolio, plan) in planned {
                indices.merge(try await storage.allocateStatusIndices(
                    for: plan.credentialIDs, personID: portfolio.person.id, listURL: setup.statusListURL,
                    capacity: StatusList.minimumBitCount, allocatedAt: context.now)) { _, new in new }
            }
            let options = setup.exportOptions(includeName: settings.includeName, indices: indices,
                                              cryptosuite: settings.cryptosuite)
            // One checkpoint per chunk, read after its portfolios: every export of the chunk proves its events
            // in the same tree.
            let head = try await storage.logState(provingFrom: nil).treeHead
            let checkpoint = (note: try log.sign(head), head: head)
            var logs: [UUID: LedgerLogEvidence] = [:]
            for (portfolio, plan) in planned where settings.withLedgerLog {
                logs[portfolio.person.id] = try await ledgerLogEvidence(
                    portfolio, plan: plan, log: log, checkpoint: checkpoint)
            }
            let exports = try FacilityExport.exportAll(
                planned, key: setup.key, options: options, now: context.now, verificationCodes: codes,
                ledgerLogs: logs)
            for ((portfolio, plan), export) in zip(planned, exports) {
                let bytes = JSONWriter.serialize(export.credential, pretty: true)
                let name = Self.exportFileName(portfolio.person.id)
                try AtomicFile.write(bytes, to: directory.appendingPathComponent(name), replacing: replacing)
                entries.append([
                    "file": .string(name),
                    "credentialId": .string(plan.exportID),
                    "embeddedCredentials": .number(Double(export.embeddedCredentialIDs.count)),
                    "sha256": .string(Digest.sha256Hex(bytes)),
                ])
                summary.files += 1
                summary.credentials += export.embeddedCredentialIDs.count + 1
            }
            if let evidenceDirectory {
                for copy in copies {
                    try copy.write(into: evidenceDirectory)
                    summary.evidenceFiles += copy.present.count
                }
            }
            logger.info("export chunk written", metadata: ["exports.count": "\(summary.files)"])
        }
        let manifest: JSONValue = [
            "type": "BekalExportManifest",
            "version": 1,
            "issuer": .string(setup.issuerID),
            "createdAt": .string(Timestamp.format(context.now)),
            "statusListCredential": .string(setup.statusListURL),
            "personStatus": .string(selection.status.rawValue),
            "dueWithinDays": selection.dueWithin.map { .number(Double($0)) } ?? .null,
            "count": .number(Double(entries.count)),
            "exports": .array(entries),
        ]
        try AtomicFile.write(JSONWriter.serialize(manifest, pretty: true),
                             to: directory.appendingPathComponent(Self.exportManifestName), replacing: replacing)
        return summary
    }

    /// An export file's name: the person's internal id.
    public static func exportFileName(_ id: UUID) -> String { id.uuidString.lowercased() + ".json" }

    /// Creates the directory and, unless replacing, refuses when any file to be written exists.
    private static func prepare(_ directory: URL, names: [String], replacing: Bool) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw AppError(.storage, "the output directory cannot be created")
        }
        guard !replacing else { return }
        let existing = names.filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        if !existing.isEmpty {
            throw AppError(.conflict, "\(existing.count) file(s) to be written already exist in the output directory; "
                + "give --force to replace them")
        }
    }
}
