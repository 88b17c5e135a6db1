import TestSupport
import Testing

@testable import Rewards

/// One row of Fixtures/mulberry_rollouts.jsonl: a Mulberry-format rollout and what each StepGRPO
/// reward, in each mode, must say about it.
struct MulberryCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Expected: Decodable, Sendable {
        var step_accuracy_paper: Double
        var step_accuracy_released: Double
        var step_accuracy_literal: Double
        var step_validity_paper: Double
        var step_validity_released: Double
        var validity_why: String?
        var accuracy_why: String?
    }

    var id: String
    var prompt: String?
    var response: String
    var answer: String?
    var key_steps: [[String]]?
    var options: [String]?
    var expected: Expected
    var testDescription: String { id }

    var trajectory: Trajectory {
        Trajectory(prompt: prompt, response: response, answer: answer, keySteps: key_steps, options: options)
    }

    static func load() throws -> [MulberryCase] { try Fixture.load("mulberry_rollouts.jsonl") }
}

@Suite struct StepRewardTests {
    static let cases: [MulberryCase] = (try? MulberryCase.load()) ?? []

    @Test func tableCoversEveryCheck() throws {
        let ids = Set(try MulberryCase.load().map(\.id))
        for id in [
            "complete", "missing_rationale", "missing_steps", "answer_before_steps", "scrambled_steps",
            "no_final_answer", "wrong_answer", "rationales_before_description", "step_before_rationales",
        ] {
            #expect(ids.contains(id), "missing case \(id)")
        }
    }

    @Test(arguments: cases) func stepAccuracyInEveryMode(_ c: MulberryCase) throws {
        let modes: [(String, StepAccuracyReward, Double)] = [
            ("paper", StepAccuracyReward(mode: .paper), c.expected.step_accuracy_paper),
            ("released", StepAccuracyReward(mode: .released), c.expected.step_accuracy_released),
            ("paper, literal", StepAccuracyReward(mode: .paper, matching: .literal), c.expected.step_accuracy_literal),
        ]
        for (key, reward, expected) in modes {
            let score = try reward.score(c.trajectory)
            #expect(
                abs(score.value - expected) < 1e-9, "\(key): \(score.value) (\(score.explanation ?? "")) != \(expected)"
            )
        }
        if let why = c.expected.accuracy_why {
            let explanation = try StepAccuracyReward().score(c.trajectory).explanation ?? ""
            #expect(explanation.contains(why), "\(explanation)")
        }
    }

    @Test(arguments: cases) func stepValidityInEveryMode(_ c: MulberryCase) throws {
        let paper = try StepValidityReward(mode: .paper).score(c.trajectory)
        let released = try StepValidityReward(mode: .released).score(c.trajectory)
        #expect(paper.value == c.expected.step_validity_paper)
        #expect(released.value == c.expected.step_validity_released)
        if let why = c.expected.validity_why {
            #expect(paper.explanation == why, "\(paper.explanation ?? "nil")")
        }
    }

    @Test func rowWithoutAnswerThrows() {
        #expect(
            throws: RewardError("step_accuracy: the row has no answer (fields answer/ground_truth/label/solution/gold)")
        ) {
            try StepAccuracyReward().score(Trajectory(response: "### The final answer is: 6", answer: " "))
        }
    }

    @Test func alphaScalesTheKeyStepShare() throws {
        let t = Trajectory(
            response: "### Step 1:\nx = 2\n### The final answer is: 3", answer: "3", keySteps: [["x=2"], ["y=5"]])
        #expect(try StepAccuracyReward(alpha: 0.5).score(t).value == 1.25)
        #expect(try StepAccuracyReward(alpha: 0).score(t).value == 1)
    }

    @Test func keyStepsAreSearchedOnlyInStepBodies() throws {
        // The key step sits in the rationale, not in a step: it does not count.
        let t = Trajectory(
            response: "### Rationales:\nx = 2\n### Step 1:\nthen\n### The final answer is: 3", answer: "3",
            keySteps: [["x=2"]])
        #expect(
            try StepAccuracyReward().score(t)
                == RewardScore(1, "matched via final_answer_header (numeric); key steps 0/1"))
    }

    @Test(.timeLimit(.minutes(10))) func hostileResponsesStayCheap() throws {
        let cpu = try ThreadCPUTime.measure { () throws in
            let headers = String(repeating: "### Step 1:\n", count: 50_000) + "### The final answer is: 6"
            let t = Trajectory(response: headers, answer: "6", keySteps: [["12/2=6"], ["AD is a median"]])
            #expect(try StepAccuracyReward().score(t).value == 1)
            #expect(try StepValidityReward().score(t) == RewardScore(0, "missing ### Image Description:"))
            let megabyte =
                "### Step 1:\n" + String(repeating: "\\frac{1}{2} = ", count: 70_000) + "\n### The final answer is: 6"
            #expect(
                try StepAccuracyReward().score(Trajectory(response: megabyte, answer: "6", keySteps: [["1/2=1/2=1/2"]]))
                    .value == 1.1)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func presetEntriesBuildBothRewards() throws {
        let spec = try RewardSpec.preset("stepgrpo")
        #expect(spec.rewards.map(\.name) == ["step_accuracy", "step_validity"])
        #expect(spec.rewards.map(\.weight) == [1, 1])
        #expect(spec.group?["advantage"]?["epsilon"] == .number(1e-4))
        #expect(spec.group?["advantage"]?["estimator"] == .string("grpo"))
        let built = try spec.rewards.map { entry throws(RewardError) in try RewardRegistry.builtIn.make(entry.options) }
        let accuracy = try #require(built[0] as? StepAccuracyReward)
        #expect(accuracy.alpha == 0.1 && accuracy.mode == .paper && accuracy.matcher.matching == .normalized)
        #expect((built[1] as? StepValidityReward)?.mode == .paper)
    }

    @Test func configWithoutGroupScoresTheFixture() throws {
        let spec = try RewardSpec.load(path: Fixture.url("configs/stepgrpo-rewards.yaml").path)
        #expect(spec.rewards.map(\.options) == (try RewardSpec.preset("stepgrpo")).rewards.map(\.options))
        let pipeline = try Pipeline(spec: spec)
        for c in Self.cases {
            let scored = try pipeline.score(c.trajectory).get()
            let expected = c.expected.step_accuracy_paper + c.expected.step_validity_paper
            #expect(abs(scored.total - expected) < 1e-9, "\(c.id)")
        }
    }

    @Test func badOptionsAreNamed() {
        #expect(
            throws: RewardError("reward 'step_accuracy': option 'mode' is 'both', expected one of: paper, released")
        ) {
            try StepAccuracyReward(
                options: RewardOptions(rewardName: "step_accuracy", values: [("mode", .string("both"))]))
        }
        #expect(
            throws: RewardError(
                "reward 'step_accuracy': option 'matching' is 'fuzzy', expected one of: normalized, literal")
        ) {
            try StepAccuracyReward(
                options: RewardOptions(rewardName: "step_accuracy", values: [("matching", .string("fuzzy"))]))
        }
        #expect(throws: RewardError("reward 'step_accuracy': option 'alpha' must be at least 0, got -1.0")) {
            try StepAccuracyReward(
                options: RewardOptions(rewardName: "step_accuracy", values: [("alpha", .number(-1))]))
        }
        #expect(throws: RewardError("reward 'step_validity': unknown option 'alpha' (known: mode)")) {
            try StepValidityReward(options: RewardOptions(rewardName: "step_validity", values: [("alpha", .number(1))]))
        }
    }
}
