import JSONLines
import Rewards
import Verify

/// What the server does, apart from HTTP: each endpoint turns request bytes into a `ServerReply`.
///
/// One value is built at start-up and shared by every connection; it holds no mutable state
/// besides the metrics' own counters and a once-only notice, so requests never wait for each other.
public struct RewardService: Sendable {
    /// The rewards every scoring endpoint applies.
    public let pipeline: Pipeline
    /// Counters and latency histograms for `/metrics`.
    public let metrics: ServerMetrics
    /// Finds final answers for `/verify`.
    public let extractor: AnswerExtractor
    /// Decides equivalence for `/verify`; the fuller math verifier replaces the simple one here.
    public let comparator: any AnswerComparator
    /// The training step for annealed group transforms when `/score` is given none.
    public let defaultStep: Int
    /// The largest total the rewards can give (the sum of the positive weights), which maps to a
    /// score of 1 in `/get_reward`.
    public let maxTotal: Double
    /// Said once, the first time every response of a request lacks the tags `format` needs.
    public let vanishedTagsNotice: OnceNotice

    /// Makes the service over `pipeline`.
    public init(
        pipeline: Pipeline, metrics: ServerMetrics = ServerMetrics(), extractor: AnswerExtractor = AnswerExtractor(),
        comparator: any AnswerComparator = TieredComparator(), defaultStep: Int = 0,
        vanishedTagsNotice: OnceNotice = OnceNotice()
    ) {
        self.pipeline = pipeline
        self.vanishedTagsNotice = vanishedTagsNotice
        self.metrics = metrics
        self.extractor = extractor
        self.comparator = comparator
        self.defaultStep = defaultStep
        let positive = pipeline.components.map(\.weight).filter { $0 > 0 }.reduce(0, +)
        self.maxTotal = positive > 0 ? positive : 1
    }

    /// The total reward as a score in [0, 1]: divided by `maxTotal`, then clamped.
    public func score(ofTotal total: Double) -> Double {
        guard total.isFinite else { return 0 }
        return min(1, max(0, total / maxTotal))
    }

    /// `GET /health`: that the server is up, and the components and weights it scores with.
    public func health() -> ServerReply {
        var out = JSONWriter(capacity: 128)
        out.ascii("{\"status\":\"ok\",\"components\":[")
        for (i, c) in pipeline.components.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.string(c.name)
        }
        out.ascii("],\"weights\":[")
        for (i, c) in pipeline.components.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.number(c.weight)
        }
        out.ascii("],\"group\":")
        out.ascii(pipeline.group == nil ? "false" : "true")
        out.byte(UInt8(ascii: "}"))
        return ServerReply(status: 200, body: out.bytes)
    }

    /// `GET /metrics`: the Prometheus text exposition.
    public func metricsReply() -> ServerReply {
        ServerReply(
            status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
            body: metrics.render() + Array(modelUsageMetrics().utf8))
    }

    /// The calls of rewards that ask served models (ModelClient), in the exposition format:
    /// calls, cache hits, retries, failures and latency quantiles per component.
    func modelUsageMetrics() -> String {
        let usage = pipeline.modelUsage()
        guard !usage.isEmpty else { return "" }
        var text = ""
        let counters: [(String, String, (RewardUsage) -> Int)] = [
            ("calls", "Requests sent to served models (once per request, whatever its attempts).", { $0.calls }),
            ("cache_hits", "Requests answered from the reply cache.", { $0.cacheHits }),
            ("retries", "Attempts after the first.", { $0.retries }),
            ("failures", "Requests that finally failed (error rows).", { $0.failures }),
        ]
        for (name, help, value) in counters {
            text += "# HELP rewardkit_model_\(name)_total \(help)\n# TYPE rewardkit_model_\(name)_total counter\n"
            for u in usage { text += "rewardkit_model_\(name)_total{component=\"\(u.name)\"} \(value(u))\n" }
        }
        text +=
            "# HELP rewardkit_model_latency_milliseconds Latency of successful attempts.\n# TYPE rewardkit_model_latency_milliseconds summary\n"
        for u in usage {
            for (q, v) in [("0.5", u.latencyP50), ("0.9", u.latencyP90), ("0.99", u.latencyP99)] {
                text += "rewardkit_model_latency_milliseconds{component=\"\(u.name)\",quantile=\"\(q)\"} \(v)\n"
            }
        }
        return text
    }
}
