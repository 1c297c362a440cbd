import BekalApp
import BekalCredentials
import BekalDomain
import ArgumentParser
import Foundation

/// ArgumentParser's own errors (help, version, usage), printed without the values typed: its messages quote
/// them (`2 unexpected arguments: 'Rahasia', 'Santoso'`), and a value may be a name or a register number.
enum Usage {
    static let marker = "‹value›"

    static func exit(_ error: any Error) -> Never {
        let code = Bekal.exitCode(for: error).rawValue
        let message = Bekal.fullMessage(for: error)
        if code == 0 {
            print(message)
            Foundation.exit(0)
        }
        if wantsJSON() {
            // What `--json` promises: errors are a JSON object too, on standard output like the report, in the
            // shape `bekal verify --json` gives every other error; the brief message, without the usage lines.
            let brief = Bekal.message(for: error)
            let text = withoutErrorLabel(redacted(brief.isEmpty ? message : brief))
            print(VerificationReport.jsonError(AppError(.usage, text), exitCode: ExitStatus.usage.rawValue))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        if !message.isEmpty { Output.error(withoutErrorLabel(redacted(message))) }
        Foundation.exit(ExitStatus.usage.rawValue)
    }

    /// Whether `--json` was typed (before any `--`, after which every argument is a value).
    /// - Parameter arguments: the arguments typed, without the program's path.
    static func wantsJSON(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    static func isArgumentParserError(_ error: any Error) -> Bool {
        error is ValidationError || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// ArgumentParser starts its messages with `Error: `; Bekal's one prefix (`bekal: `) replaces it.
    static func withoutErrorLabel(_ message: String) -> String {
        message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
    }

    /// The message with every value typed on the command line replaced by `‹value›`: each argument that is not
    /// a subcommand or option name Bekal declares, wherever it occurs (quoted or not, whatever quote marks, spaces
    /// or letters it holds). The closing hint (`See 'bekal person add --help' for more information.`) stays as
    /// it is when it is made only of command and option names.
    /// - Parameter arguments: the arguments typed, without the program's path.
    static func redacted(_ message: String, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String {
        let names = knownNames()
        var values = Set<String>()
        for argument in arguments where !names.contains(argument) {
            var pieces = [argument]
            // `--name=Ma'ruf`: the part after the first `=` is a value on its own.
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                pieces.append(String(argument[argument.index(after: equals)...]))
            }
            for piece in pieces {
                values.insert(piece)
                // A value over several lines is also hidden line by line.
                for line in piece.split(whereSeparator: \.isNewline) { values.insert(String(line)) }
            }
        }
        let hidden = values.filter { !$0.allSatisfy(\.isWhitespace) }.sorted { $0.count > $1.count }
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        if let last = lines.last, isHelpHint(last, names: names) {
            lines.removeLast()
            let body = lines.joined(separator: "\n")
            return masked(body, hidden) + "\n" + String(last)
        }
        return masked(message, hidden)
    }

    /// Replaces, in one pass from the start, the longest value found at each place with `‹value›`. A value
    /// counts where it stands as a whole word: `d` typed for `--out-dir` leaves `days` and `<dir>` as they are.
    static func masked(_ text: String, _ values: [String]) -> String {
        guard !values.isEmpty else { return text }
        var out = ""
        var previous: Character?
        var rest = Substring(text)
        while let first = rest.first {
            let found = values.first { value in
                guard rest.hasPrefix(value) else { return false }
                let next = rest.dropFirst(value.count).first
                return !joined(previous, value.first) && !joined(value.last, next)
            }
            if let value = found {
                out += marker
                previous = value.last
                rest = rest.dropFirst(value.count)
            } else {
                out.append(first)
                previous = first
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// Whether two characters side by side are letters or digits of one word.
    static func joined(_ left: Character?, _ right: Character?) -> Bool {
        guard let left, let right else { return false }
        return (left.isLetter || left.isNumber) && (right.isLetter || right.isNumber)
    }

    /// `  See 'bekal person add --help' for more information.`, made only of names Bekal declares.
    static func isHelpHint(_ line: Substring, names: Set<String>) -> Bool {
        let opening = "  See '"
        let closing = "' for more information."
        guard line.hasPrefix(opening), line.hasSuffix(closing), line.count > opening.count + closing.count else {
            return false
        }
        let inner = line.dropFirst(opening.count).dropLast(closing.count)
        let words = inner.split(separator: " ", omittingEmptySubsequences: false)
        return !words.isEmpty && words.allSatisfy { names.contains(String($0)) }
    }

    /// Every subcommand name (with its aliases) and option name of Bekal's commands, hidden ones included:
    /// what a typed argument may be without being a value.
    static func knownNames() -> Set<String> {
        var names: Set<String> = ["help", "-h", "--help", "--version"]
        var commands: [any ParsableCommand.Type] = [Bekal.self]
        while let command = commands.popLast() {
            names.insert(command._commandName)
            names.formUnion(command.configuration.aliases)
            names.formUnion(optionNames(in: Bekal.helpMessage(for: command, includeHidden: true, columns: 10_000)))
            commands += command.configuration.subcommands
        }
        return names
    }

    /// The words of a help text that are option names: `-x`, `--register-number`.
    static func optionNames(in help: String) -> Set<String> {
        let wordCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        var names = Set<String>()
        for word in help.split(whereSeparator: { !wordCharacters.contains($0) }) where word.hasPrefix("-") {
            let name = word.drop(while: { $0 == "-" })
            guard let first = name.first, first.isLetter, word.count - name.count <= 2 else { continue }
            names.insert(String(word))
        }
        return names
    }
}
