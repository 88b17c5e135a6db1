extension RewardRegistry {
    /// The rewards that ship with RewardKit, by config name.
    public static let builtIn: RewardRegistry = {
        var registry = RewardRegistry()
        registry.register("format") { options throws(RewardError) in try FormatReward(options: options) }
        registry.register("accuracy") { options throws(RewardError) in try AccuracyReward(options: options) }
        registry.register("thinking") { options throws(RewardError) in try RowScoreReward(options: options) }
        return registry
    }()
}
