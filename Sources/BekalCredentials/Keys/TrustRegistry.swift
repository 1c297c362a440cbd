import Foundation

/// The facilities a reader (a Bapas) trusts, merged from the trust lists they publish, with the conflicts that
/// make a list suspect. A facility is the group of a list's issuers that share a name (compared case-, width- and
/// space-insensitively) or a facility code.
///
/// Adding a list either merges it into the facility it describes (it shares a key with it: a newer list after a
/// key rotation, or the same list again), adds a new facility, or is refused whole with the conflicts:
/// - `lookAlike`: the same name or code as a facility already trusted, and no key in common: someone else calling
///   itself that facility;
/// - `keyClaimedByTwo` / `issuerClaimedByTwo`: a key or issuer id another facility already has.
/// When two lists give one key different windows the narrower one is kept (the later start, the earlier end), so an
/// old list cannot reopen a retired key's window.
public struct TrustRegistry: Sendable, Hashable {
    /// One facility and what the registry trusts for it.
    public struct Facility: Sendable, Hashable {
        /// The facility's name, as its lists give it.
        public var name: String?
        /// The facility's code, when a list gives one.
        public var code: String?
        /// Its issuers and their keys, merged from every list added.
        public var issuers: [TrustList.Issuer]
        /// Who vouched for the lists merged into it, in the order they were added.
        public var signatures: [VerifiedTrustList.Signature]

        /// Every key the facility signs with.
        public var keys: Set<DIDKey> { Set(issuers.flatMap(\.keys).map(\.didKey)) }

        func matches(name other: String?, code otherCode: String?) -> Bool {
            if let a = name.map(TrustRegistry.normalized), let b = other.map(TrustRegistry.normalized), a == b { return true }
            if let code, let otherCode, code == otherCode { return true }
            return false
        }
    }

    /// Why a list cannot be added.
    public enum Conflict: Sendable, Hashable, CustomStringConvertible {
        /// The same name or code as a trusted facility, with none of its keys.
        case lookAlike(name: String)
        /// A key another facility already signs with.
        case keyClaimedByTwo(key: DIDKey, facility: String)
        /// An issuer id another facility already has.
        case issuerClaimedByTwo(issuerID: String, facility: String)

        /// The conflict in one English sentence naming the facility, key or issuer id involved, for the PK's error message.
        public var description: String {
            switch self {
            case .lookAlike(let name):
                "a trust list names the facility \(name) with keys the trusted list for \(name) does not have (a look-alike)"
            case .keyClaimedByTwo(let key, let facility): "key \(key.did) is already trusted for \(facility)"
            case .issuerClaimedByTwo(let id, let facility): "issuer \(id.prefix(120)) is already trusted for \(facility)"
            }
        }
    }

    /// The facilities trusted, in the order first added.
    public private(set) var facilities: [Facility] = []

    /// An empty registry.
    public init() {}

    /// Every trusted issuer, each named by its facility: what `TrustAnchors.trustList` takes.
    public var trustList: TrustList {
        TrustList(issuers: facilities.flatMap { facility in
            facility.issuers.map { issuer in
                var named = issuer
                named.name = issuer.name ?? facility.name
                named.facilityCode = issuer.facilityCode ?? facility.code
                return named
            }
        })
    }

    /// Adds `list`, merging each facility it describes into the one already trusted.
    /// - Throws: `trustListConflict` naming every conflict; the registry is then unchanged.
    public mutating func add(_ list: VerifiedTrustList) throws(CredentialError) {
        let problems = conflicts(with: list)
        guard problems.isEmpty else {
            throw CredentialError(.trustListConflict, problems.map(\.description).joined(separator: "; "))
        }
        for group in Self.groups(list.list) {
            if let index = facilities.firstIndex(where: { $0.matches(name: group.name, code: group.code) }) {
                facilities[index].merge(group.issuers)
                facilities[index].signatures.append(list.signature)
                if facilities[index].code == nil { facilities[index].code = group.code }
            } else {
                facilities.append(Facility(name: group.name, code: group.code, issuers: group.issuers, signatures: [list.signature]))
            }
        }
    }

    /// What adding `list` would conflict with.
    public func conflicts(with list: VerifiedTrustList) -> [Conflict] {
        var found: [Conflict] = []
        for group in Self.groups(list.list) {
            let keys = Set(group.issuers.flatMap(\.keys).map(\.didKey))
            let label = group.name ?? group.code ?? group.issuers.first?.id ?? "?"
            for facility in facilities {
                let shown = facility.name ?? facility.code ?? "another facility"
                if facility.matches(name: group.name, code: group.code) {
                    if facility.keys.isDisjoint(with: keys) { found.append(.lookAlike(name: label)) }
                    continue
                }
                for key in keys.intersection(facility.keys).sorted(by: { $0.did < $1.did }) {
                    found.append(.keyClaimedByTwo(key: key, facility: shown))
                }
                for id in Set(group.issuers.map(\.id)).intersection(facility.issuers.map(\.id)).sorted() {
                    found.append(.issuerClaimedByTwo(issuerID: id, facility: shown))
                }
            }
        }
        return found
    }

    /// A list's issuers grouped by facility (name, else code, else each issuer alone).
    static func groups(_ list: TrustList) -> [(name: String?, code: String?, issuers: [TrustList.Issuer])] {
        var groups: [(name: String?, code: String?, issuers: [TrustList.Issuer])] = []
        for issuer in list.issuers {
            let probe = Facility(name: issuer.name, code: issuer.facilityCode, issuers: [], signatures: [])
            if issuer.name != nil || issuer.facilityCode != nil,
                let index = groups.firstIndex(where: { probe.matches(name: $0.name, code: $0.code) })
            {
                groups[index].issuers.append(issuer)
                groups[index].code = groups[index].code ?? issuer.facilityCode
            } else {
                groups.append((issuer.name, issuer.facilityCode, [issuer]))
            }
        }
        return groups
    }

    /// Names compared as people read them: compatibility-normalized (full-width letters, ligatures), case-folded,
    /// runs of spaces made one.
    static func normalized(_ name: String) -> String {
        name.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension TrustRegistry.Facility {
    /// Adds issuers and keys; a key already known keeps the narrower of its two windows.
    mutating func merge(_ incoming: [TrustList.Issuer]) {
        for issuer in incoming {
            guard let index = issuers.firstIndex(where: { $0.id == issuer.id }) else {
                issuers.append(issuer)
                continue
            }
            for key in issuer.keys {
                if let known = issuers[index].keys.firstIndex(where: { $0.didKey == key.didKey }) {
                    issuers[index].keys[known] = issuers[index].keys[known].narrowed(by: key)
                } else {
                    issuers[index].keys.append(key)
                }
            }
        }
    }
}

extension KeyValidity {
    /// The window both `self` and `other` allow: the later start and the earlier end.
    func narrowed(by other: KeyValidity) -> KeyValidity {
        let until: Date? = switch (validUntil, other.validUntil) {
        case (nil, nil): nil
        case (let a?, nil): a
        case (nil, let b?): b
        case (let a?, let b?): min(a, b)
        }
        return KeyValidity(didKey: didKey, validFrom: max(validFrom, other.validFrom), validUntil: until)
    }
}
