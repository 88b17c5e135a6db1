/// Where and how `rewardkit serve` listens: address, limits, timeouts and the optional API key.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise, so a trainer on another host needs an
    /// explicit `--host 0.0.0.0`.
    public var host: String
    /// The TCP port; 0 asks the system for a free one (tests).
    public var port: Int
    /// When set, every endpoint but `/health` needs `Authorization: Bearer KEY` or `X-API-Key: KEY`.
    public var apiKey: String?
    /// Bodies longer than this are refused with 413.
    public var maxBodyBytes: Int
    /// Event-loop threads serving connections.
    public var workers: Int
    /// The training step for annealed group transforms when a `/score` request gives none.
    public var defaultStep: Int
    /// Read and keep-alive timeouts, and the cap on open connections.
    public var connectionLimits: ConnectionLimits

    /// 32 MiB: a few thousand long rollouts per `/score` request, far above a single sample.
    public static let defaultMaxBodyBytes = 32 << 20

    /// Makes a configuration; the defaults match the command line's, except `workers`, which
    /// the command line sets to the number of cores.
    public init(
        host: String = "127.0.0.1", port: Int = 8000, apiKey: String? = nil,
        maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes, workers: Int = 2, defaultStep: Int = 0,
        connectionLimits: ConnectionLimits = ConnectionLimits()
    ) {
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.maxBodyBytes = maxBodyBytes
        self.workers = workers
        self.defaultStep = defaultStep
        self.connectionLimits = connectionLimits
    }
}
