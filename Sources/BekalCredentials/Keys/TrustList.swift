import BekalJSON
import Foundation

/// Which keys may sign for which issuer, and when (`schemas/trust-list.schema.json`). A verifier gets it from the
/// facility out of band; it is what makes a valid signature a trusted one.
public struct TrustList: Sendable, Hashable {
    public static let documentType = "BekalTrustList"

    public struct Issuer: Sendable, Hashable {
        /// A DID or an https URL, compared exactly with the credential's issuer id.
        public var id: String
        public var name: String?
        public var keys: [KeyValidity]

        public init(id: String, name: String? = nil, keys: [KeyValidity]) {
            self.id = id
            self.name = name
            self.keys = keys
        }
    }

    public var issuers: [Issuer]

    public init(issuers: [Issuer]) { self.issuers = issuers }

    /// The trust list a facility publishes for its key ring: every key, current and retired, with its window.
    /// With an issuer URL all keys sign for it; without one each key's `did:key` is the issuer of what it signed.
    public static func facility(issuerID: String?, name: String?, ring: KeyRing) -> TrustList {
        guard let issuerID else {
            return TrustList(issuers: ring.keys.map { Issuer(id: $0.didKey.did, name: name, keys: [$0]) })
        }
        return TrustList(issuers: [Issuer(id: issuerID, name: name, keys: ring.keys)])
    }

    /// The keys bound to `issuerID`.
    public func keys(for issuerID: String) -> [KeyValidity] {
        issuers.filter { $0.id == issuerID }.flatMap(\.keys)
    }

    public var json: JSONValue {
        [
            "type": .string(Self.documentType),
            "version": 1,
            "issuers": .array(issuers.map { issuer in
                var object = JSONObject([("id", .string(issuer.id))])
                if let name = issuer.name { object["name"] = .string(name) }
                object["keys"] = .array(issuer.keys.map { key in
                    var entry = JSONObject([
                        ("verificationMethod", .string(key.didKey.verificationMethodID)),
                        ("publicKeyMultibase", .string(key.didKey.publicKeyMultibase)),
                        ("validFrom", .string(Timestamp.format(key.validFrom))),
                    ])
                    if let until = key.validUntil { entry["validUntil"] = .string(Timestamp.format(until)) }
                    return .object(entry)
                })
                return .object(object)
            }),
        ]
    }

    /// Reads a trust list, refusing anything that does not follow the schema.
    public init(json: JSONValue) throws(CredentialError) {
        func malformed(_ why: String) -> CredentialError { CredentialError(.trustListMalformed, why) }
        guard json["type"]?.stringValue == Self.documentType, json["version"]?.numberValue == 1,
            let list = json["issuers"]?.arrayValue
        else { throw malformed("not a BekalTrustList version 1") }
        var issuers: [Issuer] = []
        for entry in list {
            guard let id = entry["id"]?.stringValue, !id.isEmpty, let keys = entry["keys"]?.arrayValue else {
                throw malformed("an issuer entry lacks its id or keys")
            }
            var validities: [KeyValidity] = []
            for key in keys {
                guard let multibase = key["publicKeyMultibase"]?.stringValue,
                    let fromText = key["validFrom"]?.stringValue, let from = Timestamp.parse(fromText)
                else { throw malformed("a key entry lacks publicKeyMultibase or validFrom") }
                let didKey = try DIDKey(publicKeyMultibase: multibase)
                if let method = key["verificationMethod"]?.stringValue, method != didKey.verificationMethodID {
                    throw malformed("a key entry's verificationMethod does not match its public key")
                }
                var until: Date?
                if let untilValue = key["validUntil"] {
                    guard let text = untilValue.stringValue, let parsed = Timestamp.parse(text) else {
                        throw malformed("a key entry has an unreadable validUntil")
                    }
                    until = parsed
                }
                validities.append(KeyValidity(didKey: didKey, validFrom: from, validUntil: until))
            }
            issuers.append(Issuer(id: id, name: entry["name"]?.stringValue, keys: validities))
        }
        self.issuers = issuers
    }
}
