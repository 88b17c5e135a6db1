import Rewards

/// What the model-calling rewards share from the command that builds them.
public struct ModelClientContext: Sendable {
    /// Where replies are cached; nil calls every time (`--no-cache`, `--no-db`).
    public var cache: (any ModelReplyCache)?
    /// Which local image files may be read (`rewardkit serve` restricts them to `--image-root`).
    public var images: ImagePolicy

    /// Makes a context.
    public init(cache: (any ModelReplyCache)? = nil, images: ImagePolicy = .anyPath) {
        self.cache = cache
        self.images = images
    }
}

extension RewardRegistry {
    /// This registry, plus rewards that call served models: `{name: thinking, endpoint: {...}}`
    /// (a remote thinking reward model) and `{name: accuracy, judge: {...}}` (rules, then an
    /// answer judge). Entries without `endpoint` / `judge` are built by this registry as before.
    public func withModelEndpoints(_ context: ModelClientContext = ModelClientContext()) -> RewardRegistry {
        let base = self
        var registry = self
        registry.register("thinking") { options throws(RewardError) in
            guard options["endpoint"] != nil else { return try base.make(options) }
            return try RemoteThinkingReward(options: options, context: context)
        }
        registry.register("accuracy") { options throws(RewardError) in
            guard options["judge"] != nil else { return try base.make(options) }
            return try JudgedAccuracyReward(options: options, base: base, context: context)
        }
        return registry
    }
}
