import Foundation
import NN
import Rewards

/// A training run that cannot go on, with the step and the reason.
public struct TrainingError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Makes an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// GRPO on a `Policy`: each step samples `group` responses for each of `batch` prompts, scores them
/// with the same `Pipeline` and `GroupStage` as `rewardkit score` (trust weighting annealed with the
/// real step; with `share_grpo` the prompts are expanded by `QuestionExpander` and every response is
/// trained under every variant), then takes the clipped surrogate with beta * k3 KL to the frozen
/// reference, in `minibatches` AdamW steps.
public final class GRPOTrainer {
    /// The policy being trained.
    public let policy: Policy
    /// The frozen reference (the starting policy).
    public let reference: Policy
    /// The optimiser (its moments live in the policy's parameters).
    public let optimizer: AdamW
    /// Rewards.
    public let pipeline: Pipeline
    /// The group step settings (the config's `group:`, or plain GRPO when it has none).
    public let groupSpec: GroupSpec
    /// Where problems come from.
    public let task: TaskSource
    /// Run settings.
    public let settings: GRPOSettings
    /// Where the run stands.
    public private(set) var state: TrainingState
    private let accuracy: Pipeline
    private let evaluator: Evaluator

    /// A run starting from `policy` (its copy becomes the reference) or resuming `resumed`.
    public init(
        policy: Policy, pipeline: Pipeline, task: TaskSource, settings: GRPOSettings,
        resumed: (reference: Policy, optimizer: AdamW, state: TrainingState)? = nil
    ) throws {
        self.policy = policy
        self.reference = resumed?.reference ?? policy.copy()
        self.optimizer = resumed?.optimizer ?? AdamW(learningRate: settings.learningRate, weightDecay: 0)
        optimizer.learningRate = settings.learningRate
        self.pipeline = pipeline
        self.groupSpec = pipeline.group ?? GroupSpec()
        self.task = task
        self.settings = settings
        self.state = resumed?.state ?? TrainingState(step: 0, seed: settings.seed, optimizerSteps: 0, wallSeconds: 0)
        if state.seed != settings.seed {
            throw TrainingError(
                "the checkpoint's run used --seed \(state.seed), not \(settings.seed): resume with the same seed")
        }
        accuracy = try Pipeline(
            spec: RewardSpec.parse("rewards:\n  - {name: accuracy, weight: 1.0}", source: "accuracy"))
        evaluator = Evaluator(
            items: task.heldOutItems(n: settings.evalN, seed: settings.evalSeed), format: settings.format,
            maxNewTokens: settings.maxNewTokens)
    }

    /// Greedy held-out accuracy of the policy now.
    public func evaluate() throws -> Evaluator.Result { try evaluator.run(policy) }

    /// Whether step `step` (1-based, after it ran) ends with an evaluation.
    public func evaluates(after step: Int) -> Bool {
        step == settings.steps || (settings.evalEvery > 0 && step % settings.evalEvery == 0)
    }

    /// Saves the run (policy, moments, reference, state) to `path`.
    public func save(to path: String) throws {
        try PolicyCheckpoint.save(policy, to: path, optimizer: optimizer, reference: reference, state: state)
    }

    /// One sampled response and where it came from.
    private struct Sample {
        var question: Int
        var variant: Int
        var prompt: [Int32]
        var generation: Generation
    }

