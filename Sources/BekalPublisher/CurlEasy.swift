import CCurlShim
import Foundation

/// One libcurl easy handle. Not thread-safe: only `CurlTransport`'s thread uses it (hence `@unchecked`).
final class CurlEasy: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Performs `request` synchronously. `curl_easy_reset` keeps the handle's open connections, so reuse works.
    func perform(_ request: HTTPRequest, configuration: CurlTransport.Configuration) -> Result<HTTPResponse, PublisherError> {
        curl_easy_reset(handle)
        let sink = ResponseSink(limit: configuration.maxResponseBytes)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        // libcurl sends a header line as given: a CR or LF in it would start a header of its own.
        let control = { (text: String) in text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        guard !request.headers.contains(where: { control($0.name) || control($0.value) }) else {
            return .failure(PublisherError(.invalidHeader, "a request header contains a control character; not sent"))
        }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { bekal_curl_slist_free(headerList) }
        // `Expect:` with no value stops libcurl from waiting for a 100 Continue on larger bodies.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            guard let appended = bekal_curl_slist_append(headerList, line) else {
                return .failure(PublisherError(.transportFailure, "out of memory building headers"))
            }
            headerList = appended
        }
        var errorBuffer = [CChar](repeating: 0, count: bekal_curl_error_size)
        let code: CURLcode = withExtendedLifetime(sink) {
            errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
                request.body.withUnsafeBytes { body -> CURLcode in
                    var ok = true
                    func set(_ result: CURLcode) { if result != CURLE_OK { ok = false } }
                    set(bekal_curl_setopt_string(handle, bekal_opt_url, request.url))
                    set(bekal_curl_setopt_string(handle, bekal_opt_protocols_str, "http,https"))
                    set(bekal_curl_setopt_string(handle, bekal_opt_redir_protocols_str, "http,https"))
                    set(bekal_curl_setopt_long(handle, bekal_opt_followlocation, 0))
                    set(bekal_curl_setopt_long(handle, bekal_opt_nosignal, 1))
                    set(bekal_curl_setopt_long(handle, bekal_opt_connecttimeout_ms, configuration.connectTimeout.milliseconds))
                    set(bekal_curl_setopt_long(handle, bekal_opt_timeout_ms, configuration.totalTimeout.milliseconds))
                    set(bekal_curl_setopt_long(handle, bekal_opt_ssl_verifypeer, 1))
                    set(bekal_curl_setopt_long(handle, bekal_opt_ssl_verifyhost, 2))
                    if let caFile = configuration.caFile { set(bekal_curl_setopt_string(handle, bekal_opt_cainfo, caFile)) }
                    set(bekal_curl_setopt_string(handle, bekal_opt_useragent, "bekal-publisher/1"))
                    set(bekal_curl_setopt_pointer(handle, bekal_opt_errorbuffer, errorPointer.baseAddress))
                    set(bekal_curl_setopt_callback(handle, bekal_opt_writefunction, ResponseSink.onBody))
                    set(bekal_curl_setopt_pointer(handle, bekal_opt_writedata, context))
                    set(bekal_curl_setopt_callback(handle, bekal_opt_headerfunction, ResponseSink.onHeader))
                    set(bekal_curl_setopt_pointer(handle, bekal_opt_headerdata, context))
                    set(bekal_curl_setopt_slist(handle, bekal_opt_httpheader, headerList))
                    if request.method == .get {
                        set(bekal_curl_setopt_long(handle, bekal_opt_httpget, 1))
                    } else {
                        set(bekal_curl_setopt_long(handle, bekal_opt_post, 1))
                        // POSTFIELDS needs a non-null pointer even for an empty body.
                        let empty: StaticString = ""
                        let fields = body.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
                            ?? UnsafeMutableRawPointer(mutating: UnsafeRawPointer(empty.utf8Start))
                        set(bekal_curl_setopt_pointer(handle, bekal_opt_postfields, fields))
                        set(bekal_curl_setopt_off_t(handle, bekal_opt_postfieldsize_large, curl_off_t(body.count)))
                        set(bekal_curl_setopt_string(handle, bekal_opt_customrequest, request.method.rawValue))
                    }
                    guard ok else { return CURLE_BAD_FUNCTION_ARGUMENT }
                    return curl_easy_perform(handle)
                }
            }
        }
        if sink.overflowed { return .failure(PublisherError(.responseTooLarge, "the response body exceeded \(configuration.maxResponseBytes) bytes")) }
        guard code == CURLE_OK else { return .failure(CurlEasy.error(for: code)) }
        var status = 0
        _ = bekal_curl_getinfo_long(handle, bekal_info_response_code, &status)
        return .success(HTTPResponse(status: status, headers: sink.headers, body: sink.body))
    }

    /// Maps a libcurl result to a publisher error; the message is libcurl's fixed text for the code, which holds
    /// no request data.
    static func error(for code: CURLcode) -> PublisherError {
        let text = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return PublisherError(.connectFailed, text)
        case CURLE_OPERATION_TIMEDOUT:
            return PublisherError(.timedOut, text)
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE,
            CURLE_WEIRD_SERVER_REPLY:
            return PublisherError(.connectionLost, text)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM:
            return PublisherError(.tlsFailure, text)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return PublisherError(.invalidEndpoint, text)
        default:
            return PublisherError(.transportFailure, text)
        }
    }
}

/// Collects the response inside libcurl's callbacks, within a byte bound.
final class ResponseSink {
    let limit: Int
    var body = Data()
    var headers: [HTTPHeader] = []
    var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }

    static let onBody: bekal_curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard sink.body.count + length <= sink.limit else {
            sink.overflowed = true
            return 0  // makes libcurl stop with CURLE_WRITE_ERROR
        }
        sink.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
        return length
    }

    static let onHeader: bekal_curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            sink.headers = []  // a new response (after 100 Continue) starts its own headers
        } else if let colon = line.firstIndex(of: ":"), sink.headers.count < 100 {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            sink.headers.append(HTTPHeader(name, String(value.prefix(1024))))
        }
        return length
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 (libcurl reads 0 as "no timeout").
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
