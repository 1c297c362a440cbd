/// RFC 8785 JSON Canonicalization Scheme: the exact bytes Bekal hashes and signs.
///
/// No whitespace; object members sorted by the UTF-16 code units of their names; strings escaped per §3.2.2.2;
/// numbers formatted as ECMAScript's Number::toString, with -0 written as `0`.
public enum JCS {
    /// Values nested deeper than this are refused with `tooDeep` (serialization recurses). It is four times the
    /// parser's default depth, so any parsed document within default limits fits.
    public static let maxDepth = 256

    /// The canonical form of `value`.
    ///
    /// The ±2^53 rule applies to what the canonical form would write: an integral value with
    /// 2^53 < |x| < 10^21 would appear as an inexact integer literal and is refused, while `1e30` is written
    /// `1e+30` and accepted, as RFC 8785's own test data requires.
    /// - Throws: `nonFiniteNumber` for NaN or ±Infinity; `integerOutOfRange` as above; `tooDeep` beyond
    ///   `maxDepth`.
    public static func canonicalize(_ value: JSONValue) throws(JSONError) -> [UInt8] {
        var output = JSONOutput(capacity: 16 << 10)
        try append(value, to: &output, depth: 0, exactIntegers: true)
        return output.bytes
    }

    /// Appends the canonical form of `value` to `output`, so a caller can build a larger document (or hash
    /// several) in one reused buffer. On error `output` is left as it was before the call.
    /// - Throws: as `canonicalize(_:)`.
    public static func canonicalize(_ value: JSONValue, into output: inout [UInt8]) throws(JSONError) {
        var canonical = JSONOutput(capacity: 16 << 10)
        try append(value, to: &canonical, depth: 0, exactIntegers: true)
        canonical.copy(to: &output)
    }

    /// Parses `bytes` strictly (see `JSONParser`) and returns their canonical form. With
    /// `limits.acceptsInexactIntegers` (a general JCS tool, `bekal canonicalize`), every finite double is
    /// canonicalized as ECMAScript writes it, integers beyond 2^53 included, as RFC 8785's number tests expect;
    /// documents Bekal verifies keep the strict default.
    public static func canonicalize(bytes: some Collection<UInt8>, limits: JSONLimits = .default) throws(JSONError) -> [UInt8] {
        let value = try JSONParser.parse(bytes, limits: limits)
        var output = JSONOutput(capacity: 16 << 10)
        try append(value, to: &output, depth: 0, exactIntegers: !limits.acceptsInexactIntegers)
        return output.bytes
    }

    private static func append(
        _ value: borrowing JSONValue, to output: inout JSONOutput, depth: Int, exactIntegers: Bool
    ) throws(JSONError) {
        switch value {
        case .null:
            output.append("null")
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .number(let number):
            try append(number: number, to: &output, exactIntegers: exactIntegers)
        case .string(let string):
            JSONStringEscaping.append(quoted: string, to: &output)
        case .array(let elements):
            guard depth < maxDepth else { throw tooDeep }
            output.append(UInt8(ascii: "["))
            // Through the buffer, elements are borrowed in place rather than the array copied.
            try elements.withUnsafeBufferPointer { (elements) throws(JSONError) in
                for position in elements.indices {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    try append(elements[position], to: &output, depth: depth + 1, exactIntegers: exactIntegers)
                }
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard depth < maxDepth else { throw tooDeep }
            try append(members: object.keys, object.values, to: &output, depth: depth, exactIntegers: exactIntegers)
        }
    }

    /// Writes an object's members in UTF-16 order of their names. The positions are sorted, never the names or
    /// values themselves, and each value is reached by position rather than looked up by name.
    private static func append(
        members keys: [String], _ values: [JSONValue], to output: inout JSONOutput, depth: Int, exactIntegers: Bool
    ) throws(JSONError) {
        output.append(UInt8(ascii: "{"))
        let count = keys.count
        if count > 0 {
            try withUnsafeTemporaryAllocation(of: MemberName.self, capacity: count) { (order) throws(JSONError) in
                for position in 0..<count {
                    order.initializeElement(at: position, to: MemberName(keys[position], position: position))
                }
                MemberName.sort(order, names: keys)
                try values.withUnsafeBufferPointer { (values) throws(JSONError) in
                    for rank in 0..<count {
                        if rank > 0 { output.append(UInt8(ascii: ",")) }
                        let name = order[rank]
                        if name.isWritable {
                            name.writeQuoted(to: &output)
                        } else {
                            JSONStringEscaping.append(quoted: keys[name.position], to: &output)
                        }
                        output.append(UInt8(ascii: ":"))
                        try append(values[name.position], to: &output, depth: depth + 1, exactIntegers: exactIntegers)
                    }
                }
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    private static func append(number: Double, to output: inout JSONOutput, exactIntegers: Bool) throws(JSONError) {
        guard number.isFinite else {
            throw JSONError(.nonFiniteNumber, "NaN and Infinity have no JSON form")
        }
        guard !exactIntegers || !ECMAScriptNumber.printsAsUnsafeInteger(number) else {
            throw JSONError(.integerOutOfRange, "an integer beyond ±2^53 cannot be represented exactly")
        }
        ECMAScriptNumber.append(number, to: &output)
    }

    private static var tooDeep: JSONError {
        JSONError(.tooDeep, "the value nests deeper than \(maxDepth) levels")
    }
}
