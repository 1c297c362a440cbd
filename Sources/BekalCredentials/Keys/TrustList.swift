import BekalJSON
import Foundation

/// Which keys may sign for which issuer, and when (`schemas/trust-list.schema.json`), with the facility each
/// issuer is (its name and code). A verifier gets it from the facility out of band; it is what makes a valid
/// signature a trusted one and gives the verdict the facility's name. Version 2 adds the facility code and an
/// optional Data Integrity proof (`TrustList.signed`, `VerifiedTrustList`); version 1 lists are still read.
public struct TrustList: Sendable, Hashable {
    /// The `type` a trust list document declares, so other JSON is not mistaken for one.
    public static let documentType = "BekalTrustList"
    /// The version `json` writes.
    public static let currentVersion = 2

    /// One trusted issuer: a facility's issuer id, its name and code, and the keys that may sign for it.
    public struct Issuer: Sendable, Hashable {
        /// A DID or an https URL, compared exactly with the credential's issuer id.
        public var id: String
        /// The facility's name, e.g. `Lapas Kelas IIA Purwokerto`: what a verdict says issued the file.
        public var name: String?
        /// The facility's code, e.g. `LAPAS-PWT`.
        public var facilityCode: String?
        /// The keys that may sign for the issuer, each with the window in which it may.
        public var keys: [KeyValidity]

        /// Creates an issuer entry.
        public init(id: String, name: String? = nil, facilityCode: String? = nil, keys: [KeyValidity]) {
            self.id = id
            self.name = name
            self.facilityCode = facilityCode
            self.keys = keys
        }
    }

    /// The trusted issuers, usually one facility's.
    public var issuers: [Issuer]

    /// Creates a trust list of `issuers`.
    public init(issuers: [Issuer]) { self.issuers = issuers }

    /// The trust list a facility publishes for its key ring: every key, current and retired, with its window.
    /// With an issuer URL all keys sign for it; without one each key's `did:key` is the issuer of what it signed.
    public static func facility(issuerID: String?, name: String?, code: String? = nil, ring: KeyRing) -> TrustList {
        guard let issuerID else {
            return TrustList(issuers: ring.keys.map { Issuer(id: $0.didKey.did, name: name, facilityCode: code, keys: [$0]) })
        }
        return TrustList(issuers: [Issuer(id: issuerID, name: name, facilityCode: code, keys: ring.keys)])
    }

    /// The keys bound to `issuerID`.
    public func keys(for issuerID: String) -> [KeyValidity] {
        issuers.filter { $0.id == issuerID }.flatMap(\.keys)
    }

    /// Every key of the list, once.
    public var allKeys: [DIDKey] {
        var seen = Set<DIDKey>()
        return issuers.flatMap(\.keys).map(\.didKey).filter { seen.insert($0).inserted }
    }

    /// The list as written (version 2, unsigned; `signed(with:created:)` adds the proof).
    public var json: JSONValue {
        [
            "type": .string(Self.documentType),
            "version": .number(Double(Self.currentVersion)),
            "issuers": .array(issuers.map { issuer in
                var object = JSONObject([("id", .string(issuer.id))])
                if let name = issuer.name { object["name"] = .string(name) }
                if let code = issuer.facilityCode { object["code"] = .string(code) }
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

    /// Reads a trust list (version 1 or 2; a proof, if any, is not checked here: see `VerifiedTrustList`),
    /// refusing anything that does not follow the schema.
    public init(json: JSONValue) throws(CredentialError) {
        func malformed(_ why: String) -> CredentialError { CredentialError(.trustListMalformed, why) }
        let version = json["version"]?.numberValue
        guard json["type"]?.stringValue == Self.documentType, version == 1 || version == 2,
            let list = json["issuers"]?.arrayValue
        else { throw malformed("not a BekalTrustList version 1 or 2") }
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
            if entry["name"] != nil && entry["name"]?.stringValue == nil { throw malformed("an issuer's name is not a string") }
            if entry["code"] != nil && entry["code"]?.stringValue == nil { throw malformed("an issuer's code is not a string") }
            issuers.append(Issuer(
                id: id, name: entry["name"]?.stringValue, facilityCode: entry["code"]?.stringValue, keys: validities))
        }
        self.issuers = issuers
    }
}
