/// `step_validity`: R1-VL's StepRVR, 1 when the response is complete and logical, else 0 with the
/// check that failed (docs/methods.md, StepGRPO).
///
/// - Completeness: `### Image Description:`, `### Rationales:`, `### Step 1:` and
///   `### The final answer is:` are present (`### Let's think step by step.` is not required).
/// - Logic, `released`: the `### Step N:` headers are numbered exactly 1..n in order, and the
///   first final-answer header starts after the last step header.
/// - Logic, `paper`: also Image Description before Rationales before Step 1.
///
/// Headers are read by `MulberrySections`, the parser the `format` reward's `mulberry` template uses.
public struct StepValidityReward: Reward {
    /// The component name: `step_validity`.
    public let name = "step_validity"
    /// Paper or released reading.
    public let mode: StepGRPOMode

    /// Makes the reward.
    public init(mode: StepGRPOMode = .paper) {
        self.mode = mode
    }

    /// Builds from config options: `mode` (`paper` | `released`).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["mode"])
        let mode = try options.string(
            "mode", default: StepGRPOMode.paper.rawValue, allowed: StepGRPOMode.allCases.map(\.rawValue))
        // The raw value was checked against `allowed` above.
        self.init(mode: StepGRPOMode(rawValue: mode) ?? .paper)
    }

    /// 1 when every check passes, else 0 naming the first failed check.
    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        problem(in: MulberrySections(trajectory.response)).map { RewardScore(0, $0) }
            ?? RewardScore(1, "complete and in order")
    }

    /// The first failed check, or nil: completeness, then (paper) section order, then step
    /// numbering, then the answer's place.
    public func problem(in sections: MulberrySections) -> String? {
        guard let description = sections.description else { return "missing ### Image Description:" }
        guard let rationales = sections.rationales else { return "missing ### Rationales:" }
        guard let stepOne = sections.steps.first(where: { $0.number == 1 }) else { return "missing ### Step 1:" }
        guard let final = sections.finalAnswer else { return "missing ### The final answer is:" }
        if mode == .paper {
            if rationales < description { return "rationales before image description" }
            if stepOne.offset < rationales { return "step 1 before rationales" }
        }
        for (index, step) in sections.steps.enumerated() where step.number != index + 1 {
            return index == 0
                ? "first step is numbered \(step.number)"
                : "step \(step.number) follows step \(sections.steps[index - 1].number)"
        }
        if let last = sections.steps.last, final < last.offset { return "answer before step \(last.number)" }
        return nil
    }
}
