/// The routes the server answers, each with the one method it accepts.
public enum Endpoint: String, Sendable, CaseIterable {
    /// OpenRLHF's remote reward protocol.
    case getReward = "/get_reward"
    /// Rows in RewardKit's schema, scored (and grouped when the config has `group:`).
    case score = "/score"
    /// Gold/prediction pairs through the answer verifier.
    case verify = "/verify"
    /// Liveness, and what the server scores with.
    case health = "/health"
    /// Prometheus text exposition.
    case metrics = "/metrics"

    /// `POST` for the scoring endpoints, `GET` for the rest.
    public var method: String {
        switch self {
        case .getReward, .score, .verify: return "POST"
        case .health, .metrics: return "GET"
        }
    }

    /// The metric label: the path without its slash.
    public var label: String { String(rawValue.dropFirst()) }

    /// Whether the API key guards this route: all but `/health`, which load balancers probe.
    public var needsKey: Bool { self != .health }
}
