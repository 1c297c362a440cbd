#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Fresh random (version 4, RFC 9562) UUIDs for a batch, read from the kernel's generator 1,024 at a time.
/// Foundation's `UUID()` on Linux opens `/dev/urandom` for every id, which showed in import profiles.
struct RandomUUIDs {
    private var pool = [UInt8](repeating: 0, count: 16 * 1024)
    private var offset: Int

    init() { offset = pool.count }

    mutating func next() -> UUID {
        if offset == pool.count {
            RandomUUIDs.fill(&pool)
            offset = 0
        }
        var id: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &id) { raw in
            pool.withUnsafeBytes { raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + 16])) }
            raw[6] = (raw[6] & 0x0F) | 0x40  // version 4
            raw[8] = (raw[8] & 0x3F) | 0x80  // variant 10
        }
        offset += 16
        return UUID(uuid: id)
    }

    private static func fill(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            #if canImport(Darwin)
            arc4random_buf(base, raw.count)
            return
            #else
            let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
            if device >= 0 {
                defer { close(device) }
                var filled = 0
                while filled < raw.count {
                    let count = read(device, base + filled, raw.count - filled)
                    if count > 0 {
                        filled += count
                    } else if count == 0 || errno != EINTR {
                        break
                    }
                }
                if filled == raw.count { return }
            }
            #endif
            // The kernel refused: the standard library's generator, eight bytes at a time.
            var generator = SystemRandomNumberGenerator()
            for start in stride(from: 0, to: raw.count, by: 8) {
                raw.storeBytes(of: generator.next() as UInt64, toByteOffset: start, as: UInt64.self)
            }
        }
    }
}
