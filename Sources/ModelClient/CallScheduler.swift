import Foundation

/// One request on its way: the body, how many attempts it has had, and who waits for it.
final class PendingCall: @unchecked Sendable {
    // @unchecked: `attempt` is touched by one attempt at a time (an attempt ends before its retry is queued).
    let body: [UInt8]
    var attempt = 0
    private let completion: @Sendable (Result<[UInt8], ModelCallError>) -> Void

    init(body: [UInt8], completion: @escaping @Sendable (Result<[UInt8], ModelCallError>) -> Void) {
        self.body = body
        self.completion = completion
    }

    func complete(_ result: Result<[UInt8], ModelCallError>) { completion(result) }
}

/// Why a call failed for good, as the row's error says it.
struct ModelCallError: Error, Sendable, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Keeps at most `limit` attempts in flight: calls wait in a queue, retries (back from their
/// backoff) ahead of new calls so the oldest rows finish first.
final class CallScheduler: @unchecked Sendable {
    // @unchecked: the queues and the count are read and written under `lock`.
    private let lock = NSLock()
    private let limit: Int
    private var inFlight = 0
    private var fresh: [PendingCall] = [], freshHead = 0
    private var retried: [PendingCall] = [], retriedHead = 0
    private let start: @Sendable (PendingCall) -> Void

    /// `start` sends one attempt and must call `attemptEnded()` once it is over.
    init(limit: Int, start: @escaping @Sendable (PendingCall) -> Void) {
        self.limit = limit
        self.start = start
    }

    /// Queues a call (a retry goes ahead of the new ones) and starts what the limit allows.
    func submit(_ call: PendingCall, retry: Bool = false) {
        lock.lock()
        if retry { retried.append(call) } else { fresh.append(call) }
        lock.unlock()
        pump()
    }

    /// Queues many new calls at once.
    func submit(_ calls: [PendingCall]) {
        lock.lock()
        fresh.append(contentsOf: calls)
        lock.unlock()
        pump()
    }

    /// An attempt is over: its slot is free.
    func attemptEnded() {
        lock.lock()
        inFlight -= 1
        lock.unlock()
        pump()
    }

    private func pump() {
        var starting: [PendingCall] = []
        lock.lock()
        while inFlight < limit, let next = dequeue() {
            inFlight += 1
            starting.append(next)
        }
        lock.unlock()
        for call in starting { start(call) }
    }

    /// The next call (under `lock`).
    private func dequeue() -> PendingCall? {
        if retriedHead < retried.count {
            defer {
                retriedHead += 1;
                if retriedHead == retried.count { retried.removeAll(keepingCapacity: true); retriedHead = 0 }
            }
            return retried[retriedHead]
        }
        if freshHead < fresh.count {
            defer {
                freshHead += 1; if freshHead == fresh.count { fresh.removeAll(keepingCapacity: true); freshHead = 0 }
            }
            return fresh[freshHead]
        }
        return nil
    }
}
