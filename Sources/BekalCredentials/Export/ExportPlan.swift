/// The ids a new export will carry, chosen before it is signed: the credentials built from records keep their
/// records' ids (`urn:uuid:<record id>`), the CLR and the training record get new ones. The store allocates a
/// status-list index to each before signing (`PortfolioExporter.plan`, then `export(_:plan:…)`).
public struct ExportPlan: Sendable, Hashable {
    /// Every credential id of the export, in the order the exporter allocates them; the outer CLR's last.
    public let credentialIDs: [String]
    let newIDs: PortfolioExporter.NewIDs

    /// The id of the outer `ClrCredential`.
    public var exportID: String { newIDs.clr }
}
