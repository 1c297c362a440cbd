/// An object's member names in order, with a name → position table once there are more than `indexThreshold`.
///
/// One word wide either way (an enum of two references), so `JSONObject` stays two words and `JSONValue` small.
/// Small objects, nearly all of a signed document's, find a name by comparing names in order, which beats hashing
/// it; large ones keep lookups constant-time, so a hostile object with many members cannot make a caller that
/// looks up every member quadratic. Names compare as Swift `String`s (Unicode canonical equivalence) either way.
enum MemberNames: Sendable {
    case small([String])
    case indexed(IndexedNames)

    /// Up to this many members a linear scan over the names beats hashing a name.
    static let indexThreshold = 16

    init(_ names: [String]) {
        self = names.count > Self.indexThreshold ? .indexed(IndexedNames(names)) : .small(names)
    }

    var names: [String] {
        switch self {
        case .small(let names): names
        case .indexed(let table): table.names
        }
    }

    func position(of name: String) -> Int? {
        switch self {
        case .small(let names): names.firstIndex(of: name)
        case .indexed(let table): table.positions[name]
        }
    }

    /// Appends a name the caller has found to be new.
    mutating func append(_ name: String) {
        switch self {
        case .small(var names):
            self = .small([])  // drops this enum's reference, so `names` is uniquely held and grows in place
            names.append(name)
            self = Self(names)
        case .indexed(var table):
            self = .small([])  // likewise, so the uniqueness check sees only other objects' references
            if !isKnownUniquelyReferenced(&table) { table = IndexedNames(table.names) }
            table.append(name)
            self = .indexed(table)
        }
    }

    mutating func remove(at position: Int) {
        var names = names
        names.remove(at: position)
        self = Self(names)
    }

}

/// A large object's names and their positions. Shared between copies of an object until one of them changes.
final class IndexedNames: @unchecked Sendable {
    // Mutated only through `MemberNames.append` while uniquely referenced, so no two threads ever see a change.
    private(set) var names: [String]
    private(set) var positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        positions = Dictionary(minimumCapacity: names.count)
        for (position, name) in names.enumerated() { positions[name] = position }
    }

    func append(_ name: String) {
        positions[name] = names.count
        names.append(name)
    }
}
