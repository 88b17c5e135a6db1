import Foundation
import NN
import Rewards
import Testing

@testable import GRPO

/// A run saved after step 2 and resumed writes the same step-3 log line and weights as a run
/// that never stopped.
struct ResumeTests {
    static let config = PolicyConfig(dim: 16, heads: 2, layers: 1, maxSeqLen: 96)

    static func settings() -> GRPOSettings {
        var s = GRPOSettings()
        s.steps = 3
        s.batch = 2
        s.group = 4
        s.evalN = 4
        s.sampling.maxNewTokens = 16
        s.learningRate = 1e-2
        s.seed = 5
        return s
    }

    /// The share of digits in the response: it varies with the random text a fresh model writes,
    /// so advantages are not zero (a fresh model never earns accuracy).
    struct DigitShare: Reward {
        let name = "digits"
        func score(_ t: Trajectory) throws(RewardError) -> RewardScore {
            RewardScore(Double(t.response.filter(\.isNumber).count) / Double(max(1, t.response.count)))
        }
    }

    static func pipeline() throws -> Pipeline {
        var registry = RewardRegistry.builtIn
        registry.register("digits") { _ throws(RewardError) in DigitShare() }
        return try Pipeline(
            spec: RewardSpec.parse(
                """
                rewards:
                  - {name: accuracy, weight: 1.0}
                  - {name: digits, weight: 1.0}
                group:
                  advantage: {estimator: grpo, epsilon: 1.0e-6}
                """), registry: registry)
    }

    /// Whether two models hold exactly the same weights (a Bool, so a failure does not print them).
    static func sameWeights(_ a: Policy, _ b: Policy) -> Bool {
        zip(a.model.parameters(), b.model.parameters()).allSatisfy { $0.value == $1.value }
    }

    @Test func resumedRunMatchesUninterruptedRun() throws {
        let task = TaskSource.arithmetic(ArithmeticTask(level: 1))
        let straight = try GRPOTrainer(
            policy: Policy(config: Self.config, seed: 3), pipeline: Self.pipeline(), task: task,
            settings: Self.settings())
        let lines = try (0..<3).map { _ in try straight.step() }
        #expect(lines[0].fracZeroStd ?? 1 < 1, "the rewards must vary or the test proves nothing")

        let first = try GRPOTrainer(
            policy: Policy(config: Self.config, seed: 3), pipeline: Self.pipeline(), task: task,
            settings: Self.settings())
        _ = try first.step()
        _ = try first.step()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "grpo-resume-\(UUID().uuidString).ckpt"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try first.save(to: path)

        let optimizer = AdamW(learningRate: 1, weightDecay: 0)
        let run = try PolicyCheckpoint.loadRun(path: path, optimizer: optimizer)
        #expect(run.state.step == 2 && optimizer.stepCount == 4)
        let resumed = try GRPOTrainer(
            policy: run.policy, pipeline: Self.pipeline(), task: task, settings: Self.settings(),
            resumed: (run.reference, optimizer, run.state))
        let third = try resumed.step()
        #expect(third.withoutTiming == lines[2].withoutTiming)
        #expect(Self.sameWeights(straight.policy, resumed.policy))
        #expect(Self.sameWeights(straight.reference, resumed.reference))
        #expect(!Self.sameWeights(straight.policy, straight.reference), "training must have moved the policy")
    }

    @Test func resumingWithAnotherSeedIsRefused() throws {
        var s = Self.settings()
        s.seed = 9
        let state = TrainingState(step: 1, seed: 5, optimizerSteps: 2, wallSeconds: 0)
        let policy = Policy(config: Self.config, seed: 3)
        #expect(throws: TrainingError.self) {
            try GRPOTrainer(
                policy: policy, pipeline: Self.pipeline(), task: .arithmetic(ArithmeticTask()), settings: s,
                resumed: (policy.copy(), AdamW(), state))
        }
    }

    @Test func shareGRPOTrainsEveryResponseUnderEveryVariant() throws {
        let pipeline = try Pipeline(spec: RewardSpec.preset("sharegrpo"))
        let trainer = try GRPOTrainer(
            policy: Policy(config: Self.config, seed: 3), pipeline: pipeline,
            task: .arithmetic(ArithmeticTask(level: 2)), settings: Self.settings())
        let line = try trainer.step()
        #expect(line.fracZeroStdBeforeSharing != nil)
        // 2 questions x 2 variants x 2 responses each, every response under both variants: 16 rows.
        #expect(line.rewards?.keys.sorted() == ["accuracy", "format"])
        #expect((line.trainTokens ?? 0) > 0)
        // Shared rows are logged apart from the KL, which covers responses under their own prompt.
        #expect(line.kl != nil && line.k3Shared != nil)
    }
}
