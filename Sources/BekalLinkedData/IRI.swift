/// IRI checks and RFC 3986 reference resolution, as JSON-LD uses them (no normalization).
public enum IRI {
    /// `scheme:` followed by anything: an absolute IRI (or a compact IRI that looks like one).
    static func isAbsolute(_ value: String) -> Bool {
        var sawScheme = false
        for (offset, byte) in value.utf8.enumerated() {
            if byte == UInt8(ascii: ":") { return sawScheme }
            let alpha = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if offset == 0 {
                guard alpha else { return false }
            } else {
                let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                guard alpha || digit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                else { return false }
            }
            sawScheme = true
        }
        return false
    }

    /// An absolute IRI usable in RDF: a scheme and none of the characters N-Quads cannot carry.
    public static func isWellFormed(_ value: String) -> Bool { isWellFormed(value, asciiOnly: false) }

    /// ``isWellFormed(_:)``, and with `asciiOnly` also refusing any character beyond ASCII (for paths that compare
    /// IRIs as Swift `String`s, which merge canonically equivalent spellings RDF keeps apart).
    static func isWellFormed(_ value: String, asciiOnly: Bool) -> Bool {
        // Over the contiguous bytes when the string has them (native strings do): it runs for every IRI of a dataset.
        value.utf8.withContiguousStorageIfAvailable { isWellFormed($0, asciiOnly: asciiOnly) }
            ?? Array(value.utf8).withUnsafeBufferPointer { isWellFormed($0, asciiOnly: asciiOnly) }
    }

    private static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>, asciiOnly: Bool) -> Bool {
        var hashes = 0
        var schemeEnded = false
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            if !schemeEnded {
                // The scheme: a letter, then letters, digits, `+`, `-` or `.`, up to the first `:` (see isAbsolute).
                let alpha = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                if byte == UInt8(ascii: ":") && offset > 0 {
                    schemeEnded = true
                    continue
                }
                let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                guard alpha || (offset > 0 && (digit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".")))
                else { return false }
                continue
            }
            if asciiOnly && byte >= 0x80 { return false }
            switch byte {
            case UInt8(ascii: "#"):
                hashes += 1
                if hashes > 1 { return false }
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return false
            default: continue
            }
        }
        return schemeEnded
    }

    static func isBlankNode(_ value: String) -> Bool { value.hasPrefix("_:") }

    private struct Parts {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?

        init(_ text: Substring) {
            var rest = text
            if let hash = rest.firstIndex(of: "#") {
                fragment = rest[rest.index(after: hash)...]
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = rest[rest.index(after: question)...]
                rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"), IRI.isAbsolute(String(rest[...colon])),
                !rest[..<colon].contains("/")
            {
                scheme = rest[..<colon]
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
                let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
                authority = rest[afterSlashes..<end]
                rest = rest[end...]
            }
            path = rest
        }
    }

    /// Resolves `reference` against `base` (RFC 3986 section 5.2); with no base the reference stays as it is.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = Parts(reference[...])
        if r.scheme != nil {
            return compose(r.scheme, r.authority, removeDotSegments(String(r.path)), r.query, r.fragment)
        }
        let b = Parts(base[...])
        var authority = b.authority
        var path: String
        var query = r.query
        if r.authority != nil {
            authority = r.authority
            path = removeDotSegments(String(r.path))
        } else if r.path.isEmpty {
            path = String(b.path)
            if query == nil { query = b.query }
        } else if r.path.hasPrefix("/") {
            path = removeDotSegments(String(r.path))
        } else {
            let merged: String
            if b.authority != nil && b.path.isEmpty {
                merged = "/" + r.path
            } else if let slash = b.path.lastIndex(of: "/") {
                merged = String(b.path[...slash]) + r.path
            } else {
                merged = String(r.path)
            }
            path = removeDotSegments(merged)
        }
        return compose(b.scheme, authority, path, query, r.fragment)
    }

    private static func compose(
        _ scheme: Substring?, _ authority: Substring?, _ path: String, _ query: Substring?, _ fragment: Substring?
    ) -> String {
        var out = ""
        if let scheme { out += scheme + ":" }
        if let authority { out += "//" + authority }
        out += path
        if let query { out += "?" + query }
        if let fragment { out += "#" + fragment }
        return out
    }

    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        // Segments kept with their leading "/" so the final join is exact.
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
