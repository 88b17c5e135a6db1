extension Pipeline {
    /// What the group step reads of `trajectory` scored by this pipeline: the outcome reward Ro is
    /// the weighted sum of every component but `thinking`, whose score is Rt (a row without a
    /// `thinking` component keeps the `rewards.thinking` it carried, if any). `score`, the server
    /// and the trainer all build their group members here, so they split Ro and Rt alike.
    package func groupMember(for trajectory: Trajectory, scored: ScoredTrajectory) -> GroupStage.Member {
        var outcome = 0.0
        var thinking = trajectory.rewards?["thinking"]
        for (component, score) in zip(components, scored.scores) {
            if component.name == "thinking" {
                thinking = score.value
            } else {
                outcome += component.weight * score.value
            }
        }
        return GroupStage.Member(
            group: trajectory.groupKey, variant: trajectory.variant, total: scored.total, outcome: outcome,
            thinking: thinking)
    }
}
