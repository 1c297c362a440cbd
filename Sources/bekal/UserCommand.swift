import ArgumentParser
import BekalApp
import BekalDomain
import Foundation

/// `bekal user`: staff accounts, their roles, passwords and caseloads.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manages staff accounts: roles, passwords, and which counselor is responsible for whom.",
        discussion: """
            Roles: admin (accounts, caseloads, keys, statistics, imports; and everything else), counselor (records, \
            corrections and exports for the people of their caseload), assessor (records assessments for anyone), \
            viewer (reads only). Every change is a ledger event naming the admin who made it. Passwords (for \
            `bekal serve`) are read from a 0600 file, standard input or an environment variable, never an argument; \
            only their bcrypt hash is stored, outside the ledger.
            """,
        subcommands: [
            UserAdd.self, UserList.self, UserRole.self, UserDisable.self, UserEnable.self, UserPassword.self,
            UserAssign.self,
        ])
}

/// Where a password comes from: never an argument.
struct PasswordOptions: ParsableArguments {
    @Option(name: .customLong("password-file"), help: "A file (mode 0600) whose first line is the password.")
    var passwordFile: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordStdin = false
    @Option(name: .customLong("password-env"), help: "An environment variable holding the password.")
    var passwordEnv: String?

    var given: Bool { passwordFile != nil || passwordStdin || passwordEnv != nil }

    func validate() throws {
        if [passwordFile != nil, passwordStdin, passwordEnv != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --password-file, --password-stdin or --password-env")
        }
    }

    /// The password, checked; `nil` when none was given.
    func password() throws -> Password? {
        if let passwordFile { return try Password(Self.firstLine(of: try Self.ownerOnlyFile(passwordFile))) }
        if passwordStdin { return try Password(Self.firstLine(of: FileHandle.standardInput.readDataToEndOfFile())) }
        if let passwordEnv {
            guard let value = Environment.value(passwordEnv), !value.isEmpty else {
                throw AppError(.usage, "--password-env: the environment variable is not set", field: "password")
            }
            return try Password(value)
        }
        return nil
    }

    /// A regular file only its owner can read, like a key file.
    private static func ownerOnlyFile(_ path: String) throws -> Data {
        guard let mode = FileMode(ofFileAt: path, followingSymbolicLinks: false), mode.isRegularFile,
            let data = FileManager.default.contents(atPath: path)
        else { throw AppError(.notFound, "--password-file: the file cannot be read", field: "password") }
        guard mode.isOwnerOnly else {
            throw AppError(.permission, "--password-file: the file is readable by group or others; make it mode 0600",
                           field: "password")
        }
        return data
    }

    private static func firstLine(of data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Creates a staff account.",
        discussion: """
            Only an admin may. In a data directory made before accounts existed, the first account must be an \
            admin and is recorded as created by itself; from then on every command acts as an existing account.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account name, e.g. wali.sari (letters, digits, '.', '_', '@', '-').") var name: String
    @Option(help: "admin, counselor (wali), assessor (asesor), viewer, or pk (a Bapas's parole officer).") var role: String
    @Option(name: .customLong("display-name"), help: "The name shown in the web interface.") var displayName: String?
    @OptionGroup var password: PasswordOptions

    func run() async throws {
        let input = NewAccount(
            name: name, role: try TypedInput.term(role, field: "--role", as: StaffRole.self), displayName: displayName,
            password: try password.password())
        Recorded.print(try await global.open().createAccount(input, context: try global.context()))
        if input.password == nil {
            print("No password set: the account can act from the CLI only until `bekal user password \(name)`.")
        }
    }
}

struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists the staff accounts.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let app = try global.open()
        let context = try global.context()
        let accounts = try await app.accounts(context: context)
        let caseloads = Dictionary(grouping: try await app.caseloadAssignments(context: context).values, by: { $0 }).mapValues(\.count)
        if output.json {
            struct Line: Encodable {
                var name: String, role: String, displayName: String?, active: Bool, password: Bool, caseload: Int
            }
            return try Output.json(accounts.map {
                Line(name: $0.name, role: $0.role.rawValue, displayName: $0.displayName, active: $0.isActive,
                     password: $0.hasPassword, caseload: caseloads[$0.name] ?? 0)
            })
        }
        print(Table.line(["account", "role", "active", "password", "caseload", "display_name"]))
        for account in accounts {
            print(Table.line([account.name, account.role.rawValue, account.isActive ? "yes" : "no",
                              account.hasPassword ? "set" : "none", String(caseloads[account.name] ?? 0),
                              account.displayName ?? "-"]))
        }
    }
}

struct UserRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Gives an account another role.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account name.") var name: String
    @Argument(help: "admin, counselor, assessor or viewer.") var role: String

    func run() async throws {
        Recorded.print(try await global.open().changeRole(
            of: name, to: try TypedInput.term(role, field: "ROLE", as: StaffRole.self), context: try global.context()))
    }
}

struct UserDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disables an account: it can no longer sign in or record.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account name.") var name: String

    func run() async throws {
        Recorded.print(try await global.open().disableAccount(name, context: try global.context()))
    }
}

struct UserEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enables a disabled account again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account name.") var name: String

    func run() async throws {
        Recorded.print(try await global.open().enableAccount(name, context: try global.context()))
    }
}

struct UserPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Sets an account's password for the web interface (an admin: anyone's; anyone: their own).",
        discussion: "12 to 72 bytes. Only its bcrypt hash is stored, outside the ledger.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account name.") var name: String
    @OptionGroup var password: PasswordOptions

    func validate() throws {
        guard password.given else {
            throw ValidationError("give the password with --password-file FILE, --password-stdin or --password-env NAME")
        }
    }

    func run() async throws {
        guard let secret = try password.password() else { return }
        try await global.open().setPassword(secret, of: name, context: try global.context())
        print("Password set for \(name)")
    }
}

struct UserAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Makes a counselor responsible for people (their wali); assigning again transfers them.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The counselor's account name.") var counselor: String
    @Argument(help: "The people's register numbers or internal ids.") var people: [String]

    func validate() throws {
        guard !people.isEmpty else { throw ValidationError("give at least one PERSON") }
    }

    func run() async throws {
        let app = try global.open()
        let context = try global.context()
        for person in people {
            Recorded.print(try await app.assignCaseload(try TypedInput.person(person), to: counselor, context: context))
        }
    }
}
