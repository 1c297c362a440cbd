import BekalApp
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// Collects every log line (message and metadata) written through it.
final class CapturedLog: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var all: [String] { lines.withLockedValue { $0 } }

    var logger: Logger {
        var logger = Logger(label: "bekal.web.tests") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) { lines.withLockedValue { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append("\(event.message) \(all.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
        }
    }
}

@Suite("No personal data in logs")
struct LogPrivacyTests {
    @Test("access and error logs name route templates, never register numbers, names, ids, queries or passwords")
    func routeTemplatesOnly() async throws {
        let log = CapturedLog()
        let fixture = try await WebFixture(logger: log.logger)
        let id = fixture.sariID.uuidString.lowercased()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await Visitor(client).signIn((WebFixture.sari.0, "salah-\(WebFixture.budi.1)"))
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/wbp?q=" + Visitor.encode(WebFixture.sariPerson.0))
            try await sari.get("/wbp?q=" + Visitor.encode(WebFixture.sariPerson.1))
            try await sari.get("/wbp/\(id)")
            try await sari.post("/wbp/\(id)/pelatihan", AccessControlTests.training)
            try await sari.post("/wbp/\(id)/pelatihan", ["date": "kemarin", "hours": "x", "topic": "t", "trainer": "u"])
            try await sari.get("/wbp/\(fixture.budiID.uuidString.lowercased())/pelatihan")
            try await sari.get("/bukti/..%2F..%2Fbekal.sqlite")
        }
        let lines = log.all
        #expect(lines.contains { $0.contains("http.route=/wbp/{id}/pelatihan") })
        #expect(lines.contains { $0.contains("http.route=/wbp/{id}") && $0.contains("http.status=200") })
        #expect(lines.contains { $0.contains("http.status=403") })
        for secret in [WebFixture.sariPerson.0, WebFixture.sariPerson.1, id, fixture.budiID.uuidString.lowercased(),
                       WebFixture.sari.1, WebFixture.budi.1, "Contoh", "AII-0001", "q="] {
            #expect(!lines.contains { $0.contains(secret) }, "a log line holds \(secret)")
        }
    }
}
