import BekalDomain
import BekalPublisher
import Foundation

/// The in-memory `HTTPTransport`: answers from a script and keeps every request it was given.
actor ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(PublisherError)
    }

    private var script: [Step]
    private(set) var requests: [HTTPRequest] = []

    init(_ script: [Step]) {
        self.script = script
    }

    func send(_ request: HTTPRequest) async throws(PublisherError) -> HTTPResponse {
        requests.append(request)
        let step = script.isEmpty ? .respond(HTTPResponse(status: 201)) : script.removeFirst()
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        }
    }
}
