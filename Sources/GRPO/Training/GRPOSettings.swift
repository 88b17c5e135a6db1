/// Everything a GRPO run is configured by besides its reward config. The defaults are the
/// measured default run (docs/training.md, "The default run").
public struct GRPOSettings: Sendable, Equatable {
    /// Steps to train: the run's budget, so that a run is a function of seed and settings.
    public var steps = 1000
    /// Responses sampled per prompt (split across variants with `share_grpo`).
    public var group = 8
    /// Prompts per step.
    public var batch = 8
    /// AdamW learning rate (3e-4 drives held-out accuracy down within the first steps; 1e-4 climbs).
    public var learningRate: Float = 1e-4
    /// The clipped surrogate and KL settings.
    public var loss = PolicyLoss(clipLow: 0.2, clipHigh: 0.28, beta: 0.02, aggregation: .grpo, constantLength: 72)
    /// Optimiser steps per batch of samples (the batch is split in this many minibatches; the
    /// later ones see a policy that has moved, which is where the ratio and its clip act).
    public var minibatches = 2
    /// Sampling during training.
    public var sampling = SamplingSettings(temperature: 1, topP: 1, maxNewTokens: 72)
    /// Run seed: problems, sampling and expansion all derive from it and the step.
    public var seed: UInt64 = 1
    /// `share_grpo`: question variants per prompt, the original included.
    public var variants = 2
    /// Held-out greedy evaluation every this many steps (0 = only at start and end).
    public var evalEvery = 25
    /// Held-out problems per evaluation.
    public var evalN = 300
    /// Seed of the held-out problems.
    public var evalSeed: UInt64 = 7
    /// Stop starting new steps after this many minutes of training (0 = no limit, the default:
    /// a wall-time stop depends on the machine's load, so the run would no longer repeat).
    public var maxMinutes = 0.0
    /// The response format the SFT start was taught (evaluation checks it).
    public var format: ResponseFormat = .thinkAnswer

    /// Defaults.
    public init() {}

    /// Most response tokens: what the format needs with room to spare.
    public var maxNewTokens: Int { sampling.maxNewTokens }

    /// Defaults adjusted to a response format (Mulberry's section headers need longer responses).
    public mutating func adapt(to format: ResponseFormat) {
        self.format = format
        let tokens = format == .mulberry ? 150 : 72
        sampling.maxNewTokens = tokens
        loss.constantLength = tokens
    }
}
