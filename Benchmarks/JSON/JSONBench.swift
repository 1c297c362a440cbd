// Standalone benchmark for BekalJSON, built by scripts/bench-json.sh with -O over the module sources (not part of
// the package, so the normal build and tests never depend on it). Prints the best of N runs per phase.
import Foundation
@main struct JSONBench {
    static func main() throws {
        for name in CommandLine.arguments.dropFirst() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: name)))
            var best = (parse: Double.infinity, jcs: Double.infinity, write: Double.infinity)
            let iterations = bytes.count > 1_000_000 ? 10 : 200
            var sink = 0
            for _ in 0..<iterations {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let value = try JSONParser.parse(bytes)
                let t1 = DispatchTime.now().uptimeNanoseconds
                let canonical = try JCS.canonicalize(value)
                let t2 = DispatchTime.now().uptimeNanoseconds
                let written = JSONWriter.serialize(value)
                let t3 = DispatchTime.now().uptimeNanoseconds
                sink &+= canonical.count &+ written.count
                best.parse = min(best.parse, Double(t1 - t0) / 1e6)
                best.jcs = min(best.jcs, Double(t2 - t1) / 1e6)
                best.write = min(best.write, Double(t3 - t2) / 1e6)
            }
            let mb = Double(bytes.count) / 1_048_576
            print(String(format: "%@: %.2f MiB  parse %.3f ms (%.0f MiB/s)  jcs %.3f ms  write %.3f ms  [%d]", name, mb, best.parse, mb / best.parse * 1000, best.jcs, best.write, sink % 7))
        }
    }
}
