/// The values (or member names) of every container the parser has open, on one stack; when a container closes,
/// its elements are moved off the top into an array of exactly their number.
///
/// Growing a container's own array append by append would reallocate it several times, and copying a slice out of
/// a shared `Array` would retain and release every element; moving out of manually managed memory does neither.
struct PendingStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    mutating func push(_ element: consuming Element) {
        if count == capacity {
            let newBase = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count += 1
    }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count)
        return base[position]
    }

    /// Whether any element from `start` up to (not including) `end` satisfies `predicate`.
    func contains(from start: Int, to end: Int, where predicate: (Element) -> Bool) -> Bool {
        var position = start
        while position < end {
            if predicate(base[position]) { return true }
            position += 1
        }
        return false
    }

    /// The elements from `start` to the top, copied (for a hash set of a large object's names).
    func elements(from start: Int, to end: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// Moves the elements from `start` to the top into a new array, leaving the stack `start` deep.
    mutating func popArray(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count)
        let moved = count - start
        var array: [Element] = []
        array.reserveCapacity(moved)
        for position in start..<count { array.append((base + position).move()) }
        count = start
        return array
    }
}
