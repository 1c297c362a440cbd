import BekalLinkedData

/// The safe-mode guarantee for what the exporter builds, checked without JSON-LD expansion.
///
/// Every member name and `type` value the exporter writes is fixed in `AchievementCredentialBuilder` and
/// `PortfolioExporter`, and the bundled contexts define them all (a test expands a complete export once to prove
/// it). Most IRIs it writes are minted in a form that is always an absolute IRI: `urn:uuid:` ids, `urn:bekal:` ids
/// whose variable parts are percent-encoded slugs, `ni:///sha-256;` evidence ids. What remains comes from the
/// caller: the issuer id and the status list URL (the entry ids are `<list URL>#<index>`). These are checked here,
/// as JSON-LD's safe mode would judge them, so a jcs-only export is valid OB 3.0 JSON-LD too, and an export
/// never carries an id an `eddsa-rdfc-2022` signature would not cover.
enum ExportCoverage {
    /// - Throws: `termNotCovered` naming which value is at fault (never the value: it may be long or odd).
    static func check(issuerID: String, statusListURL: String) throws(CredentialError) {
        guard isWellFormedIRI(issuerID) else {
            throw CredentialError(
                .termNotCovered, "the issuer id is not an absolute IRI, so JSON-LD would drop it (safe mode)")
        }
        // The entry ids append a fragment, so the list URL must not have one of its own.
        guard isWellFormedIRI(statusListURL), !statusListURL.utf8.contains(UInt8(ascii: "#")) else {
            throw CredentialError(
                .termNotCovered, "the status list URL is not an absolute IRI without a fragment (safe mode)")
        }
    }

    /// An absolute IRI that RDF can carry (`IRI.isWellFormed`, JSON-LD's own check): a scheme, no control
    /// characters, spaces or ``<>"{}|\^` ``, at most one `#`. A blank node identifier (`_:b0`) has no scheme and is
    /// refused, as no export should name its issuer with one.
    static func isWellFormedIRI(_ value: String) -> Bool { IRI.isWellFormed(value) }
}
