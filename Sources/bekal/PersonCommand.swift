import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Adds, finds and shows WBP.",
        subcommands: [PersonAdd.self, PersonList.self, PersonShow.self, PersonCode.self])
}
