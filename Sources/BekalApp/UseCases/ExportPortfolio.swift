import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation
import Logging

/// How to export.
public struct ExportSettings: Sendable {
    /// Whether the person's name goes into the file (off by default: the file gets forwarded).
    public var includeName: Bool
    /// The Data Integrity cryptosuite(s) signing every credential.
    public var cryptosuite: ExportCryptosuite
    /// Whether the export carries the ledger log proof (`ledgerLog`: the checkpoint and the inclusion proofs of
    /// its events). Always on in Bekal's front ends; off only to measure what it costs (bekal-bench export-log).
    public var withLedgerLog: Bool

    /// - Parameters:
    ///   - includeName: put the name in (off by default).
    ///   - cryptosuite: `eddsa-rdfc-2022` by default.
    ///   - withLedgerLog: carry the ledger log proof (on by default).
    public init(includeName: Bool = false, cryptosuite: ExportCryptosuite = .default, withLedgerLog: Bool = true) {
        self.includeName = includeName
        self.cryptosuite = cryptosuite
        self.withLedgerLog = withLedgerLog
    }
}

/// A signed export, ready to be written or downloaded.
public struct SignedExport: Sendable {
    /// The person it is about.
    public var person: Person
    /// The outer credential's id (`urn:uuid:`).
    public var exportID: String
    /// The ids of the embedded credentials, in order.
    public var embeddedCredentialIDs: [String]
    /// The file's bytes (pretty JSON, as signed).
    public var bytes: [UInt8]
    /// The evidence files the export names by hash.
    public var evidence: [Evidence]

    /// Credentials in the file: the embedded ones and the outer CLR.
    public var credentialCount: Int { embeddedCredentialIDs.count + 1 }
}

extension FacilityApp {
    /// Builds and signs one person's portfolio export. The status-list indices of its credentials are allocated
    /// in the ledger first (one transaction), so no export ever carries an index the ledger lacks, and a credential
    /// exported again keeps its index.
    public func exportPortfolio(
        _ reference: PersonReference, settings: ExportSettings, context: ActionContext
    ) async throws -> SignedExport {
        let setup = try await issuerSetup()
        let portfolio = try await storage.portfolio(of: reference)
        try await authorize(.export(portfolio.person.id), context: context)
        let code = try await verificationCode(of: .id(portfolio.person.id), context: context)
        var random = SystemRandomNumberGenerator()
        let plan = PortfolioExporter.plan(portfolio, random: &random)
        guard plan.credentialIDs.count > 1 else {
            throw AppError(.conflict, "the portfolio has nothing to export yet: no Kompeten unit, certificate, training "
                + "or production that stands", reason: .nothingToExport)
        }
        let indices = try await storage.allocateStatusIndices(
            for: plan.credentialIDs, personID: portfolio.person.id, listURL: setup.statusListURL,
            capacity: StatusList.minimumBitCount, allocatedAt: context.now)
        var options = setup.exportOptions(includeName: settings.includeName, indices: indices,
                                          cryptosuite: settings.cryptosuite)
        options.verificationCode = code
        if settings.withLedgerLog {
            options.ledgerLog = try await ledgerLogEvidence(
                portfolio, plan: plan, log: FacilityLog(facility: try await storage.facility(), ring: setup.ring))
        }
        let result = try PortfolioExporter.export(
            portfolio, plan: plan, key: setup.key, options: options, now: context.now, random: &random)
        logger.info("portfolio exported", metadata: ["export.credentials": "\(result.embeddedCredentialIDs.count + 1)"])
        return SignedExport(
            person: portfolio.person, exportID: plan.exportID, embeddedCredentialIDs: result.embeddedCredentialIDs,
            bytes: JSONWriter.serialize(result.credential, pretty: true), evidence: Self.exportedEvidence(portfolio))
    }

    /// Exports one person into a file, and optionally the evidence files the export names into a directory
    /// (named by SHA-256, so the receiver can check each against its `ni:///sha-256` URI). Every evidence file is
    /// checked before anything is written: a missing one stops the export (unless `allowMissingEvidence`), one
    /// whose bytes no longer match its hash always does.
    /// - Returns: the export, and how many evidence files were copied and were missing.
    public func exportPortfolio(
        _ reference: PersonReference, settings: ExportSettings, to file: URL, replacing: Bool,
        evidenceDirectory: URL? = nil, allowMissingEvidence: Bool = false, context: ActionContext
    ) async throws -> (export: SignedExport, evidenceCopied: Int, evidenceMissing: Int) {
        if !replacing, FileManager.default.fileExists(atPath: file.path) {
            throw AppError(.conflict, "the output file already exists; give --force to replace it", reason: .alreadyExists)
        }
        var copy: EvidenceCopy?
        if evidenceDirectory != nil {
            let portfolio = try await storage.portfolio(of: reference)
            copy = try await EvidenceCopy.plan(Self.exportedEvidence(portfolio), from: evidence,
                                               allowMissing: allowMissingEvidence)
        }
        let export = try await exportPortfolio(reference, settings: settings, context: context)
        try AtomicFile.write(export.bytes, to: file, replacing: replacing)
        if let copy, let evidenceDirectory { try copy.write(into: evidenceDirectory) }
        return (export, copy?.present.count ?? 0, copy?.missing ?? 0)
    }

    /// The evidence an export of `portfolio` names: that of its Kompeten units, each file once.
    static func exportedEvidence(_ portfolio: Portfolio) -> [Evidence] {
        var seen = Set<String>()
        return portfolio.latestAssessmentByUnit.values.filter { $0.outcome == .kompeten }
            .sorted { $0.unitCode < $1.unitCode }
            .flatMap(\.evidence).filter { seen.insert($0.sha256).inserted }
    }
}

/// The evidence files of an export, read and checked before anything is written.
struct EvidenceCopy {
    var present: [(Evidence, Data)]
    var missing: Int

    static func plan(_ files: [Evidence], from store: any EvidenceStorage, allowMissing: Bool) async throws
        -> EvidenceCopy
    {
        var copy = EvidenceCopy(present: [], missing: 0)
        for evidence in files {
            do {
                copy.present.append((evidence, try await store.contents(of: evidence)))
            } catch where AppError(error).code == .notFound {
                copy.missing += 1
            }
        }
        if copy.missing > 0, !allowMissing {
            throw AppError(
                .notFound,
                "\(copy.missing) evidence file(s) named in the export are not in the evidence store; nothing was written "
                    + "(give --allow-missing-evidence to export without them)")
        }
        return copy
    }

    /// Writes every present file (replacing a file of the same name: it is named by the hash of what belongs there).
    func write(into directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw AppError(.storage, "the evidence directory cannot be created")
        }
        for (evidence, data) in present {
            try AtomicFile.write(data, to: directory.appendingPathComponent(evidence.sha256), replacing: true)
        }
    }
}
