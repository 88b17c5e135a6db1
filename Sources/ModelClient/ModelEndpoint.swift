import Foundation
import Rewards

/// Where and how to call a served model: the `endpoint:` (or `judge:`) object of a config entry.
///
/// ```yaml
/// - {name: thinking, endpoint: {url: http://127.0.0.1:8000/v1, model: thinking-reward-model, prompt: sophiavl,
///                               api_key_env: VLLM_API_KEY, timeout_s: 60, concurrency: 64, retries: 3}}
/// ```
/// The API key is read from the environment variable `api_key_env` names, never from the config
/// (whose text the run database keeps).
public struct ModelEndpoint: Sendable {
    /// Which OpenAI-compatible route a request goes to.
    public enum API: String, Sendable, CaseIterable {
        /// `/v1/chat/completions`, messages with content parts (images).
        case chat
        /// `/v1/completions`, one prompt text.
        case completions
    }

    /// The full URL requests are posted to.
    public var url: String
    /// The served model name (`--served-model-name`).
    public var model: String
    /// The route.
    public var api: API
    /// The prompt: `sophiavl`, `xverify`, `general` or a file path.
    public var prompt: String
    /// A pattern whose first group holds the score or verdict, for a prompt file.
    public var scorePattern: String?
    /// A system message before the prompt (chat only); nil for none.
    public var system: String?
    /// The environment variable holding the API key; nil sends no key.
    public var apiKeyEnv: String?
    /// The key itself, read from the environment when the reward is built. Never written anywhere.
    var apiKey: String?
    /// Seconds one attempt may take before it counts as a timeout.
    public var timeout: Double
    /// Requests in flight at once, at most.
    public var concurrency: Int
    /// Attempts after the first, for timeouts, dropped connections, 429 and 5xx.
    public var retries: Int
    /// The first backoff in seconds; it doubles each attempt (with jitter), up to `maxBackoff`.
    public var backoff: Double
    /// The longest wait between attempts, also for a server's `Retry-After`.
    public var maxBackoff: Double
    /// Consecutive failed attempts that open the circuit breaker.
    public var breakerFailures: Int
    /// Seconds the open breaker refuses calls before trying the server again.
    public var breakerCooldown: Double
    /// `max_tokens` of each request.
    public var maxTokens: Int
    /// Whether replies are cached (when the command has a cache).
    public var cache: Bool

    /// The option names an endpoint object accepts.
    public static let optionNames: Set<String> = [
        "url", "model", "api", "prompt", "score_pattern", "system", "api_key_env", "timeout_s", "concurrency",
        "retries",
        "backoff_s", "max_backoff_s", "breaker_failures", "breaker_cooldown_s", "max_tokens", "cache",
    ]

    /// Reads the object under `key` of `options` (for messages: `reward 'thinking': endpoint.timeout_s ...`);
    /// `defaultPrompt` when the object names none; `environment` is where the API key is looked up.
    public init(
        _ options: RewardOptions, key: String, defaultPrompt: String, defaultMaxTokens: Int,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RewardError) {
        let where_ = "reward '\(options.rewardName)': \(key)"
        guard case let .object(members)? = options[key] else {
            throw RewardError("\(where_) must be an object {url, model, prompt, ...}")
        }
        let inner = RewardOptions(rewardName: options.rewardName, values: members)
        for (name, _) in members where !Self.optionNames.contains(name) {
            throw RewardError(
                "\(where_): unknown option '\(name)' (known: \(Self.optionNames.sorted().joined(separator: ", ")))")
        }
        func text(_ name: String) throws(RewardError) -> String? {
            guard let value = inner[name] else { return nil }
            guard case let .string(s) = value, !s.isEmpty else {
                throw RewardError("\(where_).\(name) must be a non-empty string, got \(value.kindName)")
            }
            return s
        }
        func number(_ name: String, _ fallback: Double, _ range: ClosedRange<Double>) throws(RewardError) -> Double {
            let n = try inner.double(name, default: fallback)
            guard range.contains(n) else {
                throw RewardError("\(where_).\(name) is \(n), expected \(range.lowerBound)...\(range.upperBound)")
            }
            return n
        }
        func whole(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(RewardError) -> Int {
            let n = try inner.int(name, default: fallback)
            guard range.contains(n) else {
                throw RewardError("\(where_).\(name) is \(n), expected \(range.lowerBound)...\(range.upperBound)")
            }
            return n
        }
        guard let url = try text("url") else {
            throw RewardError("\(where_).url is missing (e.g. http://127.0.0.1:8000/v1)")
        }
        guard let model = try text("model") else {
            throw RewardError("\(where_).model is missing (the server's --served-model-name)")
        }
        let prompt = try text("prompt") ?? defaultPrompt
        self.prompt = prompt
        let apiName = try inner.string(
            "api", default: prompt == "general" ? "completions" : "chat", allowed: API.allCases.map(\.rawValue))
        let api = API(rawValue: apiName) ?? .chat
        self.api = api
        guard let resolved = Self.resolve(url, api: api) else {
            throw RewardError("\(where_).url '\(url)' is not an http:// or https:// URL")
        }
        self.url = resolved
        self.model = model
        scorePattern = try text("score_pattern")
        system = try text("system")
        let keyVariable = try text("api_key_env")
        apiKeyEnv = keyVariable
        if let name = keyVariable {
            guard let value = environment[name], !value.isEmpty else {
                throw RewardError("\(where_).api_key_env names \(name), which is not set in the environment")
            }
            apiKey = value
        }
        timeout = try number("timeout_s", 60, 0.001...3600)
        concurrency = try whole("concurrency", 16, 1...4096)
        retries = try whole("retries", 3, 0...100)
        backoff = try number("backoff_s", 0.2, 0...600)
        maxBackoff = try number("max_backoff_s", 30, 0...3600)
        breakerFailures = try whole("breaker_failures", 10, 1...1_000_000)
        breakerCooldown = try number("breaker_cooldown_s", 30, 0...86400)
        maxTokens = try whole("max_tokens", defaultMaxTokens, 1...1_000_000)
        cache = try inner.bool("cache", default: true)
    }

    /// The URL a request goes to: a URL ending in `/completions` is used as written; a base
    /// ending in `/v1` gets `/chat/completions` or `/completions`; any other base gets `/v1/...`.
    static func resolve(_ url: String, api: API) -> String? {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/completions") { return base }
        if !base.hasSuffix("/v1") { base += "/v1" }
        return base + (api == .chat ? "/chat/completions" : "/completions")
    }
}
