import BekalCredentials
import BekalDomain
import ArgumentParser
import BekalApp
import Foundation

/// `bekal canonicalize FILE`: the RFC 8785 bytes Bekal would hash for a document, for debugging signatures.
struct Canonicalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the RFC 8785 (JCS) canonical form of a JSON document.",
        discussion: """
            The output is exactly the canonical bytes, with no trailing newline, so it can be piped into \
            `sha256sum` to reproduce the hashes a Data Integrity proof signs. The input is read strictly: \
            duplicate member names, lone surrogates, invalid UTF-8 and documents over 8 MiB or nested deeper \
            than 64 levels are refused; every finite number is canonicalized as ECMAScript writes it.
            Exit status: 0 on success, 4 when the input is not acceptable JSON, 3 when the file does not exist or \
            cannot be read (2 when standard input cannot be read).
            """)

    @Argument(help: "The JSON file to canonicalize, or '-' to read standard input.")
    var file: String

    func run() throws {
        let bytes = try CanonicalForm.read(file == "-" ? nil : file)
        Output.bytes(try CanonicalForm.canonicalize(bytes))
    }
}
