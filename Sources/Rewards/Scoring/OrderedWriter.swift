import Dispatch
import Foundation

/// Writes output chunks to a `ByteSink` on a thread of its own, in the order they are handed over.
///
/// Writing a chunk's rows took as long as a sixth of scoring them, with the other cores idle; on
/// its own thread the write overlaps scoring the next chunk. At most `depth` chunks wait at once,
/// so memory stays bounded, and written buffers are handed out again so that steady state
/// allocates (and page-faults in) no new output memory.
final class OrderedWriter: @unchecked Sendable {
    // @unchecked: `sink` is touched only on `queue`; `failure` and `spare` only under `lock`.
    private let sink: ByteSink
    private let queue = DispatchQueue(label: "rewardkit.ordered-writer")
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failure: IOFailure?
    private var spare: [[UInt8]] = []
    private static let maxSpare = 64

    /// A writer to `sink` letting `depth` chunks wait.
    init(sink: ByteSink, depth: Int = 2) {
        self.sink = sink
        slots = DispatchSemaphore(value: depth)
    }

    /// An empty buffer for output, with the capacity of an already written one when there is one.
    func buffer(capacity: Int) -> [UInt8] {
        lock.lock()
        var b = spare.popLast() ?? []
        lock.unlock()
        b.removeAll(keepingCapacity: true)
        b.reserveCapacity(capacity)
        return b
    }

    /// Queues `buffers` behind everything queued before; waits while `depth` chunks are waiting.
    /// Throws the failure of an earlier write, if one failed.
    func write(_ buffers: [[UInt8]]) throws(IOFailure) {
        if let failure = firstFailure() { throw failure }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            if firstFailure() == nil {
                for b in buffers {
                    do throws(IOFailure) { try sink.write(b) } catch {
                        lock.lock(); failure = error; lock.unlock()
                        break
                    }
                }
            }
            lock.lock()
            spare.append(contentsOf: buffers.prefix(max(0, Self.maxSpare - spare.count)))
            lock.unlock()
        }
    }

    /// Waits until everything queued is written; throws the first write failure.
    func finish() throws(IOFailure) {
        waitForPending()
        if let failure = firstFailure() { throw failure }
    }

    /// Waits until everything queued is written (also when the run ends early).
    func waitForPending() { queue.sync {} }

    private func firstFailure() -> IOFailure? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
