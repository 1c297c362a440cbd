import Crypto
import Foundation

/// How the relay proves who it is to an endpoint.
///
/// - `bearer`: `Authorization: Bearer <token>`.
/// - `hmac`: Standard Webhooks signing. Headers `webhook-id` (the report id), `webhook-timestamp` (Unix seconds of
///   the attempt) and `webhook-signature: v1,<base64 HMAC-SHA256>` over `<webhook-id>.<webhook-timestamp>.<body>`.
///   A secret written `whsec_<base64>` is the base64-decoded key; any other secret is used as its UTF-8 bytes.
public enum Authentication: Sendable, CustomStringConvertible {
    /// No authentication header.
    case none
    /// `Authorization: Bearer <token>`, the secret being the token.
    case bearer(Secret)
    /// Standard Webhooks HMAC-SHA256 signing with the secret as the key.
    case hmac(Secret)

    /// The scheme's name without the secret (`none`, `bearer` or `hmac-sha256`), safe to log.
    public var description: String {
        switch self {
        case .none: "none"
        case .bearer: "bearer"
        case .hmac: "hmac-sha256"
        }
    }

    /// The header fields for one attempt of delivering `body` as message `id` at `now`.
    public func headers(id: UUID, body: Data, now: Date) -> [HTTPHeader] {
        switch self {
        case .none:
            return []
        case .bearer(let secret):
            return [HTTPHeader("Authorization", "Bearer \(secret.text)")]
        case .hmac(let secret):
            let messageID = id.uuidString.lowercased()
            let timestamp = String(Int(now.timeIntervalSince1970.rounded(.down)))
            let signature = Authentication.signature(key: Authentication.key(secret), id: messageID, timestamp: timestamp, body: body)
            return [
                HTTPHeader("webhook-id", messageID), HTTPHeader("webhook-timestamp", timestamp),
                HTTPHeader("webhook-signature", "v1,\(signature)"),
            ]
        }
    }

    /// The base64 HMAC-SHA256 of `id.timestamp.body`.
    public static func signature(key: SymmetricKey, id: String, timestamp: String, body: Data) -> String {
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        return Data(HMAC<SHA256>.authenticationCode(for: message, using: key)).base64EncodedString()
    }

    static func key(_ secret: Secret) -> SymmetricKey {
        let text = secret.text
        if text.hasPrefix("whsec_"), let decoded = Data(base64Encoded: String(text.dropFirst(6))) {
            return SymmetricKey(data: decoded)
        }
        return SymmetricKey(data: secret.bytes)
    }
}
