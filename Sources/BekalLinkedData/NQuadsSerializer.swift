/// Writes quads in canonical N-Quads form (RDF 1.2 N-Quads, section "Canonical N-Quads"), the form RDFC-1.0
/// hashes and signs.
///
/// Lines are built as UTF-8 bytes: every character canonical N-Quads escapes is ASCII, and no byte of a
/// multi-byte UTF-8 sequence is ASCII, so escaping byte by byte is escaping scalar by scalar.
public enum NQuadsSerializer {
    /// One quad as a canonical N-Quads line, with its final line feed.
    public static func line(_ quad: RDFQuad) -> String {
        String(decoding: lineBytes(quad), as: UTF8.self)
    }

    /// One quad as the UTF-8 bytes of its canonical N-Quads line, with its final line feed.
    public static func lineBytes(_ quad: RDFQuad) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        append(quad, to: &out)
        return out
    }

    /// Appends one quad as a canonical N-Quads line, with its final line feed.
    public static func append(_ quad: RDFQuad, to out: inout String) {
        out.append(line(quad))
    }

    /// Appends one quad's canonical N-Quads line, with its final line feed, as UTF-8 bytes.
    public static func append(_ quad: RDFQuad, to out: inout [UInt8]) {
        appendTerm(quad.subject, to: &out)
        out.append(UInt8(ascii: " "))
        appendTerm(quad.predicate, to: &out)
        out.append(UInt8(ascii: " "))
        appendTerm(quad.object, to: &out)
        if let graph = quad.graph {
            out.append(UInt8(ascii: " "))
            appendTerm(graph, to: &out)
        }
        out.append(contentsOf: lineEnd)
    }

    /// A whole dataset, one line per quad in the dataset's order.
    public static func document(_ dataset: RDFDataset) -> String {
        var out: [UInt8] = []
        for quad in dataset.quads { append(quad, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let lineEnd: [UInt8] = Array(" .\n".utf8)
    private static let datatypeOpen: [UInt8] = Array("^^<".utf8)

    static func appendTerm(_ term: RDFTerm, to out: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: iri.utf8)
            out.append(UInt8(ascii: ">"))
        case .blankNode(let label):
            out.append(UInt8(ascii: "_"))
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: label.utf8)
        case .literal(let literal):
            out.append(UInt8(ascii: "\""))
            appendEscaped(literal.lexicalForm, to: &out)
            out.append(UInt8(ascii: "\""))
            if let language = literal.language {
                out.append(UInt8(ascii: "@"))
                out.append(contentsOf: language.utf8)
            } else if literal.datatype != RDFLiteral.xsdString {
                out.append(contentsOf: datatypeOpen)
                out.append(contentsOf: literal.datatype.utf8)
                out.append(UInt8(ascii: ">"))
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Fast path: nothing to escape.
            if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x00...0x1F, 0x7F:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                default: out.append(byte)
                }
            }
        }
    }
}
