// libFuzzer entry for BekalLinkedData, built by scripts/fuzz-linkeddata.sh in a scratch package (the module needs
// swift-crypto and its bundled contexts). Not part of the Swift package: the normal test run never depends on it.
// SwiftPM names an executable's entry point itself, so the top-level code hands control to libFuzzer's driver.
//
// The first input byte picks the path; the rest is the document.
//  even: N-Quads → RDFC-1.0 (small work limit). Whatever canonicalizes is a fixed point.
//  odd:  JSON → JSON-LD expansion → RDF, in plain and in safe mode. Safe mode only ever refuses (never
//        changes the dataset), the canonical form is a fixed point, and RDFCProofAlgorithms' route (quads
//        straight from the expanded form) canonicalizes to the same bytes.
// Every failure must be a LinkedDataError (typed throws guarantee it); a crash or hang is a finding.
import BekalJSON
import BekalLinkedData
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

enum Processors {
    static let canonicalizer = RDFCanonicalizer(limits: .init(maxWork: 2_000, maxDepth: 32))
    static let plain = JSONLD(options: JSONLDOptions(safeMode: false, limits: JSONLDLimits(maxDepth: 32, maxQuads: 5_000)))
    static let safe = JSONLD(options: JSONLDOptions(safeMode: true, limits: JSONLDLimits(maxDepth: 32, maxQuads: 5_000)))
    /// What signing canonicalizes with (quads straight from the expanded form where it can), in plain mode.
    static let algorithms: RDFCProofAlgorithms = {
        var algorithms = RDFCProofAlgorithms(safeMode: false, canonicalizer: canonicalizer)
        algorithms.jsonld = plain
        return algorithms
    }()
}

func checkFixedPoint(_ dataset: RDFDataset) {
    guard let canonical = try? Processors.canonicalizer.canonicalize(dataset) else { return }
    guard let again = try? Processors.canonicalizer.canonicalize(nquads: canonical.nquads), again.nquads == canonical.nquads else {
        fatalError("canonical N-Quads are not a fixed point")
    }
}

/// The canonical form signing uses equals the canonical form of the specification's toRDF dataset, byte for byte.
/// (The work limit may be met on one side only: the N-degree search prunes in input order.)
func checkDirectRoute(_ document: JSONValue, _ dataset: RDFDataset) {
    guard !dataset.isEmpty, let expected = try? Processors.canonicalizer.canonicalize(dataset).nquads else { return }
    do {
        let direct = try Processors.algorithms.canonicalize(document)
        if Array(direct.utf8) != Array(expected.utf8) { fatalError("the direct route changed the canonical form") }
    } catch {
        if error.code != .canonicalizationWorkLimit && error.code != .canonicalizationDepthLimit {
            fatalError("the direct route refused what toRDF accepts: \(error.code)")
        }
    }
}

func fuzzLinkedData(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0, let data else { return 0 }
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    if data[0] % 2 == 0 {
        guard let dataset = try? NQuadsParser(maxQuads: 5_000).parse(String(decoding: input, as: UTF8.self)) else {
            return 0
        }
        checkFixedPoint(dataset)
        return 0
    }
    guard let document = try? JSONParser.parse(input) else { return 0 }
    guard let dataset = try? Processors.plain.toRDF(document) else { return 0 }
    if let safeDataset = try? Processors.safe.toRDF(document), safeDataset != dataset {
        fatalError("safe mode changed the dataset")
    }
    checkFixedPoint(dataset)
    checkDirectRoute(document, dataset)
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzLinkedData(data, size) })
