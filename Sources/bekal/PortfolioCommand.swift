import BekalCredentials
import ArgumentParser
import BekalApp
import BekalDomain
import BekalRender
import Foundation

struct PortfolioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Shows a person's standing against the framework: units, hours, production and certificates.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Flag(help: "Print the portfolio as a self-contained HTML page (a draft: not exported, not signed).")
    var html = false
    @Option(name: .customLong("lang"), help: "The HTML page's language: id (default) or en.")
    var lang: String = PageLanguage.indonesian.rawValue
    @Option(name: .customLong("html-out"), help: "Write the HTML page to this file instead of standard output.")
    var htmlOut: String?

    func validate() throws {
        if PageLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be id or en") }
        if htmlOut != nil && !html { throw ValidationError("--html-out needs --html") }
    }

    func run() async throws {
        let app = try global.open()
        let reference = try TypedInput.person(person)
        if html {
            let page = try await app.draftPage(
                of: reference, language: PageLanguage(rawValue: lang) ?? .indonesian, context: try global.context())
            guard let htmlOut else { return print(page, terminator: "") }
            return try FacilityApp.writePage(page, to: URL(fileURLWithPath: htmlOut))
        }
        let result = try await app.portfolioStanding(of: reference, context: try global.context())
        if output.json {
            return try Output.json(PortfolioOutput(
                person: result.portfolio.person, facility: result.portfolio.facility, standing: result.standing))
        }
        print(PortfolioText.render(result.portfolio, result.standing))
    }
}

/// `bekal portfolio --json`.
struct PortfolioOutput: Encodable {
    var person: Person
    var facility: Facility
    var standing: PortfolioStanding
}
