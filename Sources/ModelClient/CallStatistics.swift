import Foundation
import Rewards

/// Counters and latencies of one endpoint's calls, shared by the threads that make them.
final class CallStatistics: @unchecked Sendable {
    // @unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var usage: RewardUsage
    /// Latencies of successful attempts in milliseconds; past `maxSamples`, every other one is
    /// dropped (a thinned sample keeps the percentiles close at a bounded size).
    private var latencies: [Double] = []
    private var keepEvery = 1, seen = 0
    private let maxSamples = 200_000

    init(name: String) { usage = RewardUsage(name: name) }

    func record(calls: Int = 0, cacheHits: Int = 0, retries: Int = 0, failures: Int = 0) {
        lock.lock()
        usage.calls += calls
        usage.cacheHits += cacheHits
        usage.retries += retries
        usage.failures += failures
        lock.unlock()
    }

    func recordLatency(milliseconds: Double) {
        lock.lock()
        seen += 1
        if seen % keepEvery == 0 {
            latencies.append(milliseconds)
            if latencies.count >= maxSamples {
                latencies = stride(from: 0, to: latencies.count, by: 2).map { latencies[$0] }
                keepEvery *= 2
            }
        }
        lock.unlock()
    }

    func breakerOpened(_ message: String) {
        lock.lock()
        usage.breakerMessage = message
        lock.unlock()
    }

    /// A copy of the counters with the percentiles filled in.
    func snapshot() -> RewardUsage {
        lock.lock()
        var copy = usage
        let sorted = latencies.sorted()
        lock.unlock()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))]
        }
        copy.latencyP50 = percentile(0.5)
        copy.latencyP90 = percentile(0.9)
        copy.latencyP99 = percentile(0.99)
        return copy
    }
}
