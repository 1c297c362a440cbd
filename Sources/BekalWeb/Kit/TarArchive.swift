import Foundation

/// A POSIX ustar archive of regular files, built in memory: the one file a browser downloads for several exports
/// (every tool on the PK's and the office's machines reads tar; nothing here needs compression, JSON and HTML of a
/// few people). Names are ASCII and at most 100 bytes (exports are named by internal ids).
struct TarArchive {
    private(set) var bytes: [UInt8] = []

    /// Appends a file (mode 0644) modified at `date`.
    mutating func add(_ name: String, _ content: some Collection<UInt8>, modified date: Date) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            put(String(String(value, radix: 8).suffix(width - 1)).leftPadded(to: width - 1), at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(0o644, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        octal(content.count, at: 124, width: 12)
        octal(max(0, Int(date.timeIntervalSince1970)), at: 136, width: 12)
        put("        ", at: 148, width: 8)  // the checksum counts its own field as spaces
        header[156] = UInt8(ascii: "0")
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(String(String(checksum, radix: 8)).leftPadded(to: 6), at: 148, width: 6)
        header[154] = 0
        header[155] = UInt8(ascii: " ")
        bytes += header
        bytes += content
        bytes += [UInt8](repeating: 0, count: (512 - content.count % 512) % 512)
    }

    /// The archive with its end marker (two empty blocks).
    var finished: [UInt8] { bytes + [UInt8](repeating: 0, count: 1024) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
