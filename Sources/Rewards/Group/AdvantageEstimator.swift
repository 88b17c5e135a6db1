/// How rewards within a group become advantages (docs/methods.md, GRPO and Share-GRPO).
public enum AdvantageEstimator: String, Sendable, CaseIterable {
    /// `(r - mean_g) / (std_g + eps)`, unbiased std.
    case grpo
    /// `r - mean_g` (Dr.GRPO: no division by the std).
    case drGRPO = "dr_grpo"
    /// `(r - mean_g) / (std_batch + eps)` (TRL's `scale_rewards="batch"`).
    case batch
    /// Share-GRPO's hierarchical advantage over question variants (see `ShareGRPO`).
    case shareGRPO = "share_grpo"

    /// Advantages of one group's rewards; `batchStd` is the std over the whole batch (for `batch`).
    /// Not for `shareGRPO`, which needs the variants (see `ShareGRPO.advantages`).
    public func advantages(_ rewards: [Double], epsilon: Double, batchStd: Double) -> [Double] {
        let mean = GroupStatistics.mean(rewards)
        switch self {
        case .grpo, .shareGRPO:
            let std = GroupStatistics.standardDeviation(rewards)
            return rewards.map { Self.scaled($0 - mean, by: std + epsilon) }
        case .drGRPO:
            return rewards.map { $0 - mean }
        case .batch:
            return rewards.map { Self.scaled($0 - mean, by: batchStd + epsilon) }
        }
    }

    /// `centred / scale`, and 0 when the scale is 0: that happens only with epsilon 0 and no
    /// spread, where every centred reward is 0 too (0/0 must not become NaN in training).
    static func scaled(_ centred: Double, by scale: Double) -> Double {
        scale > 0 ? centred / scale : 0
    }
}
