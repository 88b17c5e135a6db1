/// Which reading of R1-VL's StepGRPO rewards to follow where the paper and its released code
/// disagree (docs/methods.md, StepGRPO).
public enum StepGRPOMode: String, Sendable, CaseIterable {
    /// As the paper states it (the default).
    case paper
    /// As the released code computes it.
    case released
}
