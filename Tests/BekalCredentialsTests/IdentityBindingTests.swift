import BekalCredentials
import BekalDomain
import BekalJSON
import Crypto
import Foundation
import Testing

@Suite("Verification codes")
struct VerificationCodeTests {
    @Test("a code is 12 random characters of Crockford base 32 and a check character, from the injected generator")
    func generate() throws {
        var random = SeededRandom(state: 1)
        let code = VerificationCode.generate(using: &random)
        var again = SeededRandom(state: 1)
        #expect(VerificationCode.generate(using: &again) == code)
        #expect(code.canonical.count == 13)
        #expect(code.canonical.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
        #expect(code.formatted.count == 16)
        #expect(code.formatted.split(separator: "-").map(\.count) == [4, 4, 4, 1])
        #expect(try VerificationCode(code.formatted) == code)
        #expect(VerificationCode.entropyBits >= 50)
        // Many codes: all distinct, every character position uses the whole alphabet.
        var codes = Set<String>()
        for _ in 0..<2_000 { codes.insert(VerificationCode.generate(using: &random).canonical) }
        #expect(codes.count == 2_000)
        for position in 0..<12 {
            #expect(Set(codes.map { Array($0)[position] }).count == 32)
        }
    }

    @Test("a code is read as people type it: any case, spaces and dashes, O for 0 and I or L for 1")
    func lenient() throws {
        var random = SeededRandom(state: 7)
        let code = VerificationCode.generate(using: &random)
        let typed = code.canonical.lowercased().map(String.init).joined(separator: " ")
        #expect(try VerificationCode(typed) == code)
        #expect(try VerificationCode("  " + code.formatted + "\n") == code)
        let withZero = try #require(try? VerificationCode(String(repeating: "0", count: 12) + "0"))
        #expect(try VerificationCode("oooo-OOOO-0000-0") == withZero)
        let ones = try VerificationCode("111111111111E")
        #expect(try VerificationCode("iiii-LLLL-1111-e") == ones)
    }

    @Test("every single mistyped character and a wrong length are refused with the reason, never echoing the code")
    func checkCharacter() throws {
        var random = SeededRandom(state: 11)
        let code = VerificationCode.generate(using: &random)
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var accepted: [String] = []
        for position in 0..<13 {
            for replacement in alphabet where replacement != Array(code.canonical)[position] {
                var characters = Array(code.canonical)
                characters[position] = replacement
                if (try? VerificationCode(String(characters))) != nil { accepted.append(String(characters)) }
            }
        }
        #expect(accepted.isEmpty, "\(accepted.count) single-character typos accepted")
        #expect(throws: CredentialError(.verificationCodeMalformed, "")) { try VerificationCode(String(code.canonical.dropLast())) }
        #expect(throws: CredentialError(.verificationCodeMalformed, "")) { try VerificationCode(code.canonical + "0") }
        #expect(throws: CredentialError(.verificationCodeMalformed, "")) { try VerificationCode("UUUU-UUUU-UUUU-U") }
        do {
            var characters = Array(code.canonical)
            characters[0] = characters[0] == "A" ? "B" : "A"
            _ = try VerificationCode(String(characters))
            Issue.record("a typo was accepted")
        } catch {
            #expect(error.message.contains("check character"))
            #expect(!error.message.contains(code.canonical))
        }
        #expect("\(code)" == "VerificationCode(redacted)")
    }

    @Test("most swaps of two neighbouring characters are caught")
    func transpositions() throws {
        var random = SeededRandom(state: 3)
        var caught = 0, swaps = 0
        for _ in 0..<200 {
            let code = VerificationCode.generate(using: &random)
            let characters = Array(code.canonical)
            for position in 0..<12 where characters[position] != characters[position + 1] {
                var swapped = characters
                swapped.swapAt(position, position + 1)
                swaps += 1
                if (try? VerificationCode(String(swapped))) == nil { caught += 1 }
            }
        }
        #expect(Double(caught) / Double(swaps) > 0.9, "\(caught) of \(swaps)")
    }
}

@Suite("Identity binding with the verification code")
struct IdentityBindingTests {
    static let register = "BI.04117"
    static var code: VerificationCode {
        var random = SeededRandom(state: 2026)
        return VerificationCode.generate(using: &random)
    }

    static func export(code: VerificationCode?) throws -> JSONValue {
        var random = SeededRandom(state: 5)
        return try PortfolioExporter.export(
            SamplePortfolio.make(register: register, units: 3), key: SamplePortfolio.key,
            options: ExportOptions(statusAllocation: StatusAllocation(listURL: SamplePortfolio.listURL), verificationCode: code),
            now: SamplePortfolio.now, random: &random
        ).credential
    }

    static func verify(_ export: JSONValue, register: String?, code: VerificationCode?) -> CredentialVerification {
        CredentialVerifier().verify(
            UnverifiedCredential(export.objectValue ?? JSONObject()),
            context: VerificationContext(
                at: SamplePortfolio.now, trust: SamplePortfolio.trust(), registerNumber: register.flatMap(RegisterNumber.init),
                verificationCode: code))
    }

