/// An object's member names in order, with a name → position table once there are more than `indexThreshold`.
///
/// Small objects, nearly all of a signed document's, find a name by comparing names in order, which beats hashing
/// it; large ones keep lookups constant-time, so a hostile object with many members cannot make a caller that
/// looks up every member quadratic. Names compare as Swift `String`s (Unicode canonical equivalence) either way.
///
/// Two plain references, never an enum of references: Swift stores an enum case's tag in the spare (high) bits of
/// a reference, and a pointer with its high bits set is invisible to LeakSanitizer, which then reports every name
/// table held by a long-lived value (the bundled contexts) as leaked and stops the fuzzers. `positions` comes
/// last in `JSONObject` and is optional, so no enclosing enum (`JSONValue`) puts its tag into these references
/// either (`JSONObjectLayoutTests` checks the bits).
struct MemberNames: Sendable {
    private(set) var names: [String]
    /// `nil` up to `indexThreshold` members.
    private(set) var positions: [String: Int]?

    /// Up to this many members a linear scan over the names beats hashing a name.
    static let indexThreshold = 16

    init(_ names: [String]) {
        self.names = names
        positions = names.count > Self.indexThreshold ? Self.table(names) : nil
    }

    private static func table(_ names: [String]) -> [String: Int] {
        var positions = Dictionary<String, Int>(minimumCapacity: names.count)
        for (position, name) in names.enumerated() { positions[name] = position }
        return positions
    }

    func position(of name: String) -> Int? {
        if let positions { positions[name] } else { names.firstIndex(of: name) }
    }

    /// Appends a name the caller has found to be new.
    mutating func append(_ name: String) {
        names.append(name)
        if positions != nil {
            positions![name] = names.count - 1
        } else if names.count > Self.indexThreshold {
            positions = Self.table(names)
        }
    }

    mutating func remove(at position: Int) {
        names.remove(at: position)
        positions = names.count > Self.indexThreshold ? Self.table(names) : nil
    }
}
