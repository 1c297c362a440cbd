import BekalDomain
import BekalJSON
import Foundation

/// Builds the unsigned OB 3.0 `AchievementCredential`s of a portfolio: one per unit assessed Kompeten, one per
/// certificate, one for the training and production record.
struct AchievementCredentialBuilder {
    var portfolio: Portfolio
    var issuer: JSONValue
    var subjectIdentifiers: [JSONValue]
    var now: Date

    /// A competency unit assessed K: the Achievement aligned to its unit code, the assessment as results.
    func competency(_ assessment: Assessment, id: String, status: JSONValue) throws(CredentialError) -> JSONObject {
        let framework = portfolio.framework
        let unit = framework.unit(code: assessment.unitCode)
        let title = unit?.title.en ?? assessment.unitCode
        // Slugged: a ResultDescription id is an IRI, and one with a space would be dropped by JSON-LD (safe mode refuses).
        let rd = ResultDescriptions(achievementID: "urn:bekal:unit:\(Self.slug(assessment.unitCode))")
        var achievement = JSONObject([
            ("id", .string(achievementID(framework: framework, unitCode: assessment.unitCode))),
            ("type", ["Achievement"]),
            ("achievementType", "Competency"),
            ("name", .string(title)),
            ("description", .string(unit.map { "\($0.title.id) / \($0.title.en)" } ?? assessment.unitCode)),
            (
                "criteria",
                [
                    "narrative": .string(
                        "Assessed Kompeten (K) against unit \(assessment.unitCode) of \(framework.title.en) "
                            + "version \(framework.version)"
                            + (unit.map { $0.elements.isEmpty ? "" : ", elements: " + $0.elements.map(\.en).joined(separator: "; ") } ?? "")
                            + ".")
                ]
            ),
            ("alignment", [alignment(framework: framework, unitCode: assessment.unitCode, title: title)]),
            ("humanCode", .string(assessment.unitCode)),
            ("resultDescription", .array(rd.assessmentDescriptions)),
        ])
        if let level = unit?.kkniLevel { achievement["fieldOfStudy"] = .string("KKNI level \(level)") }
        let results: [JSONValue] = [
            rd.result("outcome", value: assessment.outcome.rawValue, status: "Completed"),
            rd.result("method", value: assessment.method.rawValue),
            rd.result("assessor-role", value: assessment.assessorRole.rawValue),
            rd.result("date", value: assessment.date.description),
        ]
        return credential(
            id: id, name: title, achievement: achievement, results: results,
            evidence: try assessment.evidence.map { (file) throws(CredentialError) in try Self.evidence(file) }, validFrom: Timestamp.format(now), validUntil: nil,
            status: status)
    }

    /// A certificate of competency: valid from its issue to its expiry date, aligned to the units it covers.
    func certificate(_ certificate: Certificate, id: String, status: JSONValue) throws(CredentialError) -> JSONObject {
        let framework = portfolio.framework
        let rd = ResultDescriptions(achievementID: "urn:bekal:certificate:\(Self.slug(certificate.scheme))")
        var descriptions = rd.certificateDescriptions
        var results: [JSONValue] = [
            rd.result("certification-body", value: certificate.issuer),
            rd.result("scheme", value: certificate.scheme),
            rd.result("certificate-number", value: certificate.number),
            rd.result("issued-on", value: certificate.issuedOn.description),
            rd.result("expires-on", value: certificate.expiresOn.description),
        ]
        if let registration = certificate.registrationNumber {
            results.append(rd.result("registration-number", value: registration))
        } else {
            descriptions.removeAll { $0["id"]?.stringValue == rd.id("registration-number") }
        }
        let achievement = JSONObject([
            ("id", .string("urn:bekal:certificate:\(Self.slug(certificate.issuer)):\(Self.slug(certificate.scheme))")),
            ("type", ["Achievement"]),
            ("achievementType", "Certificate"),
            ("name", .string("Certificate of competency: \(certificate.scheme)")),
            ("description", .string("Certificate of competency issued by \(certificate.issuer), scheme \(certificate.scheme).")),
            (
                "criteria",
                ["narrative": .string("Certified competent by \(certificate.issuer) in units \(certificate.unitCodes.joined(separator: ", ")).")]
            ),
            (
                "alignment",
                .array(certificate.unitCodes.map { code in
                    alignment(framework: framework, unitCode: code, title: framework.unit(code: code)?.title.en ?? code)
                })
            ),
            ("resultDescription", .array(descriptions)),
        ])
        var doc = credential(
            id: id, name: "Certificate of competency: \(certificate.scheme)", achievement: achievement,
            results: results, evidence: try certificate.scan.map { (file) throws(CredentialError) in [try Self.evidence(file)] } ?? [],
            validFrom: Timestamp.format(certificate.issuedOn), validUntil: Timestamp.format(certificate.expiresOn),
            status: status)
        if case .object(var subject)? = doc["credentialSubject"] {
            subject["licenseNumber"] = .string(certificate.number)
            doc["credentialSubject"] = .object(subject)
        }
        return doc
    }

