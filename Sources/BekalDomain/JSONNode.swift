import BekalJSON
import Foundation

/// A parsed JSON value, kept only long enough to check a document member by member: `Codable` synthesis
/// silently ignores unknown keys, and a framework file with a misspelt member must be refused instead.
/// Read by BekalJSON's parser, the one JSON reader of the project (strict RFC 8259 / I-JSON).
typealias JSONNode = JSONValue

extension JSONValue {
    /// The JSON type's name, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Parses UTF-8 JSON text into a node; anything else is a `malformedDocument` error.
    static func parse(_ data: Data) throws(DomainError) -> JSONNode {
        do {
            return try JSONParser.parse(data)
        } catch where error.code == .duplicateKey {
            throw DomainError(.duplicateKey, path: Self.domainPath(error.path),
                              message: "This member appears more than once in its object.")
        } catch {
            throw DomainError(.malformedDocument, path: "", message: "The file is not well-formed JSON text.")
        }
    }

    /// `$.units[0].id` as the domain's errors write paths (`units[0].id`).
    private static func domainPath(_ path: String?) -> String {
        guard var path, path.hasPrefix("$") else { return "" }
        path.removeFirst()
        if path.hasPrefix(".") { path.removeFirst() }
        return path
    }
}

/// Reads the members of one JSON object, refusing unknown ones, with paths for every error.
struct JSONObjectReader {
    let members: JSONObject
    let path: String

    init(_ node: JSONNode, path: String, allowed: Set<String>) throws(DomainError) {
        guard case .object(let members) = node else {
            throw DomainError(.wrongType, path: path, message: "Expected a JSON object.")
        }
        // Sorted so the same file always reports the same first error.
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw DomainError(.unknownKey, path: Self.join(path, unknown), message: "This member is not part of the format.")
        }
        self.members = members
        self.path = path
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func childPath(_ key: String) -> String { Self.join(path, key) }

    func required(_ key: String) throws(DomainError) -> JSONNode {
        guard let node = members[key] else {
            throw DomainError(.missingField, path: childPath(key), message: "This member is required.")
        }
        return node
    }

    func string(_ key: String) throws(DomainError) -> String {
        try Self.string(try required(key), path: childPath(key))
    }

    func optionalString(_ key: String) throws(DomainError) -> String? {
        guard let node = members[key] else { return nil }
        return try Self.string(node, path: childPath(key))
    }

    func optionalBool(_ key: String) throws(DomainError) -> Bool? {
        guard let node = members[key] else { return nil }
        guard case .bool(let value) = node else {
            throw DomainError(.wrongType, path: childPath(key), message: "Expected true or false.")
        }
        return value
    }

    func optionalNumber(_ key: String) throws(DomainError) -> Double? {
        guard let node = members[key] else { return nil }
        guard case .number(let value) = node else {
            throw DomainError(.wrongType, path: childPath(key), message: "Expected a number.")
        }
        return value
    }

    func array(_ key: String, required isRequired: Bool) throws(DomainError) -> [JSONNode]? {
        guard let node = members[key] else {
            if isRequired { throw DomainError(.missingField, path: childPath(key), message: "This member is required.") }
            return nil
        }
        guard case .array(let items) = node else {
            throw DomainError(.wrongType, path: childPath(key), message: "Expected an array.")
        }
        return items
    }

    static func string(_ node: JSONNode, path: String) throws(DomainError) -> String {
        guard case .string(let value) = node else {
            throw DomainError(.wrongType, path: path, message: "Expected a string.")
        }
        return value
    }
}
