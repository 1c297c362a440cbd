import BekalJSON
import Foundation

/// Where JSON-LD contexts come from. Bekal's loaders never touch the network.
public protocol DocumentLoader: Sendable {
    /// The parsed document at `url`.
    /// - Throws: ``LinkedDataError/Code/unknownContext`` when the loader does not have it.
    func load(_ url: String) throws(LinkedDataError) -> JSONValue
}

/// The contexts Bekal's documents use, bundled with the module and served by URL.
public struct BundledContexts: DocumentLoader {
    /// Context URL → bundled file name.
    public static let files: [String: String] = [
        "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
        "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
        "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.jsonld",
        "https://w3id.org/security/multikey/v1": "multikey-v1.jsonld",
        "https://www.w3.org/ns/did/v1": "did-v1.jsonld",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": "clr-v2p0-2.0.1.json",
        "https://bekal.id/contexts/log/v1": "bekal-log-v1.jsonld",
    ]

    /// Every bundled context, parsed once per process.
    private static let documents: [String: JSONValue] = {
        var loaded: [String: JSONValue] = [:]
        for (url, file) in files {
            guard let fileURL = Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Contexts"),
                let data = try? Data(contentsOf: fileURL),
                let value = try? JSONParser.parse(data)
            else { continue }
            loaded[url] = value
        }
        return loaded
    }()

    /// A loader of the bundled contexts; they are read and parsed once per process, on first use.
    public init() {}

    /// The URLs this loader serves.
    public var urls: [String] { Self.documents.keys.sorted() }

    /// The bundled context at `url`.
    /// - Throws: ``LinkedDataError/Code/unknownContext`` when `url` is not one of ``files``.
    public func load(_ url: String) throws(LinkedDataError) -> JSONValue {
        guard let document = Self.documents[url] else {
            throw LinkedDataError(.unknownContext, "context is not bundled: \(url)", specCode: "loading remote context failed")
        }
        return document
    }
}
