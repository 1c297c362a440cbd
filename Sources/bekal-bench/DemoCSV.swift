import BekalDomain
import Foundation

/// The synthetic facility's records in the CSV form `bekal import` reads (one kind per file, header row),
/// so that the import benchmark loads exactly the rows the generator made.
struct DemoCSV {
    var data: DemoDataSet

    /// Writes the five files; returns the number of data rows written.
    func write(to directory: URL) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var persons = [["register_number", "full_name", "admission_date", "expected_release_date", "birth_date"]]
        var assessments = [["person", "unit_code", "outcome", "assessor_name", "assessor_role", "method", "date",
                            "framework_id", "framework_version", "notes"]]
        var training = [["person", "date", "hours", "topic", "trainer"]]
        var production = [["person", "date", "motif", "cap", "quantity", "unit", "grade", "hours", "rework",
                           "rejects", "reject_reason"]]
        var certificates = [["person", "issuer", "scheme", "number", "issued_on", "expires_on",
                             "registration_number", "units"]]
        var registerNumbers: [UUID: String] = [:]
        for event in data.events {
            switch event.payload {
            case .personAdded(let p):
                registerNumbers[p.id] = p.registerNumber.rawValue
                persons.append([p.registerNumber.rawValue, p.fullName.rawValue, "\(p.admissionDate)",
                                "\(p.expectedReleaseDate)", p.birthDate.map { "\($0)" } ?? ""])
            case .assessmentRecorded(let a):
                assessments.append([registerNumbers[a.personID] ?? "", a.unitCode, a.outcome.rawValue, a.assessorName,
                                    a.assessorRole.rawValue, a.method.rawValue, "\(a.date)", a.frameworkID,
                                    a.frameworkVersion, a.notes ?? ""])
            case .trainingRecorded(let t):
                training.append([registerNumbers[t.personID] ?? "", "\(t.date)", Self.number(t.hours), t.topic,
                                 t.trainer])
            case .productionRecorded(let p):
                production.append([registerNumbers[p.personID] ?? "", "\(p.date)", p.motif, p.cap,
                                   Self.number(p.quantity), p.unit.rawValue, p.grade.rawValue, Self.number(p.hours),
                                   "\(p.rework)", "\(p.rejects)", p.rejectReason ?? ""])
            case .certificateRecorded(let c):
                certificates.append([registerNumbers[c.personID] ?? "", c.issuer, c.scheme, c.number, "\(c.issuedOn)",
                                     "\(c.expiresOn)", c.registrationNumber ?? "", c.unitCodes.joined(separator: ";")])
            default:
                continue
            }
        }
        let files = [("persons", persons), ("assessments", assessments), ("training", training),
                     ("production", production), ("certificates", certificates)]
        for (name, rows) in files {
            let text = rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: directory.appendingPathComponent("\(name).csv"), options: .atomic)
        }
        return files.reduce(0) { $0 + $1.1.count - 1 }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
