/// ECMAScript's Number::toString (ECMA-262 §7.1.12.1 / Number::toString(x, 10)), which RFC 8785 uses for
/// every number.
///
/// The digits are the shortest that round-trip, closest to the value when several are that short (Swift's own
/// `description` computes exactly these); only the layout (plain, decimal or exponent) follows ECMAScript's rules.
public enum ECMAScriptNumber {
    /// Formats `value` as JavaScript's `String(value)` would: `56` for 56.0, `1e+21`, `1e-7`, `0` for -0,
    /// and `NaN` / `Infinity` / `-Infinity` for non-finite values (which JSON itself cannot carry).
    public static func format(_ value: Double) -> String {
        var output: [UInt8] = []
        append(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether ECMAScript writes `value` as a plain integer literal beyond ±2^53 (integral, 2^53 < |value| < 10^21).
    ///
    /// Bekal refuses such numbers both when parsing and when canonicalizing, so a canonical form never contains an
    /// integer literal that a reader could not take exactly, and every canonical form parses again. Larger
    /// integral values are written with an exponent (`1e+30`) and stay acceptable, as in RFC 8785's own test data.
    static func printsAsUnsafeInteger(_ value: Double) -> Bool {
        let magnitude = value.magnitude
        return magnitude > 9_007_199_254_740_992 && magnitude < 1e21 && magnitude == magnitude.rounded(.towardZero)
    }

    static func append(_ value: Double, to output: inout [UInt8]) {
        if value.isNaN {
            output.append(contentsOf: "NaN".utf8)
            return
        }
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        if magnitude.isInfinite {
            output.append(contentsOf: "Infinity".utf8)
            return
        }
        if magnitude < 9_007_199_254_740_992, magnitude == magnitude.rounded(.towardZero) {
            output.append(contentsOf: String(Int64(magnitude)).utf8)
            return
        }
        let (digits, exponent) = shortestDigits(magnitude)
        layOut(digits: digits, n: exponent, into: &output)
    }

    /// As `append(_:to:)` for an array, into a `JSONOutput`; integers below 2^53 in magnitude (counts, hours,
    /// indexes: most numbers in Bekal's documents) are written digit by digit, without going through text.
    static func append(_ value: Double, to output: inout JSONOutput) {
        let magnitude = value.magnitude
        guard magnitude < 9_007_199_254_740_992, magnitude == magnitude.rounded(.towardZero) else {
            var text: [UInt8] = []
            append(value, to: &text)
            text.withUnsafeBufferPointer { output.append($0) }
            return
        }
        var digits = UInt64(magnitude)
        output.reserve(17)
        // -0 is written 0.
        if value < 0 { output.write(UInt8(ascii: "-")) }
        // 2^53 has 16 digits; they are written right to left into 16 bytes on the stack.
        var text: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &text) { raw in
            var start = 16
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
            } while digits > 0
            guard let base = raw.baseAddress else { return }
            output.write(base.assumingMemoryBound(to: UInt8.self) + start, count: 16 - start)
        }
    }

    /// The shortest round-trip decimal digits of a positive finite `value` and the exponent `n` such that
    /// value = 0.d₁d₂…d_k × 10^n (ECMA-262's s, k and n).
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], n: Int) {
        var digits: [UInt8] = []
        digits.reserveCapacity(17)
        var digitsBeforePoint = -1
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in value.description.utf8 {
            if inExponent {
                switch byte {
                case UInt8(ascii: "-"): exponentNegative = true
                case UInt8(ascii: "+"): break
                default: exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                }
            } else {
                switch byte {
                case UInt8(ascii: "."): digitsBeforePoint = digits.count
                case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
                default: digits.append(byte)
                }
            }
        }
        if digitsBeforePoint < 0 { digitsBeforePoint = digits.count }
        if exponentNegative { exponent = -exponent }
        var n = digitsBeforePoint + exponent
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        n -= leadingZeros
        digits.removeFirst(leadingZeros)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, n)
    }

    /// ECMA-262 §6.1.6.1.20 Number::toString steps 6–12 for digits s (k of them) and exponent n.
    private static func layOut(digits: [UInt8], n: Int, into output: inout [UInt8]) {
        let k = digits.count
        if k <= n && n <= 21 {
            output.append(contentsOf: digits)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            output.append(contentsOf: digits[..<n])
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            output.append(UInt8(ascii: "0"))
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            output.append(contentsOf: digits)
        } else {
            output.append(digits[0])
            if k > 1 {
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: digits[1...])
            }
            output.append(UInt8(ascii: "e"))
            output.append(n - 1 >= 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            output.append(contentsOf: String((n - 1).magnitude).utf8)
        }
    }
}
