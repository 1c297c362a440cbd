/// A JSON object whose member names are unique and whose members keep their insertion order.
///
/// Members are stored in order as two parallel arrays, and a name is found by comparing names in order (as Swift
/// `String`s, so under Unicode canonical equivalence). Objects in signed documents have a handful of members, for
/// which this beats hashing, and keeping no hash table keeps the object two words wide, which makes every
/// `JSONValue` smaller and a parsed tree faster to walk. Lookups in a very large object are linear; `JSONParser`
/// checks a large object's names for duplicates with a hash set of its own, so parsing stays linear.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var keys: [String]
    /// `values[i]` is the value of the member named `keys[i]`.
    private(set) var values: [JSONValue]

    public init() {
        keys = []
        values = []
    }

    /// Builds an object from members in order; a later member with the same name replaces the earlier value
    /// but keeps its position. Parsers that must refuse duplicates check before calling this.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        keys.reserveCapacity(members.count)
        values.reserveCapacity(members.count)
        for (key, value) in members { updateValue(value, forKey: key) }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = keys.firstIndex(of: key) else { return nil }
            return values[position]
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else if let position = keys.firstIndex(of: key) {
                keys.remove(at: position)
                values.remove(at: position)
            }
        }
    }

    /// Sets the member `key` as the subscript does, returning the value it replaced (`nil` when the member is
    /// new), so a parser can refuse duplicate names with a single lookup.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = keys.firstIndex(of: key) {
            let previous = values[position]
            values[position] = value
            return previous
        }
        keys.append(key)
        values.append(value)
        return nil
    }

    /// An object of `keys[i]`: `values[i]`, with names the caller has already found to be unique.
    init(uniqueKeys keys: [String], values: [JSONValue]) {
        self.keys = keys
        self.values = values
    }

    /// The members in insertion order.
    public var members: [(key: String, value: JSONValue)] {
        Array(zip(keys, values))
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        members.makeIterator()
    }

    /// Objects are equal when they have the same names with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.keys == rhs.keys { return lhs.values == rhs.values }
        if lhs.count <= 16 {
            for (position, key) in lhs.keys.enumerated() {
                guard let other = rhs[key], other == lhs.values[position] else { return false }
            }
            return true
        }
        var positions = [String: Int](minimumCapacity: rhs.count)
        for (position, key) in rhs.keys.enumerated() { positions[key] = position }
        for (position, key) in lhs.keys.enumerated() {
            guard let other = positions[key], rhs.values[other] == lhs.values[position] else { return false }
        }
        return true
    }

    /// Independent of member order, as equality is.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for position in keys.indices {
            var member = Hasher()
            member.combine(keys[position])
            member.combine(values[position])
            combined ^= member.finalize()
        }
        hasher.combine(keys.count)
        hasher.combine(combined)
    }
}
