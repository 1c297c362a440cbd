import ArgumentParser
import Foundation
import Logging

@main
struct Bekal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bekal",
        abstract: "Records, exports and verifies batik cap skills portfolios for people in custody.",
        discussion: """
            Data lives in the data directory: --home DIR, else $BEKAL_HOME, else ~/.bekal. \
            The actor stamped on every event is --actor, else $BEKAL_ACTOR, else the OS user. \
            Set BEKAL_LOG_LEVEL (trace, debug, info, notice, warning, error) to see log lines on standard error.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, PersonCommand.self, FrameworkCommand.self, Assess.self, Certify.self, Train.self,
            Produce.self, Correct.self, TransferCommand.self, ReleaseCommand.self, PortfolioCommand.self,
            ReadinessCommand.self, ImportCommand.self, LedgerCommand.self, Demo.self,
            Canonicalize.self,
            Verify.self,
            Keys.self,
            Render.self, StatsCommand.self, PublishCommand.self,
        ])

    /// Parses, runs, and turns every failure into one line on standard error and a documented exit code,
    /// so no command ever prints a stack trace.
    static func main() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            let level = ProcessInfo.processInfo.environment["BEKAL_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
            handler.logLevel = level ?? .warning
            return handler
        }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)  // help, version and usage errors (exit 0 or 2)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
        } catch {
            // Help, version and ArgumentParser's own errors are thrown from `run()` too; it prints those.
            guard let failure = Failure(known: error) else { exit(withError: error) }
            if let message = failure.message {
                FileHandle.standardError.write(Data("bekal: \(message)\n".utf8))
            }
            Foundation.exit(failure.exitCode)
        }
    }

    /// Usage errors exit 2 (the brief's table), not ArgumentParser's default 64.
    static func exit(withError error: any Error) -> Never {
        let code = exitCode(for: error).rawValue
        let message = fullMessage(for: error)
        if code == 0 {
            print(message)
        } else if !message.isEmpty {
            FileHandle.standardError.write(Data("\(message)\n".utf8))
        }
        Foundation.exit(code == 0 ? 0 : (code == ExitCode.validationFailure.rawValue ? 2 : code))
    }
}
