import Foundation
import NN
import Rewards
import Testing

@testable import GRPO

/// A run is a function of its seed and settings: the same seed gives the same SFT weights, the
/// same GRPO log (timing aside), the same evaluation and the same weights; another seed gives
/// another run. The figures in docs/training.md rely on this to be reproducible.
struct DeterminismTests {
    static func sft(seed: UInt64) -> Policy {
        var s = SFTSettings()
        s.steps = 3
        s.batchSize = 4
        s.seed = seed
        let policy = Policy(config: ResumeTests.config, seed: seed)
        SFTTrainer.train(policy, task: .arithmetic(ArithmeticTask(level: 1)), settings: s)
        return policy
    }

    /// The log lines (timing aside), the final evaluation and the trained policy of a 3-step run.
    static func grpo(seed: UInt64) throws -> (lines: [StepLog], eval: Evaluator.Result, policy: Policy) {
        var settings = ResumeTests.settings()
        settings.seed = seed
        let trainer = try GRPOTrainer(
            policy: sft(seed: 3), pipeline: ResumeTests.pipeline(),
            task: .arithmetic(ArithmeticTask(level: 1)), settings: settings)
        let lines = try (0..<settings.steps).map { _ in try trainer.step().withoutTiming }
        return (lines, try trainer.evaluate(), trainer.policy)
    }

    @Test func sftIsAFunctionOfTheSeed() {
        #expect(ResumeTests.sameWeights(Self.sft(seed: 4), Self.sft(seed: 4)))
        #expect(!ResumeTests.sameWeights(Self.sft(seed: 4), Self.sft(seed: 6)))
    }

    @Test func grpoRunIsAFunctionOfSeedAndSettings() throws {
        let a = try Self.grpo(seed: 5), b = try Self.grpo(seed: 5)
        #expect(a.lines.contains { ($0.fracZeroStd ?? 1) < 1 }, "the rewards must vary or the runs cannot differ")
        #expect(a.lines == b.lines)
        #expect(a.eval == b.eval)
        #expect(ResumeTests.sameWeights(a.policy, b.policy))

        let other = try Self.grpo(seed: 6)
        #expect(other.lines != a.lines)
        #expect(!ResumeTests.sameWeights(other.policy, a.policy))
    }
}
