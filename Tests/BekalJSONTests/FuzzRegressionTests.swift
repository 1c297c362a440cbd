import Foundation
import Testing
@testable import BekalJSON

/// Inputs found by the libFuzzer target (scripts/fuzz.sh), kept so each finding stays fixed.
@Suite("Fuzzer findings")
struct FuzzRegressionTests {
    /// The fuzz invariant for an input that must parse: it canonicalizes, and its canonical form parses back to a
    /// fixed point. A parse failure fails the test.
    private func checkInvariant(_ bytes: [UInt8]) throws {
        let value = try JSONParser.parse(bytes)
        let canonical = try JCS.canonicalize(value)
        #expect(try JCS.canonicalize(JSONParser.parse(canonical)) == canonical)
    }

    /// The same numbers read by Foundation (which accepts them), as values that never went through Bekal's parser.
    private func foundationValue(_ document: String) throws -> JSONValue {
        func convert(_ any: Any) -> JSONValue {
            switch any {
            case let array as [Any]: .array(array.map(convert))
            case let number as NSNumber: .number(number.doubleValue)
            default: .null
            }
        }
        return convert(try JSONSerialization.jsonObject(with: Data(document.utf8), options: [.fragmentsAllowed]))
    }

    @Test("numbers written with an exponent whose canonical form is an integer beyond 2^53 are refused", arguments: [
        // crash-e7da2ffa: "1e20" parsed, canonicalized to 100000000000000000000, which did not parse again.
        "[1,-0,0.1,1e20,1E-7,9007199254740992,-1.5e+300,5e-324]",
        "1e20", "-1.0e17", "9007199254740994.0", "90071992547409940e-1", "1234567890123456789.5",
    ])
    func refusesExponentFormUnsafeIntegers(document: String) throws {
        #expect(throws: JSONError(.integerOutOfRange, "")) { try JSONParser.parse(Array(document.utf8)) }
        // The other half of the finding: handed the same numbers as values, the canonicalizer refuses them too,
        // so no value reaches a canonical form that would not parse again.
        let value = try foundationValue(document)
        #expect(throws: JSONError(.integerOutOfRange, "")) { try JCS.canonicalize(value) }
    }

    @Test("numbers just inside the limits still parse and round-trip", arguments: [
        "9007199254740992.0", "1e21", "-1e21", "9.007199254740992e15", "1e300", "0.5e1",
    ])
    func acceptsBoundaryNumbers(document: String) throws {
        _ = try JSONParser.parse(Array(document.utf8))
        try checkInvariant(Array(document.utf8))
    }
}
