/// Rewards by name: how a config entry such as `{name: accuracy}` becomes a `Reward`.
///
/// A registry is a value. `RewardRegistry.builtIn` holds the rewards that ship with RewardKit;
/// a library user copies it and registers their own before building a `Pipeline`.
public struct RewardRegistry: Sendable {
    /// Builds a reward from its options; throws `RewardError` naming the bad option.
    public typealias Factory = @Sendable (RewardOptions) throws(RewardError) -> any Reward

    private var factories: [String: Factory]

    /// An empty registry.
    public init() { factories = [:] }

    /// The names that can be built, sorted.
    public var names: [String] { factories.keys.sorted() }

    /// Adds or replaces the reward called `name`.
    public mutating func register(_ name: String, factory: @escaping Factory) {
        factories[name] = factory
    }

    /// Builds the reward `options.rewardName`; throws if the name is unknown or an option is bad.
    public func make(_ options: RewardOptions) throws(RewardError) -> any Reward {
        guard let factory = factories[options.rewardName] else {
            throw RewardError("unknown reward '\(options.rewardName)' (known: \(names.joined(separator: ", ")))")
        }
        return try factory(options)
    }
}
