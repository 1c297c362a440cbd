import BekalDomain
import Testing

/// Figures written back for people: one rule for the readiness texts and the pages (`PageFormat.number`).
@Suite("Figures as text")
struct TypedNumberTextTests {
    @Test("whole numbers bare, others to one decimal, with the comma in Indonesian and the point in English",
          arguments: [
              (28.0, true, "28"), (39.5, true, "39,5"), (39.5, false, "39.5"), (3.25, true, "3,3"),
              (146.46, false, "146.5"), (0.0, true, "0"), (1_000_000.0, true, "1000000"),
          ])
    func text(value: Double, comma: Bool, expected: String) {
        #expect(TypedNumber.text(value, decimalComma: comma) == expected)
    }

    @Test("a figure beyond Int's range is written, not trapped on (the page formatter converted through Int)")
    func huge() {
        #expect(TypedNumber.text(1e20, decimalComma: true) == "1e+20")
        #expect(TypedNumber.text(-1e300, decimalComma: false) == "-1e+300")
    }
}
