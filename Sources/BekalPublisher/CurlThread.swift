import CCurlShim
import Foundation

/// A dedicated OS thread that runs blocking libcurl calls, so `curl_easy_perform` never occupies a thread of
/// Swift's cooperative pool. Jobs run one at a time, in submission order; state touched only by jobs needs no
/// further locking.
final class CurlThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in
            bekal_set_current_thread_name(name)
            run()
        }
        thread.name = name
        thread.start()
    }

    /// Queues `job`; returns at once.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs the queued jobs, then ends the thread.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
