import CZlib
import Foundation

/// GZIP (RFC 1952) through the system zlib. Inflation is bounded: output beyond `maxOutput` is refused, so a
/// gzip bomb in a status list costs at most that much memory.
enum Gzip {
    static func compress(_ input: [UInt8]) throws(CredentialError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw CredentialError(.compressionFailed, "zlib could not start compressing") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var source = input
        let status = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw CredentialError(.compressionFailed, "zlib could not compress") }
        return Array(output.prefix(Int(stream.total_out)))
    }

    static func decompress(_ input: [UInt8], maxOutput: Int) throws(CredentialError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CredentialError(.compressionFailed, "zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var source = input
        var status: Int32 = Z_OK
        try source.withUnsafeMutableBufferPointer { (src) throws(CredentialError) in
            stream.next_in = src.baseAddress
            stream.avail_in = uInt(src.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { dst -> Int in
                    stream.next_out = dst.baseAddress
                    stream.avail_out = uInt(dst.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return dst.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw CredentialError(.statusListMalformed, "the encoded list is not valid GZIP data")
                }
                guard output.count + produced <= maxOutput else {
                    throw CredentialError(.statusListTooLarge, "the status list inflates beyond \(maxOutput) bytes")
                }
                output.append(contentsOf: chunk.prefix(produced))
                if produced == 0 && stream.avail_in == 0 && status != Z_STREAM_END {
                    throw CredentialError(.statusListMalformed, "the GZIP data is truncated")
                }
            } while status != Z_STREAM_END
        }
        guard stream.avail_in == 0 else {
            throw CredentialError(.statusListMalformed, "data follows the end of the GZIP stream")
        }
        return output
    }
}
