/// The growing byte buffer `JCS` and `JSONWriter` write into: plain stores into memory reserved ahead, with none
/// of `Array.append`'s per-byte uniqueness and capacity checks. Owned by one writer at a time.
struct JSONOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes, so that many can be written with the unchecked `write` calls.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Writes one byte into room already reserved.
    @inline(__always)
    mutating func write(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Writes bytes into room already reserved.
    @inline(__always)
    mutating func write(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        (base + count).update(from: bytes, count: length)
        count += length
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        write(byte)
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        reserve(literal.utf8CodeUnitCount)
        write(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        write(start, count: bytes.count)
    }

    /// The bytes written, appended to `array`.
    func copy(to array: inout [UInt8]) {
        array.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written, as an array of exactly that size.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
