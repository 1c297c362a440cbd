import Foundation

/// Standard base64 (RFC 4648 §4, with padding), strict: the signed-note and checkpoint texts are compared and
/// signed byte for byte, so only the one canonical spelling of a value is accepted.
package enum Base64Text {
    /// The bytes of canonical base64, or `nil` (bad characters, missing padding, non-zero padding bits).
    package static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let text = String(text)
        // Foundation accepts some non-canonical spellings (non-zero bits in the last character); re-encoding and
        // comparing refuses them, so one value has exactly one accepted text.
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }

    /// Canonical base64 of `bytes`.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
