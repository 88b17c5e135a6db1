import NN

/// Settings of the supervised warm start.
public struct SFTSettings: Sendable, Equatable {
    /// Optimiser steps. The default stops well short of perfect on purpose, so RL has room.
    public var steps = 600
    /// Problems per step.
    public var batchSize = 32
    /// AdamW learning rate.
    public var learningRate: Float = 3e-3
    /// Seed of the weights and of the problem stream.
    public var seed: UInt64 = 1
    /// The response format taught.
    public var format: ResponseFormat = .thinkAnswer

    /// Defaults.
    public init() {}
}

/// Supervised learning on reference reasoning: cross-entropy on the response tokens of
/// `prompt -> format.render(item)`, problems drawn from the task's training stream.
public enum SFTTrainer {
    /// Trains `policy` in place; `onStep(step, loss)` after each step.
    public static func train(
        _ policy: Policy, task: TaskSource, settings: SFTSettings, onStep: (Int, Double) -> Void = { _, _ in }
    ) {
        let optimizer = AdamW(learningRate: settings.learningRate, weightDecay: 0.01)
        let parameters = policy.model.parameters()
        for step in 0..<settings.steps {
            let items = (0..<settings.batchSize).map {
                task.trainingItem(seed: settings.seed, index: step * settings.batchSize + $0)
            }
            let batch = SequenceBatch(
                prompts: items.map { policy.tokenizer.promptIDs($0.prompt) },
                responses: items.map { policy.tokenizer.encode(settings.format.render($0)) + [CharTokenizer.eos] },
                maxSeqLen: policy.config.maxSeqLen)
            policy.model.zeroGrad()
            let logits = policy.model.forward(tokens: batch.tokens, batch: batch.batch, seqLen: batch.seqLen)
            let loss = CrossEntropy.compute(logits: logits, targets: batch.targets)
            policy.model.backward(loss.gradient)
            GradientClipping.clip(parameters, maxNorm: 1)
            // Linear warm-up over the first 20 steps keeps the fresh model from diverging.
            optimizer.learningRate = settings.learningRate * min(1, Float(step + 1) / 20)
            optimizer.step(parameters)
            onStep(step + 1, Double(loss.value))
        }
    }
}
