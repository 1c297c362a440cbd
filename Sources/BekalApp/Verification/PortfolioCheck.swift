import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Foundation

/// The parole officer's side, offline: verify an export, and render it as a page people can read. Needs no
/// data directory.
public enum PortfolioCheck {
    /// Verifies the export file at `path`.
    /// - Throws: `AppError.notFound` when the file does not exist or cannot be read, as for every input file
    ///   (a file that is not an export still gets a verification: INVALID, with the reason).
    public static func verify(fileAtPath path: String, context: VerificationContext) throws(AppError)
        -> CredentialVerification
    {
        CredentialVerifier().verify(bytes: try read(path), context: context)
    }

    /// Verifies an export and renders it as one self-contained HTML page with the verdict, written to `out`.
    /// A file that does not even parse still gets a page: an INVALID banner over nothing.
    /// - Parameter evidenceDirectory: evidence files named by SHA-256, shown as thumbnails when they match.
    public static func render(
        fileAtPath path: String, context: VerificationContext, language: PageLanguage, evidenceDirectory: URL?,
        to out: URL
    ) throws -> CredentialVerification {
        let bytes = try read(path)
        var evidence: EvidenceDirectory?
        if let evidenceDirectory { evidence = try EvidenceDirectory(root: evidenceDirectory) }
        let verification = CredentialVerifier().verify(bytes: bytes, context: context)
        let document = (try? UnverifiedCredential(parsing: bytes))?.document ?? JSONObject()
        let view = PortfolioView(export: document, verification: verification, checkedAt: context.at, evidence: evidence)
        try PageFile.write(PortfolioPage(view: view, language: language).html(), to: out)
        return verification
    }

    private static func read(_ path: String) throws(AppError) -> [UInt8] {
        do { return try TrustInputs.read(path) } catch {
            throw AppError(.notFound, "cannot read the export file", field: "file")
        }
    }
}
