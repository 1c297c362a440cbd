import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Shows a person's standing against the framework: units, hours, production and certificates.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var page: PortfolioPageOptions

    @Argument(help: "The person's register number or internal id.") var person: String

    func run() throws {
        let portfolio = try global.openLedger().portfolio(of: try Input.person(person))
        if page.html { return try page.emit(portfolio, home: global.homeURL, today: Clock.today()) }
        let standing = PortfolioStanding(portfolio, today: Clock.today())
        if output.json {
            return try printJSON(PortfolioOutput(person: portfolio.person, facility: portfolio.facility, standing: standing))
        }
        print(PortfolioText.render(portfolio, standing))
    }
}

/// `bekal portfolio --json`.
struct PortfolioOutput: Encodable {
    var person: Person
    var facility: Facility
    var standing: PortfolioStanding
}

/// The facility's calendar day now (WIB, UTC+7); the one place the CLI reads the clock for dates.
enum Clock {
    static func today(_ now: Date = Date()) -> LocalDate {
        LocalDate(daysSinceEpoch: Int(((now.timeIntervalSince1970 + 7 * 3600) / 86_400).rounded(.down)))
    }
}
