import Foundation

/// The export files of a directory, read into memory before any timing.
enum ExportFiles {
    static func load(_ directory: String, limit: Int) throws -> [(name: String, bytes: [UInt8])] {
        let url = URL(fileURLWithPath: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".json") }.sorted()
        let chosen = limit > 0 ? Array(names.prefix(limit)) : names
        guard !chosen.isEmpty else { throw BenchFailure("no .json files in the export directory") }
        return try chosen.map { ($0, [UInt8](try Data(contentsOf: url.appendingPathComponent($0)))) }
    }
}
