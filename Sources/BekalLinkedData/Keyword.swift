/// JSON-LD keywords and the reserved keyword form.
enum Keyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id",
        "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault",
        "@prefix", "@preserve", "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value",
        "@version", "@vocab",
    ]

    static func isKeyword(_ value: String) -> Bool {
        // Most names tested are terms and IRIs: the first byte rules them out without hashing.
        value.utf8.first == UInt8(ascii: "@") && all.contains(value)
    }

    /// `@` followed by one or more ASCII letters: reserved for future keywords, ignored with a warning.
    static func hasKeywordForm(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.count > 1, bytes.first == UInt8(ascii: "@") else { return false }
        return bytes.dropFirst().allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
    }
}
