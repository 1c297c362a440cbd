@testable import BekalLinkedData

/// The obviously-correct canonical N-Quads writer the byte-level serializer replaced: `String` output,
/// escaping scalar by scalar. Tests compare the fast paths with it.
enum ReferenceNQuads {
    static func line(_ quad: RDFQuad) -> String {
        var out = ""
        out += term(quad.subject) + " " + term(quad.predicate) + " " + term(quad.object)
        if let graph = quad.graph { out += " " + term(graph) }
        return out + " .\n"
    }

    static func term(_ term: RDFTerm) -> String {
        switch term {
        case .iri(let iri): return "<" + iri + ">"
        case .blankNode(let label): return "_:" + label
        case .literal(let literal):
            var out = "\"" + escaped(literal.lexicalForm) + "\""
            if let language = literal.language {
                out += "@" + language
            } else if literal.datatype != RDFLiteral.xsdString {
                out += "^^<" + literal.datatype + ">"
            }
            return out
        }
    }

    static func escaped(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00...0x1F, 0x7F:
                out += "\\u00"
                out.unicodeScalars.append(hex[Int(scalar.value >> 4)])
                out.unicodeScalars.append(hex[Int(scalar.value & 0xF)])
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// RDFC-1.0's last step done the slow way: relabel every quad, write it, sort by code points, drop repeats.
    static func canonicalDocument(_ dataset: RDFDataset, issued: [String: String]) -> [UInt8] {
        func relabel(_ term: RDFTerm) -> RDFTerm {
            guard case .blankNode(let label) = term else { return term }
            return .blankNode(issued[label] ?? label)
        }
        let lines = dataset.quads.map { quad in
            Array(line(RDFQuad(relabel(quad.subject), quad.predicate, relabel(quad.object), graph: quad.graph.map(relabel))).utf8)
        }.sorted { $0.lexicographicallyPrecedes($1) }
        var out: [UInt8] = []
        var previous: [UInt8]?
        for line in lines where line != previous {
            out += line
            previous = line
        }
        return out
    }
}
