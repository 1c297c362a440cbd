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
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        try append(value, to: &output, depth: 0)
        return output
    }

    /// Parses `bytes` strictly (see `JSONParser`) and returns their canonical form.
    public static func canonicalize(bytes: some Collection<UInt8>, limits: JSONLimits = .default) throws(JSONError) -> [UInt8] {
        try canonicalize(JSONParser.parse(bytes, limits: limits))
    }

    private static func append(_ value: JSONValue, to output: inout [UInt8], depth: Int) throws(JSONError) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            guard number.isFinite else {
                throw JSONError(.nonFiniteNumber, "NaN and Infinity have no JSON form")
            }
            guard !ECMAScriptNumber.printsAsUnsafeInteger(number) else {
                throw JSONError(.integerOutOfRange, "an integer beyond ±2^53 cannot be represented exactly")
            }
            ECMAScriptNumber.append(number, to: &output)
        case .string(let string):
            JSONStringEscaping.append(quoted: string, to: &output)
        case .array(let elements):
            guard depth < maxDepth else { throw tooDeep }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                try append(element, to: &output, depth: depth + 1)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard depth < maxDepth else { throw tooDeep }
            output.append(UInt8(ascii: "{"))
            let names = object.keys.sorted(by: UTF16Order.precedes)
            for (position, name) in names.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONStringEscaping.append(quoted: name, to: &output)
                output.append(UInt8(ascii: ":"))
                if let member = object[name] { try append(member, to: &output, depth: depth + 1) }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static var tooDeep: JSONError {
        JSONError(.tooDeep, "the value nests deeper than \(maxDepth) levels")
    }
}
