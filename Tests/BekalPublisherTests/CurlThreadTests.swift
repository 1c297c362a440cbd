import BekalDomain
@testable import BekalPublisher
import Foundation
import Testing

@Suite("libcurl's dedicated thread")
struct CurlThreadTests {
    /// The kernel's name of the calling thread (Foundation's `Thread.name` is not the OS name on Linux).
    static func threadName() -> String? {
        (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines)
    }

    @Test("jobs run in order on one named thread that is not the caller's")
    func dedicatedThread() async {
        let thread = CurlThread(name: "bekal.curl.test")
        defer { thread.stop() }
        let results: [(String?, Bool, Int)] = await withTaskGroup(of: (String?, Bool, Int).self) { _ in
            var collected: [(String?, Bool, Int)] = []
            for n in 0..<5 {
                let result: (String?, Bool, Int) = await withCheckedContinuation { continuation in
                    thread.submit { continuation.resume(returning: (Self.threadName(), Thread.isMainThread, n)) }
                }
                collected.append(result)
            }
            return collected
        }
        #expect(results.map(\.0) == Array(repeating: "bekal.curl.test", count: 5))
        #expect(results.allSatisfy { !$0.1 })
        #expect(results.map(\.2) == [0, 1, 2, 3, 4])
    }
}
