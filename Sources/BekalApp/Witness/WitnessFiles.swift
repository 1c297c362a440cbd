import BekalCredentials
import BekalJSON
import BekalLog
import Crypto
import Foundation

/// The witness's cosigning key file: one line in the form golang.org/x/mod/sumdb/note gives private keys,
/// `PRIVATE+KEY+<name>+<8 hex digits key ID>+<base64(0x04 ‖ 32-byte Ed25519 seed)>`, with the cosignature/v1
/// signature type (0x04) and the key ID of the matching verifier key. Mode 0600, refused otherwise.
enum WitnessKeyFile {
    static func encode(name: String, seed: [UInt8], keyID: UInt32) -> Data {
        let hex = String(keyID, radix: 16)
        let id = String(repeating: "0", count: 8 - hex.count) + hex
        return Data("PRIVATE+KEY+\(name)+\(id)+\(Data([0x04] + seed).base64EncodedString())\n".utf8)
    }

    /// Writes a new key for `name`; the key never leaves the file except into a `Cosigner`.
    static func create(name: String, at url: URL) throws -> Cosigner {
        let key = Curve25519.Signing.PrivateKey()
        let cosigner = try Cosigner(name: name, key: key)
        try KeyFile.writePrivate(
            encode(name: name, seed: Array(key.rawRepresentation), keyID: cosigner.verifier.keyID), to: url)
        return cosigner
    }

    /// Reads the key, refusing a file group or others can access, or one whose key ID does not match.
    static func load(_ url: URL) throws -> Cosigner {
        let loaded = Result { () throws(CredentialError) -> Data in try KeyFile.readPrivate(url) }
        if case .failure(let error) = loaded, error.code == .keyFileMissing {
            throw AppError(.notFound, "this witness has no key; run `bekal witness init --name NAME`", cause: error)
        }
        let text = String(decoding: try loaded.get(), as: UTF8.self).trimmingCharacters(in: .newlines)
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        let malformed = AppError(.invalidInput, "the witness key file is not PRIVATE+KEY+name+id+key")
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", let keyID = UInt32(parts[3], radix: 16),
            let bytes = Data(base64Encoded: String(parts[4])), bytes.count == 33, bytes.first == 0x04
        else { throw malformed }
        let cosigner: Cosigner
        do {
            cosigner = try Cosigner(name: String(parts[2]),
                                    key: try Curve25519.Signing.PrivateKey(rawRepresentation: bytes.dropFirst()))
        } catch {
            throw malformed
        }
        guard cosigner.verifier.keyID == keyID else {
            throw AppError(.invalidInput, "the witness key file's key ID does not match its key")
        }
        return cosigner
    }
}

/// The logs a witness follows (`logs.json`, 0600): for each origin, the C2SP verifier keys (type 0x01) of the
/// keys trusted to sign its checkpoints.
///
/// ```json
/// { "type": "BekalWitnessLogs", "version": 1,
///   "logs": { "bekal.id/ledger/LAPAS-PWT": ["bekal.id/ledger/LAPAS-PWT+1a2b3c4d+AZ…"] } }
/// ```
enum WitnessLogsFile {
    static let documentType = "BekalWitnessLogs"

    /// Origin → verifier key strings, sorted by origin; empty when the file does not exist yet.
    static func load(_ url: URL) throws -> [String: [String]] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let data = try KeyFile.readPrivate(url)
        let malformed = AppError(.invalidInput, "the witness's logs.json is not a BekalWitnessLogs file")
        guard let value = try? JSONParser.parse(Array(data)), value["type"]?.stringValue == documentType,
            value["version"]?.numberValue == 1, let logs = value["logs"]?.objectValue
        else { throw malformed }
        var result: [String: [String]] = [:]
        for (origin, keys) in logs.members {
            guard let list = keys.arrayValue?.compactMap(\.stringValue), list.count == keys.arrayValue?.count else {
                throw malformed
            }
            result[origin] = list
        }
        return result
    }

    static func save(_ logs: [String: [String]], to url: URL) throws {
        let object = JSONObject(logs.keys.sorted().map { origin in
            (origin, JSONValue.array((logs[origin] ?? []).map { .string($0) }))
        })
        let document: JSONValue = [
            "type": .string(documentType), "version": 1, "logs": .object(object),
        ]
        try KeyFile.writePrivate(Data(JSONWriter.serialize(document, pretty: true)), to: url)
    }

    /// The verifiers of every log, for BekalLog's `Witness`.
    static func verifiers(_ logs: [String: [String]]) throws -> [String: [any NoteVerifier]] {
        try logs.mapValues { keys in
            try keys.map { key -> any NoteVerifier in
                do { return try Ed25519NoteVerifier(verifierKey: key) } catch {
                    throw AppError(.invalidInput, "the witness's logs.json holds a key that cannot be read")
                }
            }
        }
    }
}
