extension RewardRegistry {
    /// The rewards that ship with RewardKit, by config name.
    public static let builtIn: RewardRegistry = {
        var registry = RewardRegistry()
        registry.register("format") { options throws(RewardError) in try FormatReward(options: options) }
        registry.register("accuracy") { options throws(RewardError) in try AccuracyReward(options: options) }
        registry.register("step_accuracy") { options throws(RewardError) in try StepAccuracyReward(options: options) }
        registry.register("step_validity") { options throws(RewardError) in try StepValidityReward(options: options) }
        return registry
    }()
}
