/// The persons met in one pass over a period's rows, each with a value, numbered by when it was first met and
/// found through an open-addressing table of 32-bit slots.
///
/// `PersonTally` looks a person up for every row of a period (350,000 rows a quarter at 20,000 people). Through a
/// `Dictionary<PersonKey, Int>` each lookup ran SipHash over the key's 36 bytes and then read the key, the
/// position and the totals from three separate tables, rehashed as they grew: with the `Set` unions of the
/// participants, 16% of the samples of a `bekal-bench stats` profile at 20,000 people. Here a slot is a position
/// (4 bytes: 20,000 persons take 256 KB of slots), the hash is a few multiplications of the key's words, and each
/// entry holds its key next to its value, so a row that finds its person reads one slot and one entry.
///
/// The stored ids are the store's own UUIDs, but the words are mixed with a random seed of each index all the
/// same, so no set of ids chosen in advance can pile up in one run of slots.
struct PersonIndex<Value> {
    /// A person and its value.
    struct Entry {
        var key: PersonKey
        var value: Value
    }

    /// Every person met, in the order first met; a person's position is its index here.
    private(set) var entries: ContiguousArray<Entry> = []
    /// Position + 1 of the entry whose probe sequence passes here; 0 for an empty slot.
    private var slots: [UInt32]
    private var mask: Int
    private let seed = UInt64.random(in: .min ... .max)

    /// An empty index sized for about `expected` persons before it first grows.
    init(expected: Int = 512) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The number of persons.
    var count: Int { entries.count }

    /// Lets `update` change the value of `key`, which is first appended with `initial` when it is new.
    @inline(__always)
    mutating func update(_ key: PersonKey, initial: @autoclosure () -> Value, _ update: (inout Value) -> Void) {
        var slot = hash(key) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if entries[stored - 1].key == key {
                update(&entries[stored - 1].value)
                return
            }
            slot = (slot + 1) & mask
        }
        // At most half full, so a probe always ends at an empty slot.
        if (entries.count + 1) * 2 > slots.count {
            grow()
            slot = hash(key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
        }
        entries.append(Entry(key: key, value: initial()))
        slots[slot] = UInt32(entries.count)
        update(&entries[entries.count - 1].value)
    }

    /// Whether `key` was met.
    func contains(_ key: PersonKey) -> Bool {
        var slot = hash(key) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return false }
            if entries[stored - 1].key == key { return true }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the table and places every entry again.
    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for position in entries.indices {
            var slot = hash(entries[position].key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(position + 1)
        }
    }

    /// The key's words mixed (multiply and fold), so that every bit of the id moves the slot.
    @inline(__always)
    private func hash(_ key: PersonKey) -> Int {
        @inline(__always) func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let product = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
            return product ^ product >> 29
        }
        let h = mix(mix(mix(mix(mix(seed, key.word0), key.word1), key.word2), key.word3), UInt64(key.tail))
        return Int(truncatingIfNeeded: h ^ h >> 32)
    }
}
