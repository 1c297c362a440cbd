/// Numbers as people type them in an Indonesian office: `3,5` and `3.5` both mean three and a half. Only plain
/// decimals are accepted: no sign, exponent, hexadecimal form (`0x10`), infinity or NaN, which Swift's
/// `Double(String)` would all take. A separator followed by exactly three digits after a non-zero whole part
/// (`1.000`, `2,500`) is refused as ambiguous: in Indonesian `1.000` is a thousand, in English it is one.
public enum TypedNumber {
    /// Why a typed number is not accepted.
    public enum Problem: Error, Sendable, Hashable {
        /// Not a plain decimal number.
        case notANumber
        /// A thousands separator or a decimal mark, unclear which.
        case ambiguousSeparator
        /// More than 15 significant digits (beyond what a double keeps exactly).
        case tooManyDigits
    }

    /// The value of `text`, or why it is not a number.
    public static func parse(_ text: some StringProtocol) -> Result<Double, Problem> {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard start < end else { return .failure(.notANumber) }
        var whole: [UInt8] = []
        var fraction: [UInt8] = []
        var seenSeparator = false
        for byte in bytes[start..<end] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenSeparator { fraction.append(byte) } else { whole.append(byte) }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !seenSeparator else { return .failure(.notANumber) }
                seenSeparator = true
            default:
                return .failure(.notANumber)
            }
        }
        guard !whole.isEmpty || !fraction.isEmpty, !(seenSeparator && fraction.isEmpty) else {
            return .failure(.notANumber)
        }
        let significant = whole.drop { $0 == UInt8(ascii: "0") }.count + fraction.count
        guard significant <= 15 else { return .failure(.tooManyDigits) }
        if fraction.count == 3, whole.contains(where: { $0 != UInt8(ascii: "0") }) {
            return .failure(.ambiguousSeparator)
        }
        let normal = String(decoding: (whole.isEmpty ? [UInt8(ascii: "0")] : whole), as: UTF8.self)
            + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self))
        guard let value = Double(normal), value.isFinite else { return .failure(.notANumber) }
        return .success(value)
    }

    /// A whole number typed as digits only (a count: rework, rejects).
    public static func parseCount(_ text: some StringProtocol) -> Int? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 9, trimmed.utf8.allSatisfy({ (48...57).contains($0) }) else {
            return nil
        }
        return Int(trimmed)
    }

    /// A figure written back for people: whole numbers without a fraction, others rounded to one decimal, with the
    /// decimal comma an Indonesian reader writes (`3,5`) or the English point (`3.5`).
    public static func text(_ value: Double, decimalComma: Bool) -> String {
        let plain = value.rounded() == value && abs(value) < 1e15
            ? String(Int(value)) : String((value * 10).rounded() / 10)
        return decimalComma ? String(plain.map { $0 == "." ? "," : $0 }) : plain
    }

    /// The sentence for a problem, naming the field, never the value.
    public static func message(_ problem: Problem, field: String) -> String {
        switch problem {
        case .notANumber: "\(field): expected a number such as 3,5 or 3.5"
        case .ambiguousSeparator:
            "\(field): unclear whether the separator marks thousands or decimals; write 1000 or 1,5"
        case .tooManyDigits: "\(field): too many digits"
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
