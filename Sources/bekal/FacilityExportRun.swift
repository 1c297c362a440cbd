import BekalCredentials
import BekalDomain
import BekalJSON
import BekalStore
import Foundation
import Logging

/// `bekal export --all`: exports people in chunks so memory stays flat however large the facility; each chunk
/// is signed on all cores (`FacilityExport.exportAll`), its status indices recorded, its files written, and
/// then dropped. Files are named by the person's internal id, never by name or register number.
struct FacilityExportRun {
    static let chunkSize = 32
    static let manifestName = "manifest.json"

    var ledger: Ledger
    var setup: IssuerSetup
    var includeName: Bool
    var cryptosuite: ExportCryptosuite
    var force: Bool
    var outDirectory: URL
    var logger: Logger

    struct Summary {
        var files = 0
        var credentials = 0
    }

    func run(status: PersonStatus, dueWithin: Int?, now: Date) throws -> Summary {
        let today = Clock.today(now)
        let people = try ledger.persons(status: status).filter { person in
            dueWithin.map { person.expectedReleaseDate <= today.adding(days: $0) } ?? true
        }
        try prepareDirectory(fileNames: people.map { Self.fileName($0.id) } + [Self.manifestName])
        var summary = Summary()
        var entries: [JSONValue] = []
        var start = 0
        while start < people.count {
            let chunk = Array(people[start..<min(start + Self.chunkSize, people.count)])
            start += chunk.count
            let portfolios = try chunk.map { try ledger.portfolio(of: .id($0.id)) }
            let indices = try ledger.statusIndices(listURL: setup.statusListURL)
            let options = setup.exportOptions(includeName: includeName, indices: indices, cryptosuite: cryptosuite)
            let (exports, _) = try FacilityExport.exportAll(portfolios, key: setup.key, options: options, now: now)
            var records: [StatusIndexRecord] = []
            for (portfolio, export) in zip(portfolios, exports) {
                records += StatusRecords.new(in: export, personID: portfolio.person.id, known: indices)
            }
            try ledger.recordStatusIndices(records, listURL: setup.statusListURL, allocatedAt: now)
            for (portfolio, export) in zip(portfolios, exports) {
                let bytes = JSONWriter.serialize(export.credential, pretty: true)
                let name = Self.fileName(portfolio.person.id)
                try AtomicFile.write(bytes, to: outDirectory.appendingPathComponent(name), replacing: force)
                entries.append([
                    "file": .string(name),
                    "credentialId": .string(export.credential["id"]?.stringValue ?? ""),
                    "embeddedCredentials": .number(Double(export.embeddedCredentialIDs.count)),
                    "sha256": .string(EventDigest.sha256(bytes)),
                ])
                summary.files += 1
                summary.credentials += export.embeddedCredentialIDs.count + 1
            }
            logger.info("export chunk written", metadata: ["exports.count": "\(summary.files)"])
        }
        let manifest: JSONValue = [
            "type": "BekalExportManifest",
            "version": 1,
            "issuer": .string(setup.issuerID),
            "createdAt": .string(Timestamp.format(now)),
            "statusListCredential": .string(setup.statusListURL),
            "personStatus": .string(status.rawValue),
            "dueWithinDays": dueWithin.map { .number(Double($0)) } ?? .null,
            "count": .number(Double(entries.count)),
            "exports": .array(entries),
        ]
        try AtomicFile.write(JSONWriter.serialize(manifest, pretty: true),
                             to: outDirectory.appendingPathComponent(Self.manifestName), replacing: force)
        return summary
    }

    static func fileName(_ id: UUID) -> String { id.uuidString.lowercased() + ".json" }

    /// Creates the directory, and without `--force` refuses up front if any file it would write exists, so a
    /// refused run leaves nothing behind.
    private func prepareDirectory(fileNames: [String]) throws {
        do {
            try FileManager.default.createDirectory(at: outDirectory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(status: .storage, message: "the output directory cannot be created")
        }
        guard !force else { return }
        let existing = fileNames.filter {
            FileManager.default.fileExists(atPath: outDirectory.appendingPathComponent($0).path)
        }
        if !existing.isEmpty {
            throw CommandFailure(
                status: .conflict,
                message: "\(existing.count) file(s) to be written already exist in the output directory; give --force to replace them")
        }
    }
}
