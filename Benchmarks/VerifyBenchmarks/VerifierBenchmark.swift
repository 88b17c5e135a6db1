import Verify

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times `MathVerifier` over answer pairs, single-threaded, for comparison with a peer verifier.
///
/// Wall time is what callers feel; CPU time is reported too because on a shared machine other
/// processes stretch wall time, and the ratio against a peer is fairest on CPU time.
public struct VerifierBenchmark: Sendable {
    /// Timing of a whole run, and every pair's outcome.
    public struct Report: Sendable {
        /// Each pair's result, in input order.
        public var results: [MathVerification]
        /// Wall time of the median timed pass over all pairs, in seconds.
        public var seconds: Double
        /// CPU time of this thread over the median timed pass, in seconds.
        public var cpuSeconds: Double
        /// Wall time of each timed pass, in seconds (the median is `seconds`).
        public var passSeconds: [Double]
        /// Each pair's CPU time in microseconds, from a separate pass.
        public var cpuMicros: [Int]
        /// Pairs per CPU second over the timed pass.
        public var pairsPerCPUSecond: Double { cpuSeconds > 0 ? Double(results.count) / cpuSeconds : 0 }
        /// The 99th percentile CPU time of one pair, in microseconds.
        public var cpuP99Micros: Int { Self.percentile(cpuMicros, 0.99) }
        /// The most CPU time one pair took, in microseconds.
        public var cpuWorstMicros: Int { cpuMicros.max() ?? 0 }
        /// Pairs per second over the timed pass.
        public var pairsPerSecond: Double { seconds > 0 ? Double(results.count) / seconds : 0 }
        /// The 99th percentile time of one pair, in microseconds.
        public var p99Micros: Int { percentile(0.99) }
        /// The median time of one pair, in microseconds.
        public var p50Micros: Int { percentile(0.5) }
        /// The slowest pair, in microseconds.
        public var worstMicros: Int { results.map(\.micros).max() ?? 0 }

        private func percentile(_ q: Double) -> Int { Self.percentile(results.map(\.micros), q) }

        private static func percentile(_ values: [Int], _ q: Double) -> Int {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
        }
    }

    /// The verifier being timed.
    public var verifier: MathVerifier

    /// Makes a benchmark of `verifier`.
    public init(verifier: MathVerifier = MathVerifier()) {
        self.verifier = verifier
    }

    /// Runs an untimed warm-up, then `repeats` timed passes of `compare` (the verdict alone, what
    /// a reward needs and what the peer returns) and reports the median pass; then one pass of
    /// `verify` for the per-pair rows (canonical forms, reasons) and one for per-pair CPU time.
    public func run(_ pairs: [(gold: String, predicted: String)], repeats: Int = 1) -> Report {
        for pair in pairs.prefix(200) { _ = verifier.compare(gold: pair.gold, predicted: pair.predicted) }
        var walls: [Double] = [], cpus: [Double] = []
        var matches = 0
        for _ in 0..<max(1, repeats) {
            let start = monotonicNanos(), cpuStart = Self.threadCPUNanos()
            for pair in pairs where verifier.compare(gold: pair.gold, predicted: pair.predicted).isMatch {
                matches += 1
            }
            walls.append(Double(monotonicNanos() &- start) / 1e9)
            cpus.append(Double(Self.threadCPUNanos() &- cpuStart) / 1e9)
        }
        var results: [MathVerification] = []
        results.reserveCapacity(pairs.count)
        for pair in pairs { results.append(verifier.verify(gold: pair.gold, predicted: pair.predicted)) }
        var cpuMicros: [Int] = []
        cpuMicros.reserveCapacity(pairs.count)
        for pair in pairs {
            let t = Self.threadCPUNanos()
            _ = verifier.compare(gold: pair.gold, predicted: pair.predicted)
            cpuMicros.append(Int((Self.threadCPUNanos() &- t) / 1000))
        }
        return Report(
            results: results, seconds: walls.sorted()[walls.count / 2], cpuSeconds: cpus.sorted()[cpus.count / 2],
            passSeconds: walls, cpuMicros: cpuMicros)
    }

    private static func threadCPUNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
