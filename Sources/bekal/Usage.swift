import BekalCredentials
import BekalDomain
import ArgumentParser
import Foundation

/// ArgumentParser's own errors (help, version, usage), printed without the values typed: its messages quote
/// them (`2 unexpected arguments: 'Rahasia', 'Santoso'`), and a value may be a name or a register number.
enum Usage {
    static func exit(_ error: any Error) -> Never {
        let code = Bekal.exitCode(for: error).rawValue
        let message = Bekal.fullMessage(for: error)
        if code == 0 {
            print(message)
            Foundation.exit(0)
        }
        if !message.isEmpty { FileHandle.standardError.write(Data("\(redacted(message))\n".utf8)) }
        Foundation.exit(ExitStatus.usage.rawValue)
    }

    static func isArgumentParserError(_ error: any Error) -> Bool {
        error is ValidationError || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// Replaces every quoted token that is not an option or argument name with `‹value›`.
    static func redacted(_ message: String) -> String {
        var out = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "'") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "'") else {
                out += rest[open...]
                return out
            }
            let token = rest[afterOpen..<close]
            let isName = token.hasPrefix("-") || (token.hasPrefix("<") && token.hasSuffix(">"))
            out += isName ? "'\(token)'" : "‹value›"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
