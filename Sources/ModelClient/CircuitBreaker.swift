import Foundation

/// Stops calling a server that keeps failing: after `threshold` failed attempts in a row it opens
/// for `cooldown` seconds, and every call meanwhile fails at once with one message. After the
/// cooldown calls go through again; the first success closes it, a failure reopens it.
final class CircuitBreaker: @unchecked Sendable {
    // @unchecked: the state is read and written under `lock`.
    private let lock = NSLock()
    private let threshold: Int
    private let cooldown: Double
    private let url: String
    private var consecutiveFailures = 0
    private var openUntil: Double = 0
    private var lastCause = ""

    init(threshold: Int, cooldown: Double, url: String) {
        self.threshold = threshold
        self.cooldown = cooldown
        self.url = url
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Nil when a call may go out; else the message every refused call carries.
    func refusal() -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard openUntil > Self.now() else { return nil }
        return message
    }

    private var message: String {
        "circuit breaker open: \(consecutiveFailures) consecutive failed attempts calling \(url) (last: \(lastCause)); not calling it for \(Int(cooldown.rounded())) s"
    }

    func succeeded() {
        lock.lock()
        consecutiveFailures = 0
        openUntil = 0
        lock.unlock()
    }

    /// Records a failed attempt; returns the breaker's message when this failure opened it.
    func failed(_ cause: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        consecutiveFailures += 1
        lastCause = cause
        guard consecutiveFailures >= threshold, openUntil <= Self.now() else { return nil }
        openUntil = Self.now() + cooldown
        return message
    }
}
