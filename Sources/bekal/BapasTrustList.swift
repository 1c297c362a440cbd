import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

/// `bekal bapas trust list [--json]`: the registry as it stands, so a PK or an admin sees what the Bapas trusts now
/// (`trust history` lists the imports that made it).
struct BapasTrustList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Lists the facilities the Bapas trusts now: one row per key, with its window and the last import.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    /// One facility in `--json`: absent values are `null`, an open key window has `validUntil` `null`.
    struct Line: Encodable {
        struct Key: Encodable {
            var didKey: String
            var issuer: String
            var validFrom: String
            var validUntil: String?

            enum CodingKeys: String, CodingKey { case didKey, issuer, validFrom, validUntil }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(didKey, forKey: .didKey)
                try container.encode(issuer, forKey: .issuer)
                try container.encode(validFrom, forKey: .validFrom)
                try container.encode(validUntil, forKey: .validUntil)
            }
        }
        struct Import: Encodable {
            var sequence: Int64
            var importedAt: String
            var importedBy: String
            var signedBy: String
        }
        var name: String?
        var code: String?
        var keys: [Key]
        var lastImport: Import?

        init(_ facility: TrustedFacility) {
            name = facility.name
            code = facility.code
            keys = facility.keys.map { key in
                Key(didKey: key.validity.didKey.did, issuer: key.issuerID,
                    validFrom: Timestamp.format(key.validity.validFrom),
                    validUntil: key.validity.validUntil.map { Timestamp.format($0) })
            }
            lastImport = facility.lastImport.map { entry in
                Import(sequence: entry.sequence, importedAt: Timestamp.format(entry.importedAt),
                       importedBy: entry.importedBy, signedBy: entry.signedBy)
            }
        }

        enum CodingKeys: String, CodingKey { case name, code, keys, lastImport }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(code, forKey: .code)
            try container.encode(keys, forKey: .keys)
            try container.encode(lastImport, forKey: .lastImport)
        }
    }

    func run() async throws {
        let bapas = try BapasApp.open(home: global.homeURL, logger: global.logger)
        let facilities = try await bapas.trustedFacilities()
        let lines = facilities.map(Line.init)
        if output.json { return try Output.json(lines) }
        guard !lines.isEmpty else {
            print("The Bapas trusts no facility yet: import a facility's trust list with `bekal bapas trust import FILE`.")
            return
        }
        print(Table.line(["code", "name", "did_key", "valid_from", "valid_until", "last_import", "imported_at",
                          "imported_by", "signed_by"]))
        for line in lines {
            let imported = [line.lastImport.map { String($0.sequence) } ?? "-", line.lastImport?.importedAt ?? "-",
                            line.lastImport?.importedBy ?? "-", line.lastImport?.signedBy ?? "-"]
            // A facility whose lists gave no key still gets its row.
            let keys = line.keys.map { [$0.didKey, $0.validFrom, $0.validUntil ?? "open"] }
            for key in keys.isEmpty ? [["-", "-", "-"]] : keys {
                print(Table.line([line.code ?? "-", line.name ?? "-"] + key + imported))
            }
        }
    }
}
