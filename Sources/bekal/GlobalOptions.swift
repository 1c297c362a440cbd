import BekalCredentials
import ArgumentParser
import BekalApp
import BekalDomain
import Foundation
import Logging

/// Options every command on a data directory takes: where the data lives and who is acting. The one place the
/// CLI reads the clock and the environment for them.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The data directory. Defaults to $BEKAL_HOME, else ~/.bekal.", valueName: "dir"))
    var home: String?

    @Option(help: ArgumentHelp(
        "The staff account acting (it must exist once the facility has accounts). Defaults to $BEKAL_ACCOUNT, "
            + "else $BEKAL_ACTOR, else the OS user.", valueName: "account"))
    var actor: String?

    var homeURL: URL {
        if let home, !home.isEmpty { return URL(fileURLWithPath: home) }
        if let home = Environment.value("BEKAL_HOME"), !home.isEmpty { return URL(fileURLWithPath: home) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".bekal")
    }

    var directory: DataDirectory { DataDirectory(root: homeURL) }

    var logger: Logger { Logger(label: "bekal") }

    /// Who acts, and now. The CLI's authentication is the operating system's: whoever can open the data
    /// directory (0700, owned by the facility's OS account) acts as the account they name, and the application
    /// layer refuses names that are not active accounts and actions their role does not allow.
    func context() throws -> ActionContext {
        let name = [actor, Environment.value("BEKAL_ACCOUNT"), Environment.value("BEKAL_ACTOR"),
                    Environment.value("USER"), Environment.value("LOGNAME")]
            .compactMap { $0 }.first { !$0.isEmpty } ?? NSUserName()
        return ActionContext(actor: try Actor(account: name), now: try WallClock.now())
    }

    /// The facility of the data directory.
    func open() throws -> FacilityApp { try FacilityApp.open(home: homeURL, logger: logger) }
}

/// `--json` on read commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}

/// The process environment.
enum Environment {
    static func value(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}

/// The time now, read once at the front end: the clock, or `BEKAL_NOW` when set (for tests: a run at a fixed instant, whatever the date).
enum WallClock {
    static func now() throws -> Date {
        guard let text = Environment.value("BEKAL_NOW"), !text.isEmpty else { return Date() }
        guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
            throw AppError(.usage, "BEKAL_NOW must be an ISO 8601 time such as 2026-11-15T03:00:00Z")
        }
        return date
    }

    /// A time source for long runs (publish): the clock, or `BEKAL_NOW` advancing with the real clock.
    static func source() throws -> @Sendable () -> Date {
        let start = Date()
        let fixed = try now()
        return { fixed.addingTimeInterval(Date().timeIntervalSince(start)) }
    }
}
