/// A reward that judges a whole batch of trajectories in one call: one that asks a served model
/// sends the requests of a batch together (bounded in flight) instead of one blocking call a row.
///
/// `Pipeline.score(_:)` over many trajectories, the streaming scorer (per piece of a chunk), the
/// batch scorer, the server and the trainer hand such a reward every row of their batch at once.
/// `score(_:)` on a single trajectory stays available and is a batch of one.
public protocol BatchReward: Reward {
    /// Scores `batch`; the results are in the batch's order, one per trajectory. A row that could
    /// not be judged (the call failed, the reply could not be read) is a failure naming the cause.
    func score(batch: [Trajectory]) -> [Result<RewardScore, RewardError>]
    /// What the reward's calls cost so far (calls, cache hits, retries, failures, latency).
    func usage() -> RewardUsage
}

/// What a model-calling reward did: for the score summary and the server's `/metrics`.
public struct RewardUsage: Sendable, Equatable {
    /// The component name.
    public var name: String
    /// Requests that needed the network (each counted once, however many attempts it took).
    public var calls = 0
    /// Requests answered from the reply cache (nothing sent).
    public var cacheHits = 0
    /// Attempts after the first (timeouts, 429, 5xx, dropped connections).
    public var retries = 0
    /// Requests that finally failed (their rows became error rows).
    public var failures = 0
    /// Latency of successful attempts in milliseconds: median, 90th and 99th percentile (0 without calls).
    public var latencyP50 = 0.0, latencyP90 = 0.0, latencyP99 = 0.0
    /// Why the circuit breaker opened, when it did (one message, not one per row).
    public var breakerMessage: String?

    /// Makes an empty record for component `name`.
    public init(name: String) { self.name = name }

    /// One line for the score summary.
    public var summaryLine: String {
        var line = "\(name): \(calls) calls, \(cacheHits) cache hits, \(retries) retries, \(failures) failed"
        if calls > 0 {
            line +=
                ", latency ms p50 \(Self.format(latencyP50)) p90 \(Self.format(latencyP90)) p99 \(Self.format(latencyP99))"
        }
        if let breakerMessage { line += "; \(breakerMessage)" }
        return line
    }

    private static func format(_ ms: Double) -> String {
        ms >= 100 ? String(Int(ms.rounded())) : String(Double(Int(ms * 10)) / 10)
    }
}
