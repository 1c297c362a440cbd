/// All orderings of a list, generated lazily (Heap's algorithm, iterative) so a large list costs nothing
/// until the work bound stops it.
struct Permutations<Item>: IteratorProtocol {
    private var items: [Item]
    private var counters: [Int]
    private var index = 0
    private var first = true

    init(_ items: [Item]) {
        self.items = items
        self.counters = Array(repeating: 0, count: items.count)
    }

    mutating func next() -> [Item]? {
        if first {
            first = false
            return items
        }
        while index < items.count {
            if counters[index] < index {
                if index % 2 == 0 { items.swapAt(0, index) } else { items.swapAt(counters[index], index) }
                counters[index] += 1
                index = 0
                return items
            }
            counters[index] = 0
            index += 1
        }
        return nil
    }
}