    /// Training hours and the production log, totalled.
    func trainingAndProduction(id: String, status: JSONValue) -> JSONObject {
        let rd = ResultDescriptions(achievementID: "urn:bekal:record:\(Self.slug(portfolio.facility.code))")
        var results: [JSONValue] = [
            rd.result("training-hours", value: Self.number(portfolio.trainingHours)),
            rd.result("training-sessions", value: String(portfolio.training.count)),
        ]
        let production = portfolio.production
        for grade in QualityGrade.allCases {
            for unit in ProductionUnit.allCases {
                let total = production.filter { $0.grade == grade && $0.unit == unit }.reduce(0) { $0 + $1.quantity }
                results.append(rd.result("\(unit.rawValue)-grade-\(grade.rawValue)", value: Self.number(total)))
            }
        }
        results.append(rd.result("rejects", value: String(production.reduce(0) { $0 + $1.rejects })))
        results.append(rd.result("rework", value: String(production.reduce(0) { $0 + $1.rework })))
        results.append(rd.result("production-hours", value: Self.number(production.reduce(0) { $0 + $1.hours })))
        var descriptions: [JSONValue] = results.compactMap { result in
            guard let rdID = result["resultDescription"]?.stringValue else { return nil }
            let key = String(rdID.split(separator: "#").last ?? "")
            return rd.description(key, name: Self.spaced(key), type: "RawScore")
        }
        let map = competencyMapResults(rd)
        results += map.results
        descriptions += map.descriptions
        let dates = (portfolio.training.map(\.date) + production.map(\.date)).sorted()
        let achievement = JSONObject([
            ("id", .string("urn:bekal:record:\(Self.slug(portfolio.facility.code)):batik-cap")),
            ("type", ["Achievement"]),
            ("achievementType", "LearningProgram"),
            ("name", "Batik cap training and production record"),
            ("description", .string("Training attended and batik cap produced at \(portfolio.facility.name).")),
            ("criteria", ["narrative": "Totals of the facility's training attendance and production log."]),
            ("resultDescription", .array(descriptions)),
        ])
        var doc = credential(
            id: id, name: "Batik cap training and production record", achievement: achievement, results: results,
            evidence: [], validFrom: Timestamp.format(now), validUntil: nil, status: status)
        if let first = dates.first, let last = dates.last, case .object(var subject)? = doc["credentialSubject"] {
            subject["activityStartDate"] = .string(Timestamp.format(first))
            subject["activityEndDate"] = .string(Timestamp.format(last))
            doc["credentialSubject"] = .object(subject)
        }
        return doc
    }

    private func credential(
        id: String, name: String, achievement: JSONObject, results: [JSONValue], evidence: [JSONValue],
        validFrom: String, validUntil: String?, status: JSONValue
    ) -> JSONObject {
        var subject = JSONObject([
            ("type", ["AchievementSubject"]),
            ("identifier", .array(subjectIdentifiers)),
            ("achievement", .object(achievement)),
        ])
        if !results.isEmpty { subject["result"] = .array(results) }
        var doc = JSONObject([
            ("@context", .array(Vocabulary.achievementContexts.map { .string($0) })),
            ("id", .string(id)),
            ("type", ["VerifiableCredential", "AchievementCredential"]),
            ("name", .string(name)),
            ("issuer", issuer),
            ("validFrom", .string(validFrom)),
        ])
        if let validUntil { doc["validUntil"] = .string(validUntil) }
        doc["credentialSubject"] = .object(subject)
        if !evidence.isEmpty { doc["evidence"] = .array(evidence) }
        doc["credentialSchema"] = [
            ["id": .string(Vocabulary.achievementCredentialSchema), "type": .string(Vocabulary.schemaValidatorType)]
        ]
        doc["credentialStatus"] = status
        return doc
    }

    func alignment(framework: CompetencyFramework, unitCode: String, title: String) -> JSONValue {
        [
            "type": ["Alignment"],
            "targetName": .string(title),
            "targetUrl": .string(achievementID(framework: framework, unitCode: unitCode)),
            "targetCode": .string(unitCode),
            "targetFramework": .string("\(framework.id) \(framework.version)"),
            "targetType": "CFItem",
        ]
    }

    func achievementID(framework: CompetencyFramework, unitCode: String) -> String {
        "urn:bekal:framework:\(Self.slug(framework.id)):\(Self.slug(framework.version)):unit:\(Self.slug(unitCode))"
    }

    /// An evidence file as an OB 3.0 Evidence entry named by its RFC 6920 hash URI.
    static func evidence(_ file: Evidence) throws(CredentialError) -> JSONValue {
        guard let digest = Hex.decode(file.sha256), digest.count == 32 else {
            throw CredentialError(.exportFailed, "an evidence file's SHA-256 is not 64 hex digits")
        }
        return [
            "id": .string("ni:///sha-256;" + Base64URL.encode(digest)),
            "type": ["Evidence"],
            "name": .string("Evidence file \(file.sha256.prefix(12))"),
            "description": .string(file.description),
            "genre": .string(genre(of: file.mediaType)),
            "mediaType": .string(file.mediaType),
        ]
    }

    static func genre(of mediaType: String) -> String {
        if mediaType.hasPrefix("image/") { return "Photograph" }
        if mediaType == "application/pdf" { return "Document" }
        return "File"
    }

    /// A URN-safe form of a code: ASCII letters, digits, `.`, `-`, `_`; anything else percent-encoded.
    static func slug(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.append(byte)
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `key` with `-` as spaces, for a description's name (Foundation's `replacingOccurrences` is much slower).
    static func spaced(_ key: String) -> String {
        String(key.map { $0 == "-" ? " " : $0 })
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
