/// Writes a `JSONValue` as JSON for people and files: members in their stored order, `/` not escaped, strings
/// escaped as RFC 8785 does. For bytes to sign, use `JCS` instead.
public enum JSONWriter {
    /// Serializes `value`.
    /// - Parameters:
    ///   - pretty: two-space indentation and `": "` between name and value; otherwise no whitespace at all.
    ///     Neither form ends with a newline.
    /// - Returns: UTF-8 bytes. A NaN or infinite number (never produced by `JSONParser`) is written as `null`,
    ///   as JavaScript's `JSON.stringify` does, so the output is always valid JSON.
    public static func serialize(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var output = JSONOutput(capacity: 16 << 10)
        append(value, to: &output, indent: pretty ? 0 : nil)
        return output.bytes
    }

    private static func append(_ value: borrowing JSONValue, to output: inout JSONOutput, indent: Int?) {
        switch value {
        case .null:
            output.append("null")
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .number(let number):
            if number.isFinite {
                ECMAScriptNumber.append(number, to: &output)
            } else {
                output.append("null")
            }
        case .string(let string):
            JSONStringEscaping.append(quoted: string, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            elements.withUnsafeBufferPointer { elements in
                for position in elements.indices {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    newline(indent.map { $0 + 1 }, to: &output)
                    append(elements[position], to: &output, indent: indent.map { $0 + 1 })
                }
            }
            if !elements.isEmpty { newline(indent, to: &output) }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            let keys = object.keys
            object.values.withUnsafeBufferPointer { values in
                for position in values.indices {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    newline(indent.map { $0 + 1 }, to: &output)
                    JSONStringEscaping.append(quoted: keys[position], to: &output)
                    output.append(UInt8(ascii: ":"))
                    if indent != nil { output.append(UInt8(ascii: " ")) }
                    append(values[position], to: &output, indent: indent.map { $0 + 1 })
                }
            }
            if !object.isEmpty { newline(indent, to: &output) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int?, to output: inout JSONOutput) {
        guard let indent else { return }
        output.reserve(1 + indent * 2)
        output.write(UInt8(ascii: "\n"))
        for _ in 0..<indent * 2 { output.write(UInt8(ascii: " ")) }
    }
}
