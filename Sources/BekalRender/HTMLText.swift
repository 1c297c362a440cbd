/// Escaping for text that comes from data. One function serves element text and quoted attribute values: it
/// escapes `&`, `<`, `>`, `"` and `'`, so `</style>`, `<script>` or a quote in a motif name stays text.
public enum HTMLText {
    /// The text with HTML's special characters escaped as entities and disallowed control characters dropped.
    public static func escape(_ text: String) -> String {
        // Every character this changes is ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80, so the
        // bytes can be rewritten one by one; most texts need nothing and are returned as they are (this was most
        // of the time of a person's history page).
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: needsWork) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                // Control characters other than tab, newline and carriage return are not allowed in HTML text.
                case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: continue
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F:
            true
        default: false
        }
    }

    /// A CSS string literal (for `content:` in `@page` margin boxes): quotes and backslashes escaped, and `<`
    /// written as a code point so the text can never close the `<style>` element.
    public static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case "\u{0}"..."\u{1F}", "\u{7F}": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
