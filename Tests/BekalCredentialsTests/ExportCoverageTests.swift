@testable import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// The exporter's targeted safe-mode checks against the real thing: JSON-LD expansion in safe mode
/// (`EddsaRdfc2022.checkCoverage`), run here once per case instead of on every export.
@Suite("Export coverage without expanding every export")
struct ExportCoverageTests {
    /// A jcs export without proofs, trimmed to two embedded credentials (a competency and a certificate) to keep
    /// JSON-LD expansion quick; `edit` rewrites every string the issuer id or the status list URL produced.
    static func unsignedExport(replacing old: String, with new: String) throws -> JSONObject {
        var export = try #require(try SamplePortfolio.export(cryptosuite: .jcs).credential.objectValue)
        export["proof"] = nil
        var subject = try #require(export["credentialSubject"]?.objectValue)
        let list = try #require(subject["verifiableCredential"]?.arrayValue)
        subject["verifiableCredential"] = .array([list[0], list[list.count - 2]].map { item in
            var credential = item.objectValue ?? JSONObject()
            credential["proof"] = nil
            return .object(credential)
        })
        export["credentialSubject"] = .object(subject)
        return try #require(rewrite(.object(export), old, new).objectValue)
    }

    static func rewrite(_ value: JSONValue, _ old: String, _ new: String) -> JSONValue {
        switch value {
        case .string(let text) where text.hasPrefix(old): .string(new + text.dropFirst(old.count))
        case .array(let items): .array(items.map { rewrite($0, old, new) })
        case .object(let object): .object(JSONObject(object.members.map { ($0.key, rewrite($0.value, old, new)) }))
        default: value
        }
    }

    /// `nil` when `body` accepts, else the code it refused with: only `termNotCovered` counts as "refused for
    /// coverage", so a check failing for another reason (a malformed document, a crash of the expansion) cannot
    /// pass for agreement.
    static func refusal(_ body: () throws(CredentialError) -> Void) -> CredentialError.Code? {
        do throws(CredentialError) {
            try body()
            return nil
        } catch {
            return error.code
        }
    }

    /// How JSON-LD expansion in safe mode treats `document`.
    static func expansion(_ document: JSONObject) -> CredentialError.Code? {
        refusal { () throws(CredentialError) in try EddsaRdfc2022().checkCoverage(document) }
    }

    @Test("every member and type the builder writes is defined by the bundled contexts (a complete export expands in safe mode)")
    func builderTermsCovered() throws {
        var export = try #require(try SamplePortfolio.export(includeName: true, cryptosuite: .jcs).credential.objectValue)
        export["proof"] = nil
        #expect(Self.expansion(export) == nil)
        // The sample is complete: every optional member the builder can write is in it at least once.
        let text = String(decoding: try JCS.canonicalize(.object(export)), as: UTF8.self)
        for member in ["\"evidence\"", "\"licenseNumber\"", "\"validUntil\"", "\"activityStartDate\"", "\"fieldOfStudy\"",
                       "\"association\"", "\"identityType\":\"name\"", "\"allowedValue\"", "\"achievementType\":\"LearningProgram\"",
                       "\"achievementType\":\"Certificate\"", "\"achievementType\":\"Competency\"", "registration-number"] {
            #expect(text.contains(member), "\(member)")
        }
    }

    @Test("the issuer id check agrees with JSON-LD safe mode", arguments: [
        ("https://lapas-purwokerto.example", true), ("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", true),
        ("urn:bekal:facility:LAPAS-PWT", true), ("lapas-purwokerto", false), ("https://lapas purwokerto.example", false),
        ("https://x.example/#a#b", false), ("1https://x.example", false), ("https://x.example/<a>", false), ("", false),
        ("https://x.example/\u{7F}é", true), ("/relative/path", false),
    ])
    func issuerAgrees(_ issuerID: String, _ expected: Bool) throws {
        let cheap = Self.refusal { () throws(CredentialError) in
            try ExportCoverage.check(issuerID: issuerID, statusListURL: SamplePortfolio.listURL)
        }
        #expect(cheap == (expected ? nil : .termNotCovered))
        let document = try Self.unsignedExport(replacing: SamplePortfolio.key.didKey.did, with: issuerID)
        #expect(Self.expansion(document) == cheap)
    }

    @Test("the status list URL check agrees with JSON-LD safe mode", arguments: [
        ("https://x.example/status/3", true), ("https://x.example/status#list", false), ("status/1", false),
        ("https://x.example/st atus", false), ("https://x.example/{id}", false),
    ])
    func statusListAgrees(_ url: String, _ expected: Bool) throws {
        let cheap = Self.refusal { () throws(CredentialError) in
            try ExportCoverage.check(issuerID: "https://x.example", statusListURL: url)
        }
        #expect(cheap == (expected ? nil : .termNotCovered))
        let document = try Self.unsignedExport(replacing: SamplePortfolio.listURL, with: url)
        #expect(Self.expansion(document) == cheap)
    }

    @Test("slugs percent-encode every byte outside letters, digits and . - _, so minted urn:bekal: ids stay IRIs")
    func slugs() {
        #expect(AchievementCredentialBuilder.slug("Tukang Cap") == "Tukang%20Cap")
        #expect(AchievementCredentialBuilder.slug("C.13BTK01.001.2_x-y") == "C.13BTK01.001.2_x-y")
        #expect(AchievementCredentialBuilder.slug("é#<>/:%") == "%C3%A9%23%3C%3E%2F%3A%25")
        #expect(AchievementCredentialBuilder.slug("") == "")
        #expect(ExportCoverage.isWellFormedIRI("urn:bekal:certificate:" + AchievementCredentialBuilder.slug("LSP \"Batik\" {1}|^`")))
        #expect(AchievementCredentialBuilder.spaced("pieces-grade-A") == "pieces grade A")
    }

    @Test("stricter than JSON-LD in one case: a blank-node issuer id, which safe mode would allow, is refused")
    func blankNodeIssuerRefused() throws {
        #expect(throws: CredentialError(.termNotCovered, "")) {
            try ExportCoverage.check(issuerID: "_:issuer", statusListURL: SamplePortfolio.listURL)
        }
        #expect(throws: CredentialError(.termNotCovered, "")) {
            try SamplePortfolio.export(issuerID: "_:issuer", cryptosuite: .jcs)
        }
    }

    @Test("a status list URL JSON-LD would drop is refused before signing, for every suite", arguments: ExportCryptosuite.allCases)
    func badListURLRefused(_ suite: ExportCryptosuite) throws {
        var random = SeededRandom(state: 1)
        #expect(throws: CredentialError(.termNotCovered, "")) {
            try PortfolioExporter.export(
                SamplePortfolio.make(), key: SamplePortfolio.key,
                options: ExportOptions(statusAllocation: StatusAllocation(listURL: "status list 1"), cryptosuite: suite),
                now: SamplePortfolio.now, random: &random)
        }
    }
}
