/// A JSON text confirmed to be in RFC 8785 form already, so the canonical bytes of its values are slices of it
/// rather than something to write again (a Bekal export file is the very bytes its signer canonicalized).
///
/// Confirming is conservative. It says yes only when every byte of the top-level value is what
/// `JCS.canonicalize` of the parsed value writes: no whitespace, member names in strictly increasing order,
/// numbers as ECMAScript writes them (no `1.0`, `1E3` or `-0`), strings with exactly RFC 8785's escapes (no `\/`,
/// no `\u0041`, lowercase `\u001f`) and well-formed UTF-8, nesting within `JCS.maxDepth`. A member name with an
/// escape or a byte beyond ASCII makes it say no as well (its UTF-16 order is not its byte order), and so does
/// anything that is not JSON. A caller that gets `nil` canonicalizes the parsed value the ordinary way, so "no" is
/// never wrong, only slower. Whitespace around the top-level value is allowed: it is no part of the value.
///
/// Values down to `mappedDepth` levels below the top are mapped (deeper ones are confirmed, not mapped), so a
/// caller can find, say, a credential embedded three levels down and take its bytes without its `proof`.
public struct CanonicalText: Sendable {
    /// The text as given.
    public let bytes: [UInt8]
    private var nodes: [Node] = []

    /// A mapped value of the text.
    public struct Value: Sendable, Hashable {
        let index: Int
    }

    struct Node {
        /// The value's bytes: `bytes[start..<end]`.
        var start: Int
        var end = 0
        /// For an object member: its name, without the quotes (plain ASCII, so the bytes are the name).
        var name: Range<Int>?
        var kind: UInt8
        var firstChild = -1
        var lastChild = -1
        var nextSibling = -1
    }

    /// Confirms that `bytes` hold one JSON value in RFC 8785 form; `nil` when they do not (or cannot be confirmed).
    public init?(confirming bytes: [UInt8], mappedDepth: Int) {
        self.bytes = bytes
        let mapped: [Node]? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CanonicalScanner(bytes: buffer, mappedDepth: mappedDepth)
            return scanner.scanDocument() ? scanner.nodes : nil
        }
        guard let mapped, !mapped.isEmpty else { return nil }
        nodes = mapped
    }

    /// The top-level value.
    public var root: Value { Value(index: 0) }

    /// Whether `value` is an object.
    public func isObject(_ value: Value) -> Bool { nodes[value.index].kind == UInt8(ascii: "{") }

    /// The member `name` of object `value`, when it has one and it is mapped.
    public func member(_ name: String, of value: Value) -> Value? {
        var child = nodes[value.index].firstChild
        while child >= 0 {
            if let range = nodes[child].name, bytes[range].elementsEqual(name.utf8) { return Value(index: child) }
            child = nodes[child].nextSibling
        }
        return nil
    }

    /// The elements of array `value`, when they are mapped; `nil` when `value` is not an array.
    public func elements(of value: Value) -> [Value]? {
        guard nodes[value.index].kind == UInt8(ascii: "[") else { return nil }
        var elements: [Value] = []
        var child = nodes[value.index].firstChild
        while child >= 0 {
            elements.append(Value(index: child))
            child = nodes[child].nextSibling
        }
        return elements
    }

    /// The canonical bytes of `value`, without its member `excluded` when `value` is an object that has one (the
    /// member and the comma that joins it to the next or the previous one are cut out; the rest stays sorted).
    public func canonicalBytes(of value: Value, without excluded: String? = nil) -> [UInt8] {
        let node = nodes[value.index]
        guard let excluded, let cut = member(excluded, of: value) else { return Array(bytes[node.start..<node.end]) }
        let member = nodes[cut.index]
        var from = member.name!.lowerBound - 1  // its opening quote
        var to = member.end
        if node.firstChild != cut.index {
            from -= 1  // the comma before it
        } else if member.nextSibling >= 0 {
            to += 1  // the comma after it
        }
        var output: [UInt8] = []
        output.reserveCapacity(node.end - node.start - (to - from))
        output.append(contentsOf: bytes[node.start..<from])
        output.append(contentsOf: bytes[to..<node.end])
        return output
    }
}
