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
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        append(value, to: &output, indent: pretty ? 0 : nil)
        return output
    }

    private static func append(_ value: JSONValue, to output: inout [UInt8], indent: Int?) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            if number.isFinite {
                ECMAScriptNumber.append(number, to: &output)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .string(let string):
            JSONStringEscaping.append(quoted: string, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 1 }, to: &output)
                append(element, to: &output, indent: indent.map { $0 + 1 })
            }
            if !elements.isEmpty { newline(indent, to: &output) }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 1 }, to: &output)
                JSONStringEscaping.append(quoted: member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                append(member.value, to: &output, indent: indent.map { $0 + 1 })
            }
            if !object.isEmpty { newline(indent, to: &output) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int?, to output: inout [UInt8]) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }
}
