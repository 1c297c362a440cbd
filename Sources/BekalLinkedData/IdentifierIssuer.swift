/// RDFC-1.0 identifier issuer: hands out `prefix0`, `prefix1`, … in order and remembers which existing
/// blank-node label got which. A value type, so "copy the issuer" in the algorithm is plain assignment.
struct IdentifierIssuer: Sendable {
    let prefix: String
    private(set) var counter = 0
    private(set) var issued: [String: String] = [:]
    /// Existing labels in the order they were issued.
    private(set) var order: [String] = []

    init(prefix: String) {
        self.prefix = prefix
    }

    func identifier(for existing: String) -> String? { issued[existing] }

    /// Issues (or returns the already issued) identifier for `existing`.
    @discardableResult
    mutating func issue(_ existing: String) -> String {
        if let known = issued[existing] { return known }
        let identifier = prefix + String(counter)
        counter += 1
        issued[existing] = identifier
        order.append(existing)
        return identifier
    }
}
