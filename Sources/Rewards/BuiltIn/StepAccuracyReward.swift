import Verify

/// `step_accuracy`: R1-VL's StepRAR, answer correctness plus soft key-step matching (docs/methods.md, StepGRPO).
///
/// `k` is the share of the row's `key_steps` groups with a form in the `### Step N:` bodies.
/// - `paper`: `1 + alpha*k` when the final answer is correct, `alpha*k` when an answer is given
///   but wrong, `0` when there is no final answer.
/// - `released`: `1{correct} + alpha*k` always.
///
/// Correctness comes from `AccuracyReward.judge`, the same extractor and comparator as
/// `accuracy` (where `### The final answer is:` is an answer anchor), so both rewards always
/// agree about an answer.
public struct StepAccuracyReward: Reward {
    /// The component name: `step_accuracy`.
    public let name = "step_accuracy"
    /// Weight of the key-step share (the paper's 0.1).
    public let alpha: Double
    /// Paper or released reading.
    public let mode: StepGRPOMode
    /// How key steps are matched.
    public let matcher: KeyStepMatcher
    /// The answer engine.
    public let accuracy: AccuracyReward

    /// Makes the reward from its parts.
    public init(
        alpha: Double = 0.1, mode: StepGRPOMode = .paper, matching: KeyStepMatcher.Matching = .normalized,
        accuracy: AccuracyReward = AccuracyReward()
    ) {
        self.alpha = alpha
        self.mode = mode
        self.matcher = KeyStepMatcher(matching: matching)
        self.accuracy = accuracy
    }

    /// Builds from config options: `alpha` (0.1), `mode` (`paper` | `released`), `matching`
    /// (`normalized` | `literal`).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["alpha", "mode", "matching"])
        let alpha = try options.double("alpha", default: 0.1)
        guard alpha >= 0 else {
            throw RewardError("reward '\(options.rewardName)': option 'alpha' must be at least 0, got \(alpha)")
        }
        let mode = try options.string(
            "mode", default: StepGRPOMode.paper.rawValue, allowed: StepGRPOMode.allCases.map(\.rawValue))
        let matching = try options.string(
            "matching", default: KeyStepMatcher.Matching.normalized.rawValue,
            allowed: KeyStepMatcher.Matching.allCases.map(\.rawValue))
        // Both raw values were checked against `allowed` above.
        self.init(
            alpha: alpha, mode: StepGRPOMode(rawValue: mode) ?? .paper,
            matching: KeyStepMatcher.Matching(rawValue: matching) ?? .normalized)
    }

    /// The StepRAR value with the answer verdict and the key steps matched; throws when the row
    /// has no reference answer.
    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        guard let reference = trajectory.answer, reference.contains(where: { !$0.isWhitespace }) else {
            throw RewardError("step_accuracy: the row has no answer (fields answer/ground_truth/label/solution/gold)")
        }
        let verdict = accuracy.judge(
            response: answerText(trajectory.response), reference: reference, options: trajectory.options ?? [])
        if mode == .paper && verdict.outcome == .noAnswer {
            return RewardScore(0, "no final answer found: 0 (paper mode)")
        }
        let correct = verdict.outcome == .correct ? 1.0 : 0.0
        guard let groups = trajectory.keySteps, !groups.isEmpty else {
            return RewardScore(correct, "\(verdict.explanation); no key_steps in the row, k = 0")
        }
        let sections = MulberrySections(trajectory.response)
        guard !sections.stepBodies.isEmpty else {
            return RewardScore(correct, "\(verdict.explanation); no ### Step N: sections, key steps 0/\(groups.count)")
        }
        let matched = matcher.matchedGroups(groups, in: sections.stepText(of: trajectory.response))
        let k = Double(matched) / Double(groups.count)
        return RewardScore(correct + alpha * k, "\(verdict.explanation); key steps \(matched)/\(groups.count)")
    }

    /// The text the answer is read from. The released code reads the first `### The final answer
    /// is:` of a response, so `released` cuts the response before the second one; `paper` reads
    /// the whole response, as `accuracy` does.
    func answerText(_ response: String) -> String {
        let header = "### The final answer is:"
        guard mode == .released, let first = ByteSearch.firstOffset(of: header, in: response),
            let second = ByteSearch.firstOffset(of: header, in: response, from: first + header.utf8.count)
        else { return response }
        return String(decoding: response.utf8.prefix(second), as: UTF8.self)
    }
}
