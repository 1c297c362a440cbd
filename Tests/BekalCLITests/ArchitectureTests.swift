import Foundation
import Testing

/// The layering the README's "Architecture" section describes, read from the sources themselves: every module a
/// target imports is declared in Package.swift, the arrows point one way, and the command-line tool only parses and
/// prints. A new import or a long `run()` fails here instead of waiting for a reviewer to notice.
@Suite("Architecture: declared imports, one-way arrows, a thin command-line tool")
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sources = root.appendingPathComponent("Sources")

    /// Each target's declared dependencies, by name, from Package.swift's text (`name: "X", dependencies: [...]`).
    static func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try Regex(#"name: "([A-Za-z-]+)",\s*dependencies: \[([^\]]*)\]"#)
        let quoted = try Regex(#""([A-Za-z-]+)""#)
        var result: [String: Set<String>] = [:]
        for match in manifest.matches(of: target) {
            guard let name = match.output[1].substring, let list = match.output[2].substring else { continue }
            result[String(name)] = Set(list.matches(of: quoted).compactMap { $0.output[1].substring.map(String.init) })
        }
        return result
    }

    /// The modules each source target imports (`import X`, `@testable import X`, `public import X`).
    static func imports() throws -> [String: Set<String>] {
        let line = try Regex(#"(?m)^\s*(?:@testable\s+|public\s+|internal\s+|package\s+)?import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?([A-Za-z_]+)"#)
        var result: [String: Set<String>] = [:]
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) where !target.hasPrefix(".") {
            for file in try swiftFiles(in: sources.appendingPathComponent(target)) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for match in text.matches(of: line) {
                    if let module = match.output[1].substring { result[target, default: []].insert(String(module)) }
                }
            }
        }
        return result
    }

    static func swiftFiles(in directory: URL) throws -> [URL] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    @Test("every package module a target imports is declared as its dependency in Package.swift")
    func importsAreDeclared() throws {
        let declared = try Self.declaredDependencies()
        let imports = try Self.imports()
        #expect(declared["BekalApp"] != nil && declared["bekal"] != nil, "Package.swift was not read: \(declared.keys)")
        #expect(imports["bekal"]?.contains("ArgumentParser") == true, "the sources were not read")
        // Modules the package knows: its own targets and every name a target lists. System modules (Foundation,
        // Glibc, Dispatch) are in neither, so they are not checked.
        let known = Set(declared.keys).union(declared.values.joined())
        var undeclared: [String] = []
        for (target, modules) in imports.sorted(by: { $0.key < $1.key }) {
            guard let dependencies = declared[target] else { continue }
            for module in modules.sorted() where known.contains(module) && module != target && !dependencies.contains(module) {
                undeclared.append("\(target) imports \(module)")
            }
        }
        #expect(undeclared.isEmpty, "undeclared imports: \(undeclared)")
    }

    @Test("the arrows point one way: libraries never import the application layer or a front end; the store knows no metrics, credentials or app")
    func arrowsPointOneWay() throws {
        let imports = try Self.imports()
        let frontEndsAndApp: Set = ["BekalApp", "BekalWeb", "bekal"]
        let libraries = ["BekalJSON", "BekalDomain", "BekalLog", "BekalLinkedData", "BekalStore", "BekalMetrics",
                         "BekalCredentials", "BekalPublisher", "BekalRender"]
        for library in libraries {
            #expect(imports[library, default: []].isDisjoint(with: frontEndsAndApp), "\(library) imports \(imports[library, default: []].intersection(frontEndsAndApp))")
        }
        let store = imports["BekalStore", default: []]
        #expect(store.isDisjoint(with: ["BekalMetrics", "BekalCredentials", "BekalPublisher", "BekalRender"]), "\(store)")
        #expect(imports["BekalDomain", default: []].subtracting(["BekalJSON", "Foundation"]).isEmpty, "\(imports["BekalDomain", default: []])")
        for frontEnd in ["bekal", "BekalWeb"] {
            let modules = imports[frontEnd, default: []]
            #expect(modules.isDisjoint(with: ["GRDB", "BekalStore"]), "\(frontEnd) reaches the store: \(modules)")
        }
    }

    @Test("the command-line tool holds no SQL, and no run() is longer than 30 lines")
    func thinCommandLineTool() throws {
        let sql = try Regex(#"\b(SELECT\s+\S+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|PRAGMA\s+\w+)\b"#)
        var runs = 0
        var long: [String] = []
        for file in try Self.swiftFiles(in: Self.sources.appendingPathComponent("bekal")) {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.firstMatch(of: sql) == nil, "SQL in \(file.lastPathComponent)")
            let lines = text.components(separatedBy: "\n")
            for (number, line) in lines.enumerated() where line.contains("func run()") {
                runs += 1
                // The body runs to the line whose braces close the function's first one.
                var depth = 0
                var end = number
                for (offset, body) in lines[number...].enumerated() {
                    depth += body.filter { $0 == "{" }.count - body.filter { $0 == "}" }.count
                    if depth == 0 && (offset > 0 || body.contains("}")) { end = number + offset; break }
                }
                if end - number - 1 > 30 { long.append("\(file.lastPathComponent):\(number + 1) (\(end - number - 1) lines)") }
            }
        }
        #expect(runs > 40, "the commands were not found (\(runs) run() bodies)")
        #expect(long.isEmpty, "run() bodies over 30 lines: \(long)")
    }
}
