/// Reads N-Quads (RDF 1.1 / 1.2 syntax without triple terms) into an ``RDFDataset``.
///
/// Blank-node labels are kept as written, so canonical-label maps can refer to them.
public struct NQuadsParser: Sendable {
    /// The most quads one document may hold; a guard against memory exhaustion.
    public var maxQuads: Int

    /// A parser that refuses documents of more than `maxQuads` quads.
    public init(maxQuads: Int = 1_000_000) {
        self.maxQuads = maxQuads
    }

    /// Parses a whole N-Quads document.
    /// - Throws: ``LinkedDataError/Code/nquadsSyntax`` with the line number, or ``LinkedDataError/Code/outputLimit``.
    public func parse(_ text: String) throws(LinkedDataError) -> RDFDataset {
        var cursor = Cursor(bytes: Array(text.utf8))
        var dataset = RDFDataset()
        while !cursor.atEnd {
            cursor.skipSpaces()
            if cursor.atEnd { break }
            if cursor.peek == UInt8(ascii: "#") || cursor.atEndOfLine {
                cursor.skipLine()
                continue
            }
            let quad = try cursor.statement()
            dataset.insert(quad)
            if dataset.count > maxQuads {
                throw LinkedDataError(.outputLimit, "N-Quads document has more than \(maxQuads) quads")
            }
            cursor.skipSpaces()
            if !cursor.atEnd && cursor.peek == UInt8(ascii: "#") { cursor.skipLine(); continue }
            guard cursor.atEnd || cursor.atEndOfLine else { throw cursor.failure("text after the final '.'") }
            cursor.skipLine()
        }
        return dataset
    }
}

private struct Cursor {
    let bytes: [UInt8]
    var index = 0
    var line = 1

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8 { bytes[index] }
    var atEndOfLine: Bool { !atEnd && (peek == 0x0A || peek == 0x0D) }

    func failure(_ what: String) -> LinkedDataError {
        LinkedDataError(.nquadsSyntax, "N-Quads line \(line): \(what)")
    }

    mutating func skipSpaces() {
        while !atEnd && (peek == 0x20 || peek == 0x09) { index += 1 }
    }

    mutating func skipLine() {
        while !atEnd && !atEndOfLine { index += 1 }
        while !atEnd && atEndOfLine {
            if peek == 0x0A { line += 1 }
            index += 1
        }
    }

    mutating func statement() throws(LinkedDataError) -> RDFQuad {
        let subject: RDFTerm
        switch peek {
        case UInt8(ascii: "<"): subject = .iri(try iri())
        case UInt8(ascii: "_"): subject = .blankNode(try blankNode())
        default: throw failure("subject must be an IRI or a blank node")
        }
        skipSpaces()
        guard !atEnd, peek == UInt8(ascii: "<") else { throw failure("predicate must be an IRI") }
        let predicate = RDFTerm.iri(try iri())
        skipSpaces()
        guard !atEnd else { throw failure("missing object") }
        let object: RDFTerm
        switch peek {
        case UInt8(ascii: "<"): object = .iri(try iri())
        case UInt8(ascii: "_"): object = .blankNode(try blankNode())
        case UInt8(ascii: "\""): object = .literal(try literal())
        default: throw failure("object must be an IRI, a blank node or a literal")
        }
        skipSpaces()
        guard !atEnd else { throw failure("missing '.'") }
        var graph: RDFTerm?
        switch peek {
        case UInt8(ascii: "<"): graph = .iri(try iri())
        case UInt8(ascii: "_"): graph = .blankNode(try blankNode())
        default: break
        }
        skipSpaces()
        guard !atEnd, peek == UInt8(ascii: ".") else { throw failure("missing '.'") }
        index += 1
        return RDFQuad(subject, predicate, object, graph: graph)
    }

    mutating func iri() throws(LinkedDataError) -> String {
        index += 1  // '<'
        var out: [UInt8] = []
        while true {
            guard !atEnd else { throw failure("unterminated IRI") }
            let byte = peek
            switch byte {
            case UInt8(ascii: ">"):
                index += 1
                let value = String(decoding: out, as: UTF8.self)
                guard value.contains(":") else { throw failure("IRI is not absolute") }
                return value
            case UInt8(ascii: "\\"):
                index += 1
                guard !atEnd else { throw failure("unterminated escape") }
                let kind = peek
                guard kind == UInt8(ascii: "u") || kind == UInt8(ascii: "U") else {
                    throw failure("only \\u and \\U escapes are allowed in IRIs")
                }
                let scalar = try unicodeEscape()
                if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                    throw failure("escaped character not allowed in an IRI")
                }
                out.append(contentsOf: String(Character(scalar)).utf8)
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                throw failure("character not allowed in an IRI")
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    /// Reads `\uXXXX` or `\UXXXXXXXX`; the cursor is on the `u`/`U`.
    mutating func unicodeEscape() throws(LinkedDataError) -> Unicode.Scalar {
        let length = peek == UInt8(ascii: "u") ? 4 : 8
        index += 1
        guard index + length <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<length {
            guard let digit = hexValue(peek) else { throw failure("bad hex digit in \\u escape") }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure("\\u escape is not a Unicode scalar") }
        return scalar
    }

    mutating func blankNode() throws(LinkedDataError) -> String {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") else { throw failure("bad blank node") }
        index += 2
        let start = index
        while !atEnd {
            let byte = peek
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: ";")
            {
                break
            }
            index += 1
        }
        // A label never ends with '.', so trailing dots are the statement's terminator.
        while index > start && bytes[index - 1] == UInt8(ascii: ".") { index -= 1 }
        guard index > start else { throw failure("empty blank node label") }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") { throw failure("bad blank node label") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func literal() throws(LinkedDataError) -> RDFLiteral {
        index += 1  // '"'
        var out: [UInt8] = []
        loop: while true {
            guard !atEnd else { throw failure("unterminated literal") }
            let byte = peek
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                break loop
            case 0x0A, 0x0D:
                throw failure("line break inside a literal")
            case UInt8(ascii: "\\"):
                index += 1
                guard !atEnd else { throw failure("unterminated escape") }
                let escaped = peek
                switch escaped {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): out.append(escaped)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let scalar = try unicodeEscape()
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    continue loop
                default: throw failure("unknown escape in literal")
                }
                index += 1
            default:
                out.append(byte)
                index += 1
            }
        }
        let lexical = String(decoding: out, as: UTF8.self)
        if !atEnd && peek == UInt8(ascii: "@") {
            index += 1
            let start = index
            while !atEnd, isLanguageTagByte(peek) { index += 1 }
            guard index > start else { throw failure("empty language tag") }
            return RDFLiteral(lexical, language: String(decoding: bytes[start..<index], as: UTF8.self))
        }
        if index + 1 < bytes.count && peek == UInt8(ascii: "^") && bytes[index + 1] == UInt8(ascii: "^") {
            index += 2
            guard !atEnd, peek == UInt8(ascii: "<") else { throw failure("datatype must be an IRI") }
            return RDFLiteral(lexical, datatype: try iri())
        }
        return RDFLiteral(lexical)
    }

    private func isLanguageTagByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
