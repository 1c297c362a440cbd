/// The URLs Bekal's exports name: contexts (bundled, never fetched) and schemas.
public enum Vocabulary {
    /// The W3C Verifiable Credentials Data Model 2.0 context, first in every export's `@context`.
    public static let credentialsV2 = "https://www.w3.org/ns/credentials/v2"
    /// The Open Badges 3.0 context, for the embedded AchievementCredentials.
    public static let openBadges = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    /// The Comprehensive Learner Record 2.0 context, for the outer credential that bundles a portfolio.
    public static let clr = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
    /// Defines `1EdTechJsonSchemaValidator2019`; without it JSON-LD processing (eddsa-rdfc-2022) drops the type.
    public static let extensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"

    /// Bekal's own context: the terms of an export's `ledgerLog` member (`LedgerLogEvidence`).
    public static let bekalLog = "https://bekal.id/contexts/log/v1"

    /// The `credentialSchema` type that names a JSON Schema a credential validates against.
    public static let schemaValidatorType = "1EdTechJsonSchemaValidator2019"
    /// The 1EdTech JSON Schema of an Open Badges 3.0 AchievementCredential, listed in each record's `credentialSchema`.
    public static let achievementCredentialSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
    /// The 1EdTech JSON Schema of a CLR 2.0 credential, listed in the outer credential's `credentialSchema`.
    public static let clrCredentialSchema =
        "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json"
    /// Bekal's export profile (`schemas/export.schema.json`). A document listing it in `credentialSchema`
    /// declares the profile, and the verifier then applies the profile checks.
    public static let bekalExportProfile = "https://bekal.id/schemas/export/v1/export.schema.json"

    static let achievementContexts: [String] = [credentialsV2, openBadges, extensions]
    static let clrContexts: [String] = [credentialsV2, clr, openBadges, extensions]
}
