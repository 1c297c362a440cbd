// Times BekalLinkedData (built -c release by scripts/bench-linkeddata.sh in a scratch package): canonicalization
// of one export for eddsa-rdfc-2022, and verification of its proof. Not part of the Swift package.
import BekalJSON
import BekalLinkedData
import Crypto
import Foundation

func measure(_ label: String, runs: Int, _ body: () throws -> Void) rethrows {
    try body()
    let clock = ContinuousClock()
    let elapsed = try clock.measure { for _ in 0..<runs { try body() } }
    let perRun = elapsed / runs
    let (seconds, attoseconds) = perRun.components
    let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    let padded = label.padding(toLength: 52, withPad: " ", startingAt: 0)
    print(padded + String(format: " %8.3f ms per run (%d runs)", milliseconds, runs))
}

for path in CommandLine.arguments.dropFirst() {
    let document = try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: path)))
    guard case .object(let secured) = document, case .object(let proof)? = secured["proof"] else { continue }
    var unsecured = secured
    unsecured["proof"] = nil
    let name = URL(fileURLWithPath: path).lastPathComponent
    let suite = EdDSARDFC2022()
    let canonical = try suite.canonicalize(.object(unsecured))
    print("\(name): \(canonical.utf8.count) bytes of canonical N-Quads")
    measure("canonicalize \(name)", runs: 200) { _ = try? suite.canonicalize(.object(unsecured)) }
    let did = (proof["verificationMethod"]?.stringValue ?? "").split(separator: "#").first.map(String.init) ?? ""
    guard let keyBytes = Base58.decode(String(did.dropFirst("did:key:z".count))), keyBytes.count == 34,
        let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes.dropFirst(2))
    else { continue }
    measure("verify \(name)", runs: 200) {
        guard (try? suite.verifyProof(unsecuredDocument: .object(unsecured), proof: proof, publicKey: key)) == true else {
            fatalError("proof did not verify")
        }
    }
}

/// Base58-btc decoding for the did:key in the benchmark input only.
enum Base58 {
    static func decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
        var bytes: [UInt8] = []
        for character in text.utf8 {
            guard let digit = alphabet.firstIndex(of: character) else { return nil }
            var carry = digit
            for index in bytes.indices.reversed() {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        return Array(repeating: 0, count: text.utf8.prefix { $0 == alphabet[0] }.count) + bytes
    }
}
