/// A JSON object whose member names are unique and whose members keep their insertion order.
///
/// Members are stored in order as a name list and a parallel value array. A name is found by comparing names in
/// order while the object is small (as Swift `String`s, so under Unicode canonical equivalence), and through a
/// hash table once it is large (see `MemberNames`). Three plain references (values, names, optional name table),
/// in this order so that no reference in a parsed tree carries an enum tag (see `MemberNames`).
public struct JSONObject: Sendable, Hashable, Sequence {
    /// `values[i]` is the value of the member named `keys[i]`.
    private(set) var values: [JSONValue]
    private(set) var names: MemberNames

    /// The member names in insertion order.
    public var keys: [String] { names.names }

    /// Creates an empty object.
    public init() {
        values = []
        names = MemberNames([])
    }

    /// An object of `keys[i]`: `values[i]`, with names the caller has already found to be unique.
    init(uniqueKeys keys: [String], values: [JSONValue]) {
        self.values = values
        names = MemberNames(keys)
    }

    /// Builds an object from members in order; a later member with the same name replaces the earlier value
    /// but keeps its position. Parsers that must refuse duplicates check before calling this.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        values.reserveCapacity(members.count)
        for (key, value) in members { updateValue(value, forKey: key) }
    }

    /// The number of members.
    public var count: Int { values.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { values.isEmpty }

    /// The member named `key`, or `nil`; setting `nil` removes the member, setting a value keeps an existing member's position.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = names.position(of: key) else { return nil }
            return values[position]
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else if let position = names.position(of: key) {
                names.remove(at: position)
                values.remove(at: position)
            }
        }
    }

    /// Sets the member `key` as the subscript does, returning the value it replaced (`nil` when the member is
    /// new), so a parser can refuse duplicate names with a single lookup.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = names.position(of: key) {
            let previous = values[position]
            values[position] = value
            return previous
        }
        names.append(key)
        values.append(value)
        return nil
    }

    /// The members in insertion order.
    public var members: [(key: String, value: JSONValue)] {
        Array(zip(keys, values))
    }

    /// Iterates the members in insertion order.
    public func makeIterator() -> Iterator {
        Iterator(keys: keys, values: values)
    }

    /// The number of members (exact, not an estimate).
    public var underestimatedCount: Int { values.count }

    /// The members in insertion order, read in place: no array of pairs is built for a loop over an object
    /// (that copy, with a retain of every name and value, was ≈ 5% of an eddsa-rdfc-2022 canonicalization).
    public struct Iterator: IteratorProtocol {
        private let keys: [String]
        private let values: [JSONValue]
        private var position = 0

        init(keys: [String], values: [JSONValue]) {
            self.keys = keys
            self.values = values
        }

        /// The next member, or `nil` after the last.
        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < values.count else { return nil }
            defer { position += 1 }
            return (keys[position], values[position])
        }
    }

    /// Objects are equal when they have the same names with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        let lhsKeys = lhs.keys
        if lhsKeys == rhs.keys { return lhs.values == rhs.values }
        for (position, key) in lhsKeys.enumerated() {
            guard let other = rhs[key], other == lhs.values[position] else { return false }
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
