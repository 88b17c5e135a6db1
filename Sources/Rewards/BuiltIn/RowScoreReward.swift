/// A component whose score is already in the row (`rewards.<name>`), such as thinking-reward
/// scores computed by a separate model run. A row without it is an error row, never a zero.
///
/// `{name: thinking}` reads `rewards.thinking`. `{name: thinking, model: PATH}` scores in process
/// with the thinking reward model; that lives in ThinkingRM (which depends on Rewards), so it is
/// available from `RewardRegistry.withThinkingModel`, the registry the CLI and server use.
public struct RowScoreReward: Reward {
    public let name: String

    /// Reads the component `name` from each row.
    public init(name: String) { self.name = name }

    /// Builds from config options; `model:` needs a registry with the thinking reward model
    /// (`RewardRegistry.withThinkingModel` in ThinkingRM), not `builtIn`.
    public init(options: RewardOptions) throws(RewardError) {
        if options["model"] != nil {
            throw RewardError(
                "reward '\(options.rewardName)': option 'model' needs the thinking reward model, which this registry does not include (use RewardRegistry.withThinkingModel from ThinkingRM); omit it to read rewards.\(options.rewardName) from each row"
            )
        }
        try options.requireOnly([])
        self.init(name: options.rewardName)
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        guard let value = trajectory.rewards?[name] else {
            throw RewardError("the row has no rewards.\(name) score (and no model was configured to compute it)")
        }
        return RewardScore(value, "from the row")
    }
}
