// libFuzzer entry for BekalJSON, compiled by scripts/fuzz.sh together with the module's sources (one module, so
// internal API is visible). It is not part of the Swift package: the normal test run never depends on it.
//
// Invariants checked on every input:
//  1. parsing never crashes, whatever the bytes;
//  2. whatever parses canonicalizes, and the canonical form is a fixed point:
//     canonicalize(parse(canonicalize(x))) == canonicalize(x);
//  3. the writer round-trips: parse(serialize(v)) == v, compact and pretty;
//  4. tight limits only ever refuse: a document accepted under them parses to the same value as under the defaults.
//
// Later (issue 3, credentials): add `verify` of the parsed value here once BekalCredentials exists, by adding its
// sources to the swiftc line in scripts/fuzz.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let value: JSONValue
    do {
        value = try JSONParser.parse(input)
    } catch {
        // Refused under the defaults: tighter limits must refuse too.
        if (try? JSONParser.parse(input, limits: JSONLimits(maxBytes: 512, maxDepth: 3, maxStringBytes: 8))) != nil {
            fatalError("tight limits accepted what the defaults refused")
        }
        return 0
    }
    let canonical: [UInt8]
    do {
        canonical = try JCS.canonicalize(value)
    } catch {
        fatalError("a parsed value failed to canonicalize: \(error)")
    }
    do {
        let reparsed = try JSONParser.parse(canonical)
        guard try JCS.canonicalize(reparsed) == canonical else {
            fatalError("the canonical form is not a fixed point")
        }
        guard reparsed == value else { fatalError("canonicalization changed the value") }
    } catch {
        fatalError("the canonical form does not parse: \(error)")
    }
    let tight = JSONLimits(maxBytes: 512, maxDepth: 3, maxStringBytes: 8)
    if let constrained = try? JSONParser.parse(input, limits: tight), constrained != value {
        fatalError("tight limits changed the value")
    }
    for pretty in [false, true] {
        let written = JSONWriter.serialize(value, pretty: pretty)
        do {
            guard try JSONParser.parse(written) == value else { fatalError("the writer changed the value") }
        } catch {
            fatalError("the writer's output does not parse: \(error)")
        }
    }
    return 0
}
