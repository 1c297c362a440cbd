import BekalCredentials
import Foundation
import ArgumentParser
import BekalApp
import BekalDomain

struct Certify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Records a certificate of competency from an LSP or the partner.",
        discussion: "BNSP certificates are valid for 3 years; --expires defaults to 3 years after --issued.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The issuing body, e.g. \"LSP Batik\".") var issuer: String
    @Option(help: "The certification scheme, e.g. \"Tukang Cap\".") var scheme: String
    @Option(help: "The certificate number.") var number: String
    @Option(help: "The BNSP registration number.") var registrationNumber: String?
    @Option(help: "The issue date.") var issued: String
    @Option(help: "The expiry date.") var expires: String?
    @Option(help: "Unit codes covered, comma-separated; each must be in the framework.") var units: String = ""
    @Option(help: "A scan of the certificate (PDF or photo).") var scan: String?

    func run() async throws {
        let input = CertificateInput(
            person: try TypedInput.person(person), issuer: issuer, scheme: scheme, number: number,
            registrationNumber: registrationNumber, issuedOn: try TypedInput.date(issued, field: "--issued"),
            expiresOn: try expires.map { text throws(AppError) in try TypedInput.date(text, field: "--expires") },
            unitCodes: units.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0) },
            scan: try scan.map { path throws(AppError) in
                try EvidenceUpload.file(atPath: path, description: "certificate scan")
            })
        Recorded.print(try await global.open().recordCertificate(input, context: try global.context()))
    }
}
