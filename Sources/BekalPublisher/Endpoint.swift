import Foundation

/// The format a report is sent in.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// `POST <url>` with the report's JSON (`schemas/metrics-report.schema.json`).
    case json
    /// `PUT <url>/metrics/job/bekal/facility/<code>` with the Prometheus text format 0.0.4, to a Pushgateway.
    case prometheus
}

/// Where and how reports are delivered.
public struct Endpoint: Sendable {
    /// For JSON, the URL posted to; for Prometheus, the Pushgateway's base URL.
    public let url: String
    /// Whether reports go as JSON or as Prometheus text to a Pushgateway.
    public let format: ReportFormat
    /// How the relay proves itself to the endpoint: none, a bearer token or an HMAC signature.
    public let authentication: Authentication

    /// Creates an endpoint; throws `invalidEndpoint` unless `url` is an absolute http or https URL.
    public init(url: String, format: ReportFormat = .json, authentication: Authentication = .none) throws(PublisherError) {
        guard CurlTransport.origin(of: url) != nil else {
            throw PublisherError(.invalidEndpoint, "the endpoint must be an absolute http or https URL")
        }
        self.url = url
        self.format = format
        self.authentication = authentication
    }

    /// The URL for one report of facility `facilityCode`.
    func target(facilityCode: String) -> String {
        switch format {
        case .json:
            return url
        case .prometheus:
            let base = url.hasSuffix("/") ? String(url.dropLast()) : url
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let code = facilityCode.addingPercentEncoding(withAllowedCharacters: allowed) ?? "unknown"
            return "\(base)/metrics/job/bekal/facility/\(code)"
        }
    }
}
