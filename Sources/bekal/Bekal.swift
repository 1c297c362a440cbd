import BekalCredentials
import BekalDomain
import ArgumentParser
import BekalApp
import Foundation
import Logging

@main
struct Bekal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bekal",
        abstract: "Records, exports and verifies batik cap skills portfolios for people in custody.",
        discussion: """
            Data lives in the data directory: --home DIR, else $BEKAL_HOME, else ~/.bekal. \
            The account acting (stamped on every event) is --actor, else $BEKAL_ACCOUNT, else $BEKAL_ACTOR, else \
            the OS user; once the facility has accounts (`bekal init` makes its runner the first admin) it must be \
            an active account whose role allows the command. \
            Set BEKAL_LOG_LEVEL (trace, debug, info, notice, warning, error) to see log lines on standard error. \
            For tests only: BEKAL_NOW (an ISO 8601 time such as 2026-11-15T03:00:00Z) replaces the clock.
            """,
        version: "0.2.0",
        subcommands: [
            Init.self, PersonCommand.self, FrameworkCommand.self, Assess.self, Certify.self, Train.self,
            Produce.self, Correct.self, RemisiCommand.self, AttachCommand.self, HistoryCommand.self, TransferCommand.self,
            ReleaseCommand.self, PortfolioCommand.self,
            ReadinessCommand.self, ImportCommand.self, LedgerCommand.self, Demo.self, Canonicalize.self, Verify.self,
            Keys.self, Render.self, StatsCommand.self, PublishCommand.self, ExportCommand.self, Revoke.self,
            StatusListCommand.self, WitnessCommand.self, UserCommand.self, ServeCommand.self, SendCommand.self,
            DeliveriesCommand.self,
            BapasCommand.self,
        ])

    /// Parses, runs, and turns every failure into one line on standard error (`bekal: …`) and the exit code of
    /// its class (README, "Exit codes"), so no command ever prints a stack trace or a typed value.
    static func main() async {
        let pause = TestPause.fromEnvironment()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            let level = ProcessInfo.processInfo.environment["BEKAL_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
            handler.logLevel = level ?? .warning
            guard let pause else { return handler }
            return PausingLogHandler(printer: handler, printedLevel: handler.logLevel, pause: pause)
        }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            Usage.exit(error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if Usage.isArgumentParserError(error) { Usage.exit(error) }
            let failure = AppError(error)
            Output.error(failure.message)
            Foundation.exit(ExitStatus(failure.code).rawValue)
        }
    }
}
