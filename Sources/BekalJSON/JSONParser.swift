/// Strict RFC 8259 parser for documents Bekal signs and verifies.
///
/// Beyond RFC 8259 it enforces I-JSON (RFC 7493) as signed documents need it: member names are unique, strings
/// are well-formed Unicode (RFC 3629 UTF-8, no lone surrogate escapes), numbers are finite doubles, and no
/// integer beyond ±2^53 is accepted — neither as a literal nor as a number like `1e20` whose canonical form would
/// be such a literal (so every canonical form parses again). Size, depth and string length are bounded by
/// `JSONLimits`. The parser is iterative, so nesting depth never turns into stack depth.
///
/// Object member names are Swift `String`s, so two names that are canonically equivalent Unicode (`"\u00c5"` and
/// `"A\u030a"`) are refused as duplicates: a signed document must not read two ways. String values keep their
/// exact code points.
public enum JSONParser {
    /// Parses one JSON document.
    /// - Parameters:
    ///   - bytes: the document as UTF-8 bytes, without a byte order mark.
    ///   - limits: caps on size, depth and string length; the size cap is checked before anything else.
    /// - Throws: `JSONError` with a specific code, a byte offset and, where known, the JSON path.
    public static func parse(_ bytes: some Collection<UInt8>, limits: JSONLimits = .default) throws(JSONError) -> JSONValue {
        let count = bytes.count
        guard count <= limits.maxBytes else {
            throw JSONError(.tooLarge, "the document is \(count) bytes, over the limit of \(limits.maxBytes)")
        }
        let contiguous: Result<JSONValue, JSONError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONError) -> JSONValue in try parse(buffer: buffer, limits: limits) }
        }
        if let contiguous { return try contiguous.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONError) -> JSONValue in try parse(buffer: buffer, limits: limits) }
        }.get()
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits) throws(JSONError) -> JSONValue {
        var reader = JSONReader(bytes: buffer, limits: limits)
        return try reader.readDocument()
    }
}

/// One open array or object while the reader descends. Its elements wait on the reader's pending stacks.
struct JSONFrame {
    var isObject: Bool
    /// Where this container's values start on the pending value stack.
    var valueStart: Int
    /// Where this object's names start on the pending name stack.
    var keyStart: Int
    /// Byte offset of the name of the member being read.
    var keyOffset = 0
    /// A name has been read (it is the top of the name stack) and its value not yet attached.
    var hasKey = false
    /// The names attached so far, once the object has `linearNameLimit` members; smaller objects are checked
    /// for duplicates by comparing names in order, which beats hashing them.
    var names: Set<String>?

    static let linearNameLimit = 8
}

