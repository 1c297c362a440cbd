import BekalJSON
import Foundation

/// The signed `BitstringStatusListCredential` a facility publishes and a verifier is handed offline.
public enum StatusListCredential {
    /// Builds and signs the list credential.
    /// - Parameters:
    ///   - id: the list's URL, the `statusListCredential` of every entry pointing at it.
    ///   - issuer: the facility's issuer id (its did:key or an https URL bound in the trust list).
    public static func make(
        id: String, issuer: String, list: StatusList, key: IssuerKey, now: Date
    ) throws(CredentialError) -> JSONObject {
        let document = JSONObject([
            ("@context", ["https://www.w3.org/ns/credentials/v2"]),
            ("id", .string(id)),
            ("type", ["VerifiableCredential", "BitstringStatusListCredential"]),
            ("issuer", .string(issuer)),
            ("validFrom", .string(Timestamp.format(now))),
            (
                "credentialSubject",
                [
                    "id": .string(id + "#list"),
                    "type": "BitstringStatusList",
                    "statusPurpose": "revocation",
                    "encodedList": .string(try list.encodedList()),
                ]
            ),
        ])
        return try DataIntegrity.sign(document, key: key, created: now)
    }

    /// What a verifier needs from a list credential (its proofs are checked separately).
    public struct Contents: Sendable, Hashable {
        /// The list credential's `id`, which credentials' `statusListCredential` must name.
        public var id: String
        /// The issuer id of the list credential (its `issuer` string, or the `id` of an issuer object).
        public var issuer: String
        /// The list's `statusPurpose`, e.g. `revocation`.
        public var statusPurpose: String
        /// The decoded bitstring.
        public var list: StatusList
    }

    /// Reads a `BitstringStatusListCredential`; throws `statusListMalformed` when a required member is missing or the list does not decode.
    public static func read(_ document: JSONValue) throws(CredentialError) -> Contents {
        guard let types = document["type"]?.arrayValue,
            types.contains("BitstringStatusListCredential"),
            let id = document["id"]?.stringValue,
            let issuer = document["issuer"]?.stringValue ?? document["issuer"]?["id"]?.stringValue,
            let subject = document["credentialSubject"],
            subject["type"]?.stringValue == "BitstringStatusList",
            let purpose = subject["statusPurpose"]?.stringValue,
            let encoded = subject["encodedList"]?.stringValue
        else {
            throw CredentialError(.statusListMalformed, "not a BitstringStatusListCredential")
        }
        return Contents(id: id, issuer: issuer, statusPurpose: purpose, list: try StatusList(encodedList: encoded))
    }
}
