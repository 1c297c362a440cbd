import BekalJSON
import Foundation

/// What a release-ready portfolio must hold. Configuration, not code: a facility can load its own from JSON;
/// members left out keep their defaults.
public struct ReadinessPolicy: Sendable, Hashable, Codable {
    /// Every core unit of the framework assessed Kompeten (latest assessment).
    public var requireAllCoreUnitsKompeten: Bool
    /// Training hours attended, at least.
    public var minimumTrainingHours: Double
    /// Every Kompeten unit backed by at least one evidence file.
    public var requireEvidenceForKompetenUnits: Bool
    /// At least one certificate issued and not expired on the expected release date.
    public var requireValidCertificate: Bool
    /// Good pieces produced (pieces minus rejects), at least; `nil` for no production requirement.
    public var minimumProductionPieces: Double?

    /// Creates a policy; every argument left out takes the default value.
    public init(
        requireAllCoreUnitsKompeten: Bool = true, minimumTrainingHours: Double = 40,
        requireEvidenceForKompetenUnits: Bool = true, requireValidCertificate: Bool = true,
        minimumProductionPieces: Double? = nil
    ) {
        self.requireAllCoreUnitsKompeten = requireAllCoreUnitsKompeten
        self.minimumTrainingHours = minimumTrainingHours
        self.requireEvidenceForKompetenUnits = requireEvidenceForKompetenUnits
        self.requireValidCertificate = requireValidCertificate
        self.minimumProductionPieces = minimumProductionPieces
    }

    /// The defaults: all core units Kompeten, 40 training hours, evidence for every Kompeten unit, a valid
    /// certificate, no production minimum.
    public static let `default` = ReadinessPolicy()

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case requireAllCoreUnitsKompeten, minimumTrainingHours, requireEvidenceForKompetenUnits
        case requireValidCertificate, minimumProductionPieces
    }

    /// Decodes a policy leniently, filling members left out with the defaults; use `decode(json:)` to refuse unknown members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ReadinessPolicy.default
        self.init(
            requireAllCoreUnitsKompeten: try c.decodeIfPresent(Bool.self, forKey: .requireAllCoreUnitsKompeten)
                ?? d.requireAllCoreUnitsKompeten,
            minimumTrainingHours: try c.decodeIfPresent(Double.self, forKey: .minimumTrainingHours) ?? d.minimumTrainingHours,
            requireEvidenceForKompetenUnits: try c.decodeIfPresent(Bool.self, forKey: .requireEvidenceForKompetenUnits)
                ?? d.requireEvidenceForKompetenUnits,
            requireValidCertificate: try c.decodeIfPresent(Bool.self, forKey: .requireValidCertificate)
                ?? d.requireValidCertificate,
            minimumProductionPieces: try c.decodeIfPresent(Double.self, forKey: .minimumProductionPieces))
    }

    /// Reads a policy from JSON strictly: unknown members, wrong types and negative minimums are refused with
    /// an `invalidPolicy` error naming the member.
    public static func decode(json data: Data) throws(DomainError) -> ReadinessPolicy {
        let node: JSONNode
        do { node = try JSONNode.parse(data) } catch {
            throw DomainError(.invalidPolicy, path: "", message: "The policy file is not well-formed JSON text.")
        }
        let object: JSONObjectReader
        do {
            object = try JSONObjectReader(node, path: "", allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        } catch {
            throw DomainError(.invalidPolicy, path: error.path, message: error.message)
        }
        var policy = ReadinessPolicy.default
        do {
            policy.requireAllCoreUnitsKompeten =
                try object.optionalBool("requireAllCoreUnitsKompeten") ?? policy.requireAllCoreUnitsKompeten
            policy.minimumTrainingHours = try object.optionalNumber("minimumTrainingHours") ?? policy.minimumTrainingHours
            policy.requireEvidenceForKompetenUnits =
                try object.optionalBool("requireEvidenceForKompetenUnits") ?? policy.requireEvidenceForKompetenUnits
            policy.requireValidCertificate = try object.optionalBool("requireValidCertificate") ?? policy.requireValidCertificate
            policy.minimumProductionPieces = try object.optionalNumber("minimumProductionPieces")
        } catch {
            throw DomainError(.invalidPolicy, path: error.path, message: error.message)
        }
        guard policy.minimumTrainingHours >= 0 else {
            throw DomainError(.invalidPolicy, path: "minimumTrainingHours", message: "A minimum is at least 0.")
        }
        if let pieces = policy.minimumProductionPieces, pieces < 0 {
            throw DomainError(.invalidPolicy, path: "minimumProductionPieces", message: "A minimum is at least 0.")
        }
        return policy
    }
}
