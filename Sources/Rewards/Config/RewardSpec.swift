import JSONLines

/// What to score and how: the reward entries of a config (or preset) and its `group:` section.
///
/// ```yaml
/// rewards:
///   - {name: accuracy, weight: 1.0}
///   - {name: format, weight: 0.5, template: think_answer}
/// ```
public struct RewardSpec: Sendable, Equatable {
    /// One reward entry: which reward, under which component name, with what weight and options.
    public struct Entry: Sendable, Equatable {
        /// The registered reward name (`accuracy`, `format`, ...).
        public var name: String
        /// The component name in output rows: `as:` if given, else the reward name.
        public var component: String
        /// Weight in the total reward.
        public var weight: Double
        /// Everything else in the entry, handed to the reward's factory.
        public var options: RewardOptions

        /// Makes an entry.
        public init(
            name: String, component: String? = nil, weight: Double = 1, options: [(key: String, value: JSONValue)] = []
        ) {
            self.name = name
            self.component = component ?? name
            self.weight = weight
            self.options = RewardOptions(rewardName: name, values: options)
        }
    }

    /// The reward entries, in order.
    public var rewards: [Entry]
    /// The `group:` section (trust weighting, advantage estimator), as written.
    public var group: JSONValue?
    /// The config as text, recorded with each run and hashed to tell configs apart.
    public var text: String
    /// What is done to each response before the rewards read it (the `response:` section).
    public var response: ResponseCleanup

    /// Makes a spec.
    public init(
        rewards: [Entry], group: JSONValue? = nil, text: String = "", response: ResponseCleanup = ResponseCleanup()
    ) {
        self.rewards = rewards
        self.group = group
        self.text = text
        self.response = response
    }
}
