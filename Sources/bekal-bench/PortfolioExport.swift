import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// One portfolio export as `bekal export` makes it: the signed `ClrCredential`, serialized (compact, where
/// `bekal export` pretty-prints).
enum PortfolioExport {
    static let statusListURL = "https://bench.invalid/status/1"

    /// The number of embedded achievement credentials the export of `portfolio` holds.
    static func achievementCount(_ portfolio: Portfolio) -> Int {
        portfolio.latestAssessmentByUnit.values.filter { $0.outcome == .kompeten }.count
            + portfolio.certificates.count
            + (portfolio.training.isEmpty && portfolio.production.isEmpty ? 0 : 1)
    }

    /// - Parameter cryptosuite: `eddsa-jcs-2022` unless said otherwise, because the peers these exports are
    ///   measured against (Python `jcs` + `cryptography`, the crypto floor) verify that suite; the
    ///   `export.one.rdfc` figure measures `bekal export`'s default, `eddsa-rdfc-2022`.
    static func bytes(
        _ portfolio: Portfolio, key: IssuerKey, cryptosuite: ExportCryptosuite = .jcs,
        random: inout some RandomNumberGenerator
    ) throws -> [UInt8] {
        let options = ExportOptions(
            statusAllocation: StatusAllocation(listURL: statusListURL), cryptosuite: cryptosuite)
        let result = try PortfolioExporter.export(
            portfolio, key: key, options: options, now: BenchFixture.now, random: &random)
        // A jcs export already has its RFC 8785 form from signing (compact JSON, a valid file as it stands);
        // rdfc exports are serialized here.
        return result.canonicalBytes ?? JSONWriter.serialize(result.credential)
    }
}

/// A small deterministic generator for salts and ids, so exports are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
