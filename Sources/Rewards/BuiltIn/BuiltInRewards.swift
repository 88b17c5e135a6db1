extension RewardRegistry {
    /// The rewards that ship with RewardKit, by config name.
    public static let builtIn: RewardRegistry = {
        var registry = RewardRegistry()
        registry.register("format") { options throws(RewardError) in try FormatReward(options: options) }
        // accuracy dispatches on the row's problem_type; math rows go to AccuracyReward.
        registry.register("accuracy") { options throws(RewardError) in try OutcomeReward(options: options) }
        registry.register("thinking") { options throws(RewardError) in try RowScoreReward(options: options) }
        registry.register("repetition") { options throws(RewardError) in try RepetitionReward(options: options) }
        registry.register("length") { options throws(RewardError) in try CosineLengthReward(options: options) }
        registry.register("overlong") { options throws(RewardError) in try OverlongReward(options: options) }
        registry.register("step_accuracy") { options throws(RewardError) in try StepAccuracyReward(options: options) }
        registry.register("step_validity") { options throws(RewardError) in try StepValidityReward(options: options) }
        return registry
    }()
}
