import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Certify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Records a certificate of competency from an LSP or the partner.",
        discussion: "BNSP certificates are valid for 3 years; --expires defaults to 3 years after --issued.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The issuing body, e.g. \"LSP Batik\".") var issuer: String
    @Option(help: "The certification scheme, e.g. \"Tukang Cap\".") var scheme: String
    @Option(help: "The certificate number.") var number: String
    @Option(help: "The BNSP registration number.") var registrationNumber: String?
    @Option(help: "The issue date, YYYY-MM-DD.") var issued: String
    @Option(help: "The expiry date, YYYY-MM-DD.") var expires: String?
    @Option(help: "Unit codes covered, comma-separated.") var units: String = ""
    @Option(help: "A scan of the certificate.") var scan: String?

    func run() throws {
        let issuedOn = try Input.date(issued, option: "--issued")
        let expiresOn = try expires.map { try Input.date($0, option: "--expires") }
            ?? issuedOn.adding(years: Certificate.bnspValidityYears)
        guard issuedOn <= expiresOn else {
            throw CommandFailure.invalid("--expires: the expiry date is before the issue date")
        }
        let ledger = try global.openLedger()
        let person = try ledger.person(try Input.person(self.person))
        let scanEvidence = try scan.map { path in
            try EvidenceOptions(files: [path], evidenceDescription: "certificate scan").store(in: ledger)[0]
        }
        let certificate = Certificate(
            id: UUID(), personID: person.id, issuer: try Input.text(issuer, option: "--issuer"),
            scheme: try Input.text(scheme, option: "--scheme"), number: try Input.text(number, option: "--number"),
            registrationNumber: registrationNumber, issuedOn: issuedOn, expiresOn: expiresOn,
            unitCodes: units.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            scan: scanEvidence)
        try Recording.append(.certificateRecorded(certificate), ledger: ledger, global: global)
    }
}
