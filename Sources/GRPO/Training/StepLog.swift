/// One line of the training log (JSONL): what a GRPO step did, or an evaluation.
public struct StepLog: Codable, Sendable, Equatable {
    /// Steps completed when the line was written (0 = the SFT start).
    public var step: Int
    /// Mean total reward over the step's responses.
    public var rewardMean: Double?
    /// Mean of each reward component.
    public var rewards: [String: Double]?
    /// Share of responses whose answer is correct (the `accuracy` reward, whatever the config).
    public var accuracy: Double?
    /// Share of groups whose rewards are all equal.
    public var fracZeroStd: Double?
    /// `share_grpo`: the same before sharing, per (question, variant).
    public var fracZeroStdBeforeSharing: Double?
    /// Mean k3 KL to the reference per token, over responses under the prompt they were sampled for.
    public var kl: Double?
    /// `share_grpo`: mean k3 per token of the responses shared to another variant's prompt (in the
    /// loss, but no KL estimate: `PolicyLoss`).
    public var k3Shared: Double?
    /// Mean policy entropy per response token (nats).
    public var entropy: Double?
    /// Share of tokens whose clipped branch was active.
    public var clipFraction: Double?
    /// Mean Trust-GRPO gamma, when trust weighting ran.
    public var trustMean: Double?
    /// The loss of the last minibatch.
    public var loss: Double?
    /// Gradient norm before clipping (last minibatch).
    public var gradNorm: Double?
    /// Mean response length in characters.
    public var responseLength: Double?
    /// Response tokens sampled.
    public var genTokens: Int?
    /// Token positions through forward and backward.
    public var trainTokens: Int?
    /// (sampled + trained tokens) per second of this step.
    public var tokensPerSecond: Double?
    /// Seconds this step took.
    public var stepSeconds: Double?
    /// Seconds of training since the run began (resumes continue the count).
    public var wallSeconds: Double?
    /// Held-out greedy accuracy, on evaluation steps.
    public var evalAccuracy: Double?
    /// Held-out problems evaluated.
    public var evalN: Int?

    enum CodingKeys: String, CodingKey {
        case step, rewards, accuracy, kl, entropy, loss
        case k3Shared = "k3_shared"
        case rewardMean = "reward_mean", fracZeroStd = "frac_zero_std", fracZeroStdBeforeSharing =
            "frac_zero_std_before_sharing"
        case clipFraction = "clip_fraction", trustMean = "trust_mean", gradNorm = "grad_norm", responseLength =
            "response_length"
        case genTokens = "gen_tokens", trainTokens = "train_tokens", tokensPerSecond = "tokens_per_s", stepSeconds =
            "step_s"
        case wallSeconds = "wall_s", evalAccuracy = "eval_accuracy", evalN = "eval_n"
    }

    /// A line for step `step` with nothing measured yet.
    public init(step: Int) { self.step = step }

    /// The line without its timing fields, which differ between runs of the same computation.
    public var withoutTiming: StepLog {
        var copy = self
        copy.tokensPerSecond = nil
        copy.stepSeconds = nil
        copy.wallSeconds = nil
        return copy
    }
}
