/// The body of a C2SP tlog-witness `add-checkpoint` request: the size of the checkpoint the log believes the
/// witness holds, a consistency proof from it, and the new signed checkpoint.
///
/// ```
/// old 5000
/// <base64 hash>
/// …
///
/// <signed checkpoint>
/// ```
public struct WitnessRequest: Sendable, Hashable {
    /// The size of the witness's latest checkpoint as the log believes it (0 for a first request).
    public var oldSize: UInt64
    /// The consistency proof from `oldSize` to the checkpoint's size (empty when `oldSize` is 0).
    public var proof: [MerkleHash]
    /// The new checkpoint, signed by the log.
    public var checkpoint: SignedNote

    /// The most proof lines a request may carry (C2SP tlog-witness).
    public static let maximumProofLines = 63

    /// A request from its parts.
    public init(oldSize: UInt64, proof: [MerkleHash], checkpoint: SignedNote) {
        self.oldSize = oldSize
        self.proof = proof
        self.checkpoint = checkpoint
    }

    /// Parses a request body strictly.
    /// - Throws: `LogError.malformedRequest` naming the line at fault, or `.malformedNote` for the checkpoint.
    public init(parsing body: String) throws {
        var rest = Substring(body)
        func nextLine() throws -> Substring {
            guard let newline = rest.firstIndex(of: "\n") else {
                throw LogError(.malformedRequest, "a request line does not end in a newline")
            }
            let line = rest[..<newline]
            rest = rest[rest.index(after: newline)...]
            return line
        }
        let first = try nextLine()
        guard first.hasPrefix("old "), let size = WitnessRequest.decimal(first.dropFirst(4)) else {
            throw LogError(.malformedRequest, "line 1 is not `old <size>` with a decimal size")
        }
        var proof: [MerkleHash] = []
        while true {
            let line = try nextLine()
            if line.isEmpty { break }
            guard proof.count < WitnessRequest.maximumProofLines else {
                throw LogError(.malformedRequest, "the request has more than \(WitnessRequest.maximumProofLines) proof lines")
            }
            do {
                proof.append(try MerkleHash(base64: line))
            } catch {
                throw LogError(.malformedRequest, "proof line \(proof.count + 1) is not a base64 hash of 32 bytes")
            }
        }
        self.init(oldSize: size, proof: proof, checkpoint: try SignedNote(parsing: rest))
    }

    /// The request body.
    public var body: String {
        "old \(oldSize)\n" + proof.map { $0.base64 + "\n" }.joined() + "\n" + checkpoint.serialized
    }

    /// Decimal without leading zeros (unless 0), at most 2^63 − 1.
    static func decimal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            text == "0" || !text.hasPrefix("0"), let value = UInt64(text), value <= UInt64(Int64.max)
        else { return nil }
        return value
    }
}
