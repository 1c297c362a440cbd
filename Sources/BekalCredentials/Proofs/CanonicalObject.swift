import BekalJSON

/// The RFC 8785 form of a JSON object, kept member by member so that it can be reused.
///
/// JCS is compositional: an object's canonical form is `{`, its members' `"name":value` forms sorted by the UTF-16
/// code units of their names and joined by `,`, then `}`. So a signed credential's form is its unsigned form with a
/// `proof` member added, and a `ClrCredential`'s form can take its embedded credentials' forms as they are, instead
/// of canonicalizing every embedded credential a second time. Tests compare `bytes` with `JCS.canonicalize` of the
/// whole document.
struct CanonicalObject: Sendable {
    /// `"name":value` forms, sorted by name in UTF-16 order (names are unique, as in `JSONObject`).
    private var members: [(name: String, form: [UInt8])]
    /// How deeply the object sits in the document that gets signed (0: it is the document).
    let depth: Int

    /// Canonicalizes every member of `object`, except those in `precomputed`, whose canonical values are given.
    /// - Parameter depth: the object's nesting depth in the signed document, so that `JCS.maxDepth` is enforced as
    ///   `JCS.canonicalize` of the whole would enforce it.
    init(_ object: JSONObject, depth: Int = 0, precomputed: [String: [UInt8]] = [:]) throws(JSONError) {
        self.depth = depth
        members = []
        members.reserveCapacity(object.count + 1)
        for (name, value) in object.members {
            let form: [UInt8]
            if let given = precomputed[name] {
                form = given
            } else {
                form = try Self.canonicalValue(value, depth: depth + 1)
            }
            members.append((name, try Self.memberForm(name, form)))
        }
        members.sort { Self.precedes($0.name, $1.name) }
    }

    /// The canonical bytes of the object.
    var bytes: [UInt8] { bytes(without: nil) }

    /// The canonical bytes of the object without member `excluded` (e.g. a document without its `proof`).
    func bytes(without excluded: String?) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(members.reduce(2) { $0 + $1.form.count + 1 })
        output.append(UInt8(ascii: "{"))
        var first = true
        for member in members where member.name != excluded {
            if !first { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: member.form)
            first = false
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// Adds member `name` (or replaces it) with an already canonical value.
    mutating func set(_ name: String, canonicalValue: [UInt8]) throws(JSONError) {
        let form = try Self.memberForm(name, canonicalValue)
        if let index = members.firstIndex(where: { $0.name == name }) {
            members[index].form = form
        } else {
            let index = members.firstIndex { Self.precedes(name, $0.name) } ?? members.count
            members.insert((name, form), at: index)
        }
    }

    /// Adds member `name` (or replaces it) with `value`, canonicalized at this object's depth.
    mutating func set(_ name: String, value: JSONValue) throws(JSONError) {
        try set(name, canonicalValue: Self.canonicalValue(value, depth: depth + 1))
    }

    /// Where an embedded credential sits in a `ClrCredential` (`credentialSubject.verifiableCredential[i]`), so its
    /// form, made at this depth, serves its own proof and the outer one under the same depth limit.
    static let embeddedCredentialDepth = 3

    /// A `ClrCredential`'s form assembled from its embedded credentials' forms (in `verifiableCredential` order)
    /// instead of canonicalizing them again.
    static func clrCredential(_ document: JSONObject, subject: JSONObject, embedded forms: [[UInt8]])
        throws(JSONError) -> CanonicalObject
    {
        let subjectForm = try CanonicalObject(subject, depth: 1, precomputed: ["verifiableCredential": array(forms)])
        return try CanonicalObject(document, depth: 0, precomputed: ["credentialSubject": subjectForm.bytes])
    }

    /// The canonical form of a JSON array whose elements are already canonical.
    static func array(_ elements: [[UInt8]]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(elements.reduce(2) { $0 + $1.count + 1 })
        output.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: element)
        }
        output.append(UInt8(ascii: "]"))
        return output
    }

    /// `value` canonicalized as if it sat `depth` levels deep: it is wrapped in that many one-element arrays, so
    /// `JCS` refuses exactly the nesting it would refuse in the whole document, and the wrapping is cut off again.
    static func canonicalValue(_ value: JSONValue, depth: Int) throws(JSONError) -> [UInt8] {
        // Only arrays and objects can be too deep.
        switch value {
        case .array, .object: break
        default: return try JCS.canonicalize(value)
        }
        guard depth > 0 else { return try JCS.canonicalize(value) }
        var wrapped = value
        for _ in 0..<depth { wrapped = .array([wrapped]) }
        let output = try JCS.canonicalize(wrapped)
        return Array(output[depth..<(output.count - depth)])
    }

    private static func memberForm(_ name: String, _ canonicalValue: [UInt8]) throws(JSONError) -> [UInt8] {
        var form = try JCS.canonicalize(.string(name))
        form.reserveCapacity(form.count + 1 + canonicalValue.count)
        form.append(UInt8(ascii: ":"))
        form.append(contentsOf: canonicalValue)
        return form
    }

    /// RFC 8785 §3.2.3: names compare by their UTF-16 code units.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }
}
