/// RDFC-1.0 identifier issuer: hands out `prefix0`, `prefix1`, … in order and remembers which existing
/// blank node got which. A value type, so "copy the issuer" in the algorithm is plain assignment.
///
/// `Existing` is how the caller names blank nodes: labels for the node map, numbers for RDFC-1.0.
struct IdentifierIssuer<Existing: Hashable & Sendable>: Sendable {
    let prefix: String
    private(set) var counter = 0
    private(set) var issued: [Existing: String] = [:]
    /// Existing blank nodes in the order they were issued.
    private(set) var order: [Existing] = []

    init(prefix: String) {
        self.prefix = prefix
    }

    func identifier(for existing: Existing) -> String? { issued[existing] }

    /// Issues (or returns the already issued) identifier for `existing`.
    @discardableResult
    mutating func issue(_ existing: Existing) -> String {
        if let known = issued[existing] { return known }
        let identifier = prefix + String(counter)
        counter += 1
        issued[existing] = identifier
        order.append(existing)
        return identifier
    }
}
