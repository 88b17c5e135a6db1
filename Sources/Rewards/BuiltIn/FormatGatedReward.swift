/// Any reward behind a format gate: the inner reward's value when the response follows the
/// template, else 0. SophiaVL's release gates its outcome reward this way (docs/methods.md, Trust-GRPO).
///
/// Written in a config as an option of the gated entry: `{name: accuracy, format_gate: think_answer}`.
public struct FormatGatedReward: Reward {
    /// The gated reward.
    public let inner: any Reward
    /// The template the response must follow.
    public let gate: FormatReward

    public var name: String { inner.name }
    /// What the inner reward reads, and the response for the gate.
    public var fieldsRead: TrajectoryFields { inner.fieldsRead.union(gate.fieldsRead) }

    /// Gates `inner` with `gate`.
    public init(_ inner: any Reward, gate: FormatReward) {
        self.inner = inner
        self.gate = gate
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        let format = try gate.score(trajectory)
        guard format.value == 1 else {
            return RewardScore(0, "format gate (\(gate.template.rawValue)): \(format.explanation ?? "not followed")")
        }
        return try inner.score(trajectory)
    }

    /// Builds `options` through `registry`, gated when they hold `format_gate`.
    static func build(_ options: RewardOptions, registry: RewardRegistry) throws(RewardError) -> any Reward {
        guard options["format_gate"] != nil else { return try registry.make(options) }
        let template = try options.string(
            "format_gate", default: "", allowed: FormatReward.Template.allCases.map(\.rawValue))
        let rest = RewardOptions(
            rewardName: options.rewardName, values: options.values.filter { $0.key != "format_gate" })
        // `template` was checked against the allowed names above, so the fallback is never taken.
        let gate = FormatReward(template: FormatReward.Template(rawValue: template) ?? .thinkAnswer)
        return FormatGatedReward(try registry.make(rest), gate: gate)
    }
}
