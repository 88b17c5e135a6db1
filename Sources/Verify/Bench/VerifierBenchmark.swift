/// Times `MathVerifier` over answer pairs, single-threaded, for comparison with a peer verifier.
public struct VerifierBenchmark: Sendable {
    /// Timing of a whole run, and every pair's outcome.
    public struct Report: Sendable {
        /// Each pair's result, in input order.
        public var results: [MathVerification]
        /// Wall time of the timed pass over all pairs, in seconds.
        public var seconds: Double
        /// Pairs per second over the timed pass.
        public var pairsPerSecond: Double { seconds > 0 ? Double(results.count) / seconds : 0 }
        /// The 99th percentile time of one pair, in microseconds.
        public var p99Micros: Int { percentile(0.99) }
        /// The median time of one pair, in microseconds.
        public var p50Micros: Int { percentile(0.5) }
        /// The slowest pair, in microseconds.
        public var worstMicros: Int { results.map(\.micros).max() ?? 0 }

        private func percentile(_ q: Double) -> Int {
            let sorted = results.map(\.micros).sorted()
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

    /// Runs one untimed warm-up pass, then the timed pass, over `pairs` (gold, predicted).
    public func run(_ pairs: [(gold: String, predicted: String)], repeats: Int = 1) -> Report {
        for pair in pairs.prefix(200) { _ = verifier.verify(gold: pair.gold, predicted: pair.predicted) }
        var results: [MathVerification] = []
        results.reserveCapacity(pairs.count)
        let start = monotonicNanos()
        for _ in 0..<max(1, repeats) {
            results.removeAll(keepingCapacity: true)
            for pair in pairs { results.append(verifier.verify(gold: pair.gold, predicted: pair.predicted)) }
        }
        let seconds = Double(monotonicNanos() &- start) / 1e9 / Double(max(1, repeats))
        return Report(results: results, seconds: seconds)
    }
}