    /// Runs one step and returns its log line.
    public func step() throws -> StepLog {
        let started = DispatchTime.now().uptimeNanoseconds
        let s = state.step
        var rng = SeededRandom(seed: state.seed ^ (UInt64(s + 1) &* 0xD1B5_4A32_D192_ED03))
        let questions = variantsOfStep(s)
        var samples: [Sample] = []
        for (q, variants) in questions.enumerated() {
            let per = max(1, settings.group / variants.count)
            for (v, item) in variants.enumerated() {
                let prompt = policy.tokenizer.promptIDs(item.prompt)
                for _ in 0..<per {
                    samples.append(
                        Sample(
                            question: q, variant: v, prompt: prompt, generation: Generation(tokens: [], logProbs: [])))
                }
            }
        }
        let generations = Sampler.generate(
            policy, prompts: samples.map(\.prompt), settings: settings.sampling, rng: &rng)
        for i in samples.indices { samples[i].generation = generations[i] }
        let share = groupSpec.estimator == .shareGRPO
        let trajectories = samples.map { sample in
            let item = questions[sample.question][sample.variant]
            return Trajectory(
                prompt: item.prompt, response: policy.tokenizer.decode(sample.generation.tokens), answer: item.answer,
                group: "q\(sample.question)", variant: share ? String(sample.variant) : nil, keySteps: item.keySteps)
        }
        let (members, componentMeans) = try score(trajectories, step: s)
        let stage = GroupStage(spec: groupSpec, step: s)
        let (results, summary) = stage.run(members)

        // Training rows: each response under its own prompt, and with share_grpo under every variant
        // (a shared row has no old log-probs yet, and its k3 is logged apart: see `PolicyLoss`).
        var rows: [(prompt: [Int32], response: [Int32], old: [Double]?, advantage: Double, sampledHere: Bool)] = []
        for (sample, result) in zip(samples, results) where !sample.generation.tokens.isEmpty {
            let sampledOld = sample.generation.logProbs.map(Double.init)
            if let shared = result.shared {
                for entry in shared {
                    guard let k = Int(entry.promptVariant), k < questions[sample.question].count else { continue }
                    let prompt = policy.tokenizer.promptIDs(questions[sample.question][k].prompt)
                    let old = entry.shared ? nil : sampledOld
                    rows.append((prompt, sample.generation.tokens, old, entry.advantage, !entry.shared))
                }
            } else {
                rows.append((sample.prompt, sample.generation.tokens, sampledOld, result.advantage ?? 0, true))
            }
        }
        // A response shared to another prompt was not sampled under it: its old log-probs come
        // from the policy before this step's updates.
        let missing = rows.indices.filter { rows[$0].old == nil }
        if !missing.isEmpty {
            let batch = SequenceBatch(
                prompts: missing.map { rows[$0].prompt }, responses: missing.map { rows[$0].response },
                maxSeqLen: policy.config.maxSeqLen)
            for (i, lp) in zip(missing, batch.forward(policy.model).1) { rows[i].old = lp }
        }

        var log = StepLog(step: s + 1)
        var entropy = 0.0, kl = 0.0, clip = 0.0, trainTokens = 0, counted = 0
        var klTokens = 0, sharedK3 = 0.0, sharedTokens = 0
        let parameters = policy.model.parameters()
        let chunk = max(1, (rows.count + settings.minibatches - 1) / settings.minibatches)
        for start in stride(from: 0, to: rows.count, by: chunk) {
            let part = rows[start..<min(rows.count, start + chunk)]
            let batch = SequenceBatch(
                prompts: part.map(\.prompt), responses: part.map(\.response), maxSeqLen: policy.config.maxSeqLen)
            policy.model.zeroGrad()
            let (lp, logProbs) = batch.forward(policy.model)
            let refLogProbs = settings.loss.beta != 0 ? batch.forward(reference.model).1 : logProbs
            let sequences = part.indices.map { i in
                let j = i - start
                return PolicyLoss.Sequence(
                    logProbs: logProbs[j], oldLogProbs: rows[i].old ?? logProbs[j], refLogProbs: refLogProbs[j],
                    advantage: rows[i].advantage, sampledHere: rows[i].sampledHere)
            }
            let output = settings.loss.compute(sequences)
            batch.backward(policy.model, logProbs: lp, gradients: output.gradients)
            log.gradNorm = Double(GradientClipping.clip(parameters, maxNorm: 1))
            optimizer.step(parameters)
            let tokens = batch.responseTokenCount
            entropy += batch.meanEntropy(lp) * Double(tokens)
            kl += output.meanKL * Double(output.klTokens)
            klTokens += output.klTokens
            sharedK3 += output.sharedK3 * Double(output.sharedTokens)
            sharedTokens += output.sharedTokens
            clip += output.clipFraction * Double(tokens)
            counted += tokens
            trainTokens += batch.batch * batch.seqLen
            log.loss = output.value
        }
        let n = Double(max(1, counted))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let genTokens = generations.reduce(0) { $0 + $1.tokens.count }
        state.step = s + 1
        state.optimizerSteps = optimizer.stepCount
        state.wallSeconds += seconds

        log.rewardMean = GroupStatistics.mean(results.map(\.reward))
        log.rewards = componentMeans
        log.accuracy = GroupStatistics.mean(accuracy.score(trajectories).map { (try? $0.get().total) ?? 0 })
        log.fracZeroStd = summary.fracZeroStd
        log.fracZeroStdBeforeSharing = summary.fracZeroStdBeforeSharing
        log.trustMean = summary.trustMean
        log.entropy = entropy / n
        log.kl = kl / Double(max(1, klTokens))
        log.k3Shared = sharedTokens > 0 ? sharedK3 / Double(sharedTokens) : nil
        log.clipFraction = clip / n
        log.responseLength = GroupStatistics.mean(trajectories.map { Double($0.response.count) })
        log.genTokens = genTokens
        log.trainTokens = trainTokens
        log.stepSeconds = seconds
        log.tokensPerSecond = Double(genTokens + trainTokens) / max(seconds, 1e-9)
        log.wallSeconds = state.wallSeconds
        return log
    }

    /// The step's problems, each with its variants (just the original unless `share_grpo`).
    private func variantsOfStep(_ s: Int) -> [[TaskItem]] {
        let expander = QuestionExpander(count: settings.variants, seed: settings.seed)
        return (0..<settings.batch).map { k in
            let index = s * settings.batch + k
            let item = task.trainingItem(seed: state.seed, index: index)
            guard groupSpec.estimator == .shareGRPO else { return [item] }
            return expander.variants(of: .init(prompt: item.prompt, answer: item.answer), index: index).map { v in
                TaskItem(
                    prompt: v.question.prompt, answer: v.question.answer ?? item.answer, steps: item.steps,
                    keySteps: item.keySteps)
            }
        }
    }

    /// Group-stage members for `trajectories` and the mean of each component; a response the
    /// config cannot score stops the run (the config, not the policy, is at fault).
    private func score(_ trajectories: [Trajectory], step: Int) throws -> ([GroupStage.Member], [String: Double]) {
        var members: [GroupStage.Member] = []
        var sums = [Double](repeating: 0, count: pipeline.components.count)
        for (t, result) in zip(trajectories, pipeline.score(trajectories)) {
            let scored: ScoredTrajectory
            switch result {
            case let .success(value): scored = value
            case let .failure(error):
                throw TrainingError("step \(step + 1): a sampled response cannot be scored: \(error)")
            }
            for (c, score) in scored.scores.enumerated() { sums[c] += score.value }
            let member = pipeline.groupMember(for: t, scored: scored)
            if let problem = GroupStage(spec: groupSpec, step: step).check(member) {
                throw TrainingError("step \(step + 1): \(problem)")
            }
            members.append(member)
        }
        let n = Double(max(1, trajectories.count))
        return (members, Dictionary(uniqueKeysWithValues: zip(pipeline.componentNames, sums.map { $0 / n })))
    }
}
