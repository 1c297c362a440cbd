import ArgumentParser
import BekalDomain
import BekalStore
import Foundation
import Logging

/// Options every command takes: where the data lives and who is recording.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The data directory. Defaults to $BEKAL_HOME, else ~/.bekal.", valueName: "dir"))
    var home: String?

    @Option(help: ArgumentHelp(
        "The staff member recording events. Defaults to $BEKAL_ACTOR, else the OS user.", valueName: "name"))
    var actor: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var homeURL: URL {
        if let home, !home.isEmpty { return URL(fileURLWithPath: home) }
        if let home = environment["BEKAL_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".bekal")
    }

    var resolvedActor: String {
        if let actor, !actor.isEmpty { return actor }
        if let actor = environment["BEKAL_ACTOR"], !actor.isEmpty { return actor }
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    var logger: Logger { Logger(label: "bekal") }

    func openLedger() throws -> Ledger { try Ledger(home: homeURL, logger: logger) }
}

/// `--json` on read commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}

/// Input parsing shared by commands; failures exit 4 with the option's name, never its value.
enum Input {
    static func date(_ text: String, option: String) throws -> LocalDate {
        guard let date = LocalDate(text) else {
            throw CommandFailure.invalid("\(option): expected an existing date as YYYY-MM-DD")
        }
        return date
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, option: String, as type: T.Type) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) ?? T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
        else {
            throw CommandFailure.invalid(
                "\(option): expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    static func person(_ text: String) throws -> PersonReference {
        guard let reference = PersonReference(text) else {
            throw CommandFailure.invalid("PERSON: expected a register number or an id")
        }
        return reference
    }

    static func text(_ text: String, option: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CommandFailure.invalid("\(option): a value is required") }
        return trimmed
    }
}

/// Writes a value as JSON to standard output: sorted keys, for scripts and tests.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
