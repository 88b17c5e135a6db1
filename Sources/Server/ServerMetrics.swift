import Prometheus

/// The server's Prometheus metrics, held in one registry of its own (no global metrics system,
/// so two servers in one test process never share counts).
public struct ServerMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    private let requests: [Endpoint: Counter]
    private let latency: [Endpoint: DurationHistogram]
    /// Rows and samples scored without error.
    public let rowsScored: Counter
    /// Rows and samples that became error rows (or error samples in `/get_reward`).
    public let rowErrors: Counter
    /// Verifications stopped by the verifier's budget.
    public let verifierBudgetHits: Counter

    /// Latency buckets from 100 µs: single samples take tens of microseconds to score, batches
    /// up to seconds.
    static let buckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    /// Makes every metric in a new registry.
    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        var requests: [Endpoint: Counter] = [:], latency: [Endpoint: DurationHistogram] = [:]
        for endpoint in Endpoint.allCases {
            requests[endpoint] = registry.makeCounter(
                descriptor: Self.requestsName, labels: [("endpoint", endpoint.label)])
            latency[endpoint] = registry.makeDurationHistogram(
                descriptor: Self.latencyName, labels: [("endpoint", endpoint.label)],
                buckets: Self.buckets)
        }
        self.requests = requests
        self.latency = latency
        rowsScored = registry.makeCounter(
            descriptor: Self.name("rows_scored", "total", "Rows and samples scored without error."))
        rowErrors = registry.makeCounter(
            descriptor: Self.name("row_errors", "total", "Rows and samples that could not be scored."))
        verifierBudgetHits = registry.makeCounter(
            descriptor: Self.name(
                "verifier_budget_hits", "total",
                "Verifications stopped by the verifier's step or time budget."))
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rewardkit", metricName: metric, unitName: unit, helpText: help)
    }

    private static var requestsName: MetricNameDescriptor {
        name("http_requests", "total", "HTTP requests received, by endpoint.")
    }
    private static var errorsName: MetricNameDescriptor {
        name("http_errors", "total", "Requests answered with an error status, by endpoint and status.")
    }
    private static var latencyName: MetricNameDescriptor {
        name("http_request_duration", "seconds", "Time from a request's head to its reply, by endpoint.")
    }

    /// Counts one answered request and its latency; error replies (4xx/5xx) also by status.
    public func record(_ endpoint: Endpoint?, status: Int, nanoseconds: Int64) {
        if let endpoint {
            requests[endpoint]?.increment()
            latency[endpoint]?.recordNanoseconds(nanoseconds)
        }
        if status >= 400 {
            // Made on first use: the registry hands back the same counter for the same labels.
            registry.makeCounter(
                descriptor: Self.errorsName,
                labels: [("endpoint", endpoint?.label ?? "unknown"), ("status", String(status))]
            ).increment()
        }
    }

    /// The exposition text.
    public func render() -> [UInt8] {
        var out: [UInt8] = []
        registry.emit(into: &out)
        return out
    }
}
