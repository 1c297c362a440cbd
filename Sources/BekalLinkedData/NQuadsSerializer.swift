/// Writes quads in canonical N-Quads form (RDF 1.2 N-Quads, section "Canonical N-Quads"), the form RDFC-1.0
/// hashes and signs.
public enum NQuadsSerializer {
    /// One quad as a canonical N-Quads line, with its final line feed.
    public static func line(_ quad: RDFQuad) -> String {
        var out = ""
        append(quad, to: &out)
        return out
    }

    /// Appends one quad as a canonical N-Quads line, with its final line feed.
    public static func append(_ quad: RDFQuad, to out: inout String) {
        appendTerm(quad.subject, to: &out)
        out.append(" ")
        appendTerm(quad.predicate, to: &out)
        out.append(" ")
        appendTerm(quad.object, to: &out)
        if let graph = quad.graph {
            out.append(" ")
            appendTerm(graph, to: &out)
        }
        out.append(" .\n")
    }

    /// A whole dataset, one line per quad in the dataset's order.
    public static func document(_ dataset: RDFDataset) -> String {
        var out = ""
        for quad in dataset.quads { append(quad, to: &out) }
        return out
    }

    static func appendTerm(_ term: RDFTerm, to out: inout String) {
        switch term {
        case .iri(let iri):
            out.append("<")
            out.append(iri)
            out.append(">")
        case .blankNode(let label):
            out.append("_:")
            out.append(label)
        case .literal(let literal):
            out.append("\"")
            appendEscaped(literal.lexicalForm, to: &out)
            out.append("\"")
            if let language = literal.language {
                out.append("@")
                out.append(language)
            } else if literal.datatype != RDFLiteral.xsdString {
                out.append("^^<")
                out.append(literal.datatype)
                out.append(">")
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".unicodeScalars)

    static func appendEscaped(_ text: String, to out: inout String) {
        // Fast path: nothing to escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            out.append(text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x08: out.append("\\b")
            case 0x09: out.append("\\t")
            case 0x0A: out.append("\\n")
            case 0x0C: out.append("\\f")
            case 0x0D: out.append("\\r")
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x00...0x1F, 0x7F:
                out.append("\\u00")
                out.unicodeScalars.append(hexDigits[Int(scalar.value >> 4)])
                out.unicodeScalars.append(hexDigits[Int(scalar.value & 0xF)])
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
