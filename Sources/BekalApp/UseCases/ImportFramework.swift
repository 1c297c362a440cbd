import BekalDomain
import Foundation

/// Where a competency framework comes from.
public enum FrameworkSource: Sendable {
    /// Bekal's built-in sample batik cap framework (illustrative, not an official SKKNI).
    case sample
    /// A JSON document (`schemas/framework.schema.json`).
    case json(Data)
    /// A CSV file of units, with the framework's id, version and titles.
    case csv(Data, id: String, version: String, title: LocalizedText)
}

extension FacilityApp {
    /// Imports a framework version (`framework.imported`).
    /// - Throws: invalid input (the document fails its schema), conflict (that version is already imported).
    public func importFramework(_ source: FrameworkSource, context: ActionContext) async throws -> LedgerEvent {
        let framework: CompetencyFramework = switch source {
        case .sample: .sampleBatikCap
        case .json(let data): try FrameworkDocument.decode(json: data)
        case .csv(let data, let id, let version, let title):
            try FrameworkDocument.decode(csv: data, id: id, version: version, title: title)
        }
        return try await record(context: context) { _ in .frameworkImported(framework) }
    }

    /// Every imported framework version, oldest first. Any active account may read them.
    /// - Throws: permission for an unknown or disabled account or a PK.
    public func frameworks(context: ActionContext) async throws -> [CompetencyFramework] {
        try await authorize(.read, context: context)
        return try await storage.frameworks()
    }
}