    @Test("with a code the export carries the keyed form: a valid OB 3.0 IdentityObject, no register number, no code")
    func keyedForm() throws {
        let export = try Self.export(code: Self.code)
        let identifier = try #require(export["credentialSubject"]?["identifier"]?.arrayValue?.first)
        #expect(identifier["type"] == "IdentityObject")
        #expect(identifier["identityType"] == "ext:BekalRegisterNumberAndCode")
        #expect(identifier["hashed"] == true)
        let salt = try #require(identifier["salt"]?.stringValue)
        #expect(salt.count == 32)
        // The hash is OB 3.0's IdentityHash (sha256 over identifier + salt) of the keyed identifier.
        let key = SymmetricKey(data: Array(Self.code.canonical.utf8))
        let inner = HMAC<SHA256>.authenticationCode(for: Array("bekal-identity-v2:\(Self.register)".utf8), using: key)
        let identifierHex = Array(inner).map { String(format: "%02x", $0) }.joined()
        let expected = "sha256$" + SHA256.hash(data: Array((identifierHex + salt).utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(identifier["identityHash"]?.stringValue == expected)
        let text = String(decoding: JSONWriter.serialize(export), as: UTF8.self)
        #expect(!text.contains(Self.register))
        #expect(!text.contains(Self.code.canonical))
        #expect(!text.contains(Self.code.formatted))
        // The embedded credentials carry the same identifier.
        let embedded = try #require(export["credentialSubject"]?["verifiableCredential"]?.arrayValue?.first)
        #expect(embedded["credentialSubject"]?["identifier"]?.arrayValue?.first == identifier)
    }

    @Test("the PK confirms with register number and code; either one wrong is a mismatch; the number alone is not checked")
    func verifierMatches() throws {
        let export = try Self.export(code: Self.code)
        let both = Self.verify(export, register: Self.register, code: Self.code)
        #expect(both.summary.identity == .matched)
        #expect(both.result.verdict != .invalid)
        var random = SeededRandom(state: 99)
        let otherCode = VerificationCode.generate(using: &random)
        #expect(Self.verify(export, register: Self.register, code: otherCode).summary.identity == .mismatch)
        #expect(Self.verify(export, register: "BI.04118", code: Self.code).summary.identity == .mismatch)
        #expect(Self.verify(export, register: "BI.04118", code: Self.code).result.verdict == .invalid)
        let numberOnly = Self.verify(export, register: Self.register, code: nil)
        #expect(numberOnly.summary.identity == .notChecked(.verificationCodeNeeded))
        #expect(numberOnly.result.verdict != .invalid)
        #expect(Self.verify(export, register: nil, code: Self.code).summary.identity == .notChecked(.noRegisterNumber))
    }

    /// What an attacker holding the file can compute for each candidate register number: the older formula, and
    /// the keyed formula with every code they could guess without the person's (none; the empty code's place is
    /// taken by a code of their own).
    static func attack(_ export: JSONValue, candidates: [String], guessedCodes: [VerificationCode]) -> [String] {
        guard let identifier = export["credentialSubject"]?["identifier"]?.arrayValue?.first,
            let hash = identifier["identityHash"]?.stringValue, let salt = identifier["salt"]?.stringValue
        else { return [] }
        return candidates.filter { candidate in
            guard let number = RegisterNumber(candidate) else { return false }
            if IdentityHash.matches(registerNumber: number, identityHash: hash, salt: salt) { return true }
            return guessedCodes.contains {
                IdentityHash.matches(registerNumber: number, code: $0, identityHash: hash, salt: salt)
            }
        }
    }

    @Test("enumerating 100,000 register numbers finds the person in an older export, and not in a keyed one")
    func bruteForce() throws {
        let candidates = (0..<100_000).map { String(format: "BI.%05d", $0) }
        #expect(candidates.contains(Self.register))
        var random = SeededRandom(state: 77)
        let attackersOwnCode = VerificationCode.generate(using: &random)

        let older = try Self.export(code: nil)
        #expect(Self.attack(older, candidates: candidates, guessedCodes: []) == [Self.register])

        let keyed = try Self.export(code: Self.code)
        #expect(Self.attack(keyed, candidates: candidates, guessedCodes: [attackersOwnCode]).isEmpty)
    }

    @Test("a facility export keys each person with their own code, and a person without one gets the older form")
    func facilityExport() throws {
        let people = (1...3).map { SamplePortfolio.make(register: "BI.0000\($0)", name: "Person \($0)", units: 3, seed: UInt8($0)) }
        var random = SeededRandom(state: 40)
        let codes = [people[0].person.id: VerificationCode.generate(using: &random), people[1].person.id: VerificationCode.generate(using: &random)]
        let (exports, _) = try FacilityExport.planAllocateAndExport(
            people, key: SamplePortfolio.key, listURL: SamplePortfolio.listURL, now: SamplePortfolio.now,
            verificationCodes: codes)
        for (index, export) in exports.enumerated() {
            let register = "BI.0000\(index + 1)"
            let code = codes[people[index].person.id]
            let identity = Self.verify(export.credential, register: register, code: code).summary.identity
            #expect(identity == (code == nil ? .matchedWeakForm : .matched), "person \(index + 1)")
        }
        // One person's code does not confirm another.
        #expect(Self.verify(exports[0].credential, register: "BI.00001", code: codes[people[1].person.id]).summary.identity == .mismatch)
    }

    @Test("a keyed export is valid against Bekal's export schema and the OB 3.0 schema (Python jsonschema)")
    func schemas() throws {
        let file = try writeTemporary(try Self.export(code: Self.code), name: "keyed.json")
        let script = try Fixture.url("validate_schema.py").path
        let export = try runProcess("/usr/bin/env", [
            "python3", script, Fixture.repositoryRoot.appendingPathComponent("schemas/export.schema.json").path, file.path,
        ])
        #expect(export.status == 0, "\(export.output)")
        let ob3 = try runProcess("/usr/bin/env", [
            "python3", script, try Fixture.url("ob3/ob_v3p0_achievementcredential_schema.json").path, file.path, "--embedded",
        ])
        #expect(ob3.status == 0, "\(ob3.output)")
    }
}
