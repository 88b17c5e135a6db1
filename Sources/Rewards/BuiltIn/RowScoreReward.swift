/// A component whose score is already in the row (`rewards.<name>`), such as thinking-reward
/// scores computed by a separate model run. A row without it is an error row, never a zero.
///
/// `{name: thinking}` reads `rewards.thinking`; a reward model that computes the score in process
/// replaces this when the config names one (`{name: thinking, model: PATH}`).
public struct RowScoreReward: Reward {
    public let name: String

    /// Reads the component `name` from each row.
    public init(name: String) { self.name = name }

    /// Builds from config options; `model:` needs the thinking reward model, not built yet.
    public init(options: RewardOptions) throws(RewardError) {
        if options["model"] != nil {
            throw RewardError("reward '\(options.rewardName)': option 'model' needs the thinking reward model, which this build does not include; omit it to read rewards.\(options.rewardName) from each row")
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
