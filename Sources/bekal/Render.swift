import BekalCredentials
import BekalDomain
import ArgumentParser
import BekalApp
import BekalRender
import Foundation

/// `bekal render`: the export as a page people can read and print, with the verdict computed now.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Renders a portfolio export as one self-contained, printable HTML page with the verification verdict.",
        discussion: """
            The export is verified first (exactly as `bekal verify` does, offline) and the page opens with the \
            verdict naming the facility: VALID, VALID WITH EXCEPTIONS with the withdrawn or expired items marked \
            on their rows, or INVALID with the failing rows marked. The page has no script and makes no request: \
            CSS and the production chart are inline, evidence thumbnails are data: URIs. Exit status: 0 page \
            written and VALID (or VALID WITH EXCEPTIONS), 1 page written but INVALID, 2 usage error, 3 the export \
            file does not exist or cannot be read, 6 the page could not be written.
            """)

    @Argument(help: "The export file (JSON).") var file: String
    @Option(help: "Where to write the HTML page.") var out: String
    @Option(help: "The page's language: id (Bahasa Indonesia, default) or en.")
    var lang: String = PageLanguage.indonesian.rawValue
    @Option(name: .customLong("evidence-dir"), help: "A directory of evidence files named by SHA-256; images whose hash matches become thumbnails.")
    var evidenceDir: String?
    @OptionGroup var trust: TrustOptions

    func validate() throws {
        if PageLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be id or en") }
    }

    func run() throws {
        let verification = try PortfolioCheck.render(
            fileAtPath: file, context: try trust.context(), language: PageLanguage(rawValue: lang) ?? .indonesian,
            evidenceDirectory: evidenceDir.map { URL(fileURLWithPath: $0) }, to: URL(fileURLWithPath: out))
        print("\(VerificationReport.verdictLine(verification)) Page written.")
        if verification.result.verdict == .invalid { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
    }
}