/// The parsing state over one contiguous input. Strings, numbers and escapes live in extensions.
struct JSONReader: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var index = 0
    var stack: [JSONFrame] = []
    /// Values of every open container, moved into exact-size arrays as containers close.
    var pendingValues = PendingStack<JSONValue>(capacity: 64)
    /// Member names of every open object; the top is the name whose value is being read.
    var pendingKeys = PendingStack<String>(capacity: 64)
    /// Reused buffer for strings that contain escapes, so each string costs one allocation at most.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func readDocument() throws(JSONError) -> JSONValue {
        var value: JSONValue
        descend: while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw failure(.unexpectedEnd, "the document ends where a value was expected")
            }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    stack.removeLast()
                    value = .object(JSONObject())
                } else {
                    try readMemberName()
                    continue descend
                }
            case UInt8(ascii: "["):
                try open(isObject: false)
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    stack.removeLast()
                    value = .array([])
                } else {
                    continue descend
                }
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            case UInt8(ascii: "t"):
                try readLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try readLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try readLiteral("null")
                value = .null
            default:
                throw failure(.unexpectedCharacter, "a value cannot start with byte 0x\(hex(bytes[index]))")
            }
            // Attach the value to its container, closing every container that ends here.
            while let top = stack.indices.last {
                skipWhitespace()
                guard index < bytes.count else {
                    throw failure(.unexpectedEnd, stack[top].isObject ? "the object is not closed" : "the array is not closed")
                }
                let byte = bytes[index]
                if stack[top].isObject {
                    // Duplicates are found on insertion; the error points at the name.
                    try attachMember(value, frame: top)
                    if byte == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        try readMemberName()
                        continue descend
                    }
                    guard byte == UInt8(ascii: "}") else {
                        throw failure(.unexpectedCharacter, "expected ',' or '}' after a member value, found byte 0x\(hex(byte))")
                    }
                    index += 1
                    let frame = stack.removeLast()
                    value = .object(JSONObject(
                        uniqueKeys: pendingKeys.popArray(from: frame.keyStart),
                        values: pendingValues.popArray(from: frame.valueStart)))
                } else {
                    pendingValues.push(value)
                    if byte == UInt8(ascii: ",") {
                        index += 1
                        continue descend
                    }
                    guard byte == UInt8(ascii: "]") else {
                        throw failure(.unexpectedCharacter, "expected ',' or ']' after an array element, found byte 0x\(hex(byte))")
                    }
                    index += 1
                    value = .array(pendingValues.popArray(from: stack.removeLast().valueStart))
                }
            }
            break descend
        }
        skipWhitespace()
        guard index == bytes.count else {
            throw failure(.trailingData, "only whitespace may follow the top-level value")
        }
        return value
    }

    /// Opens a container, refusing it before descending when it would exceed the depth limit.
    private mutating func open(isObject: Bool) throws(JSONError) {
        guard stack.count < limits.maxDepth else {
            throw failure(.tooDeep, "nesting exceeds the limit of \(limits.maxDepth) levels")
        }
        index += 1
        stack.append(JSONFrame(isObject: isObject, valueStart: pendingValues.count, keyStart: pendingKeys.count))
    }

    /// Attaches `value` to the object at `frame` under the pending name (the top of the name stack), refusing a
    /// name the object already has (under canonical equivalence, as `String` compares).
    private mutating func attachMember(_ value: consuming JSONValue, frame: Int) throws(JSONError) {
        let nameAt = pendingKeys.count - 1
        let key = pendingKeys[nameAt]
        let keyStart = stack[frame].keyStart
        let isDuplicate: Bool
        if nameAt - keyStart < JSONFrame.linearNameLimit {
            isDuplicate = pendingKeys.contains(from: keyStart, to: nameAt) { $0 == key }
        } else {
            if stack[frame].names == nil {
                stack[frame].names = Set(pendingKeys.elements(from: keyStart, to: nameAt))
            }
            isDuplicate = !stack[frame].names!.insert(key).inserted
        }
        if isDuplicate {
            throw JSONError(
                .duplicateKey, "duplicate member \(Self.describe(name: key)) at \(path())",
                offset: stack[frame].keyOffset, path: path())
        }
        stack[frame].hasKey = false
        pendingValues.push(value)
    }

    /// Reads `"name" :` for the innermost object, refusing a name the object already has.
    private mutating func readMemberName() throws(JSONError) {
        let top = stack.count - 1
        guard index < bytes.count else { throw failure(.unexpectedEnd, "the object is not closed") }
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw failure(.unexpectedCharacter, "expected a member name in quotes, found byte 0x\(hex(bytes[index]))")
        }
        let nameOffset = index
        let key = try readString()
        skipWhitespace()
        guard index < bytes.count else { throw failure(.unexpectedEnd, "the object is not closed") }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw failure(.unexpectedCharacter, "expected ':' after a member name, found byte 0x\(hex(bytes[index]))")
        }
        index += 1
        pendingKeys.push(key)
        stack[top].keyOffset = nameOffset
        stack[top].hasKey = true
    }

    private mutating func readLiteral(_ literal: StaticString) throws(JSONError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for offset in 0..<expected.count {
            guard index + offset < bytes.count else {
                throw failure(.unexpectedEnd, "the document ends inside a literal", at: index + offset)
            }
            guard bytes[index + offset] == expected[offset] else {
                throw failure(.unexpectedCharacter, "not a valid literal (true, false or null)", at: index + offset)
            }
        }
        index += expected.count
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    // MARK: Errors

    func failure(_ code: JSONError.Code, _ message: String, at offset: Int? = nil) -> JSONError {
        JSONError(code, "\(message) at \(path())", offset: offset ?? index, path: path())
    }

    /// The JSON path of the value being read, e.g. `$.credentialSubject.result[2]`.
    func path() -> String {
        var path = "$"
        for (depth, frame) in stack.enumerated() {
            let next = depth + 1 < stack.count ? stack[depth + 1] : nil
            if frame.isObject {
                // An open object's pending name is the last name pushed before any inner container opened.
                if frame.hasKey { path += Self.pathSegment(pendingKeys[(next?.keyStart ?? pendingKeys.count) - 1]) }
            } else {
                path += "[\((next?.valueStart ?? pendingValues.count) - frame.valueStart)]"
            }
        }
        return path
    }

    /// Member names are shown only when short printable ASCII: longer or non-ASCII names may carry personal data.
    static func describe(name: String) -> String {
        isDisclosable(name) ? "\"\(name)\"" : "(name not shown)"
    }

    static func pathSegment(_ name: String) -> String {
        guard isDisclosable(name) else { return "[?]" }
        let plain = name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "-"):
                true
            default: false
            }
        }
        return plain && !name.isEmpty ? ".\(name)" : "[\"\(name)\"]"
    }

    private static func isDisclosable(_ name: String) -> Bool {
        name.utf8.count <= 64 && name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}

/// One byte in hex, as error messages name bytes.
func hex(_ byte: UInt8) -> String { Hex.encode(CollectionOfOne(byte)) }
