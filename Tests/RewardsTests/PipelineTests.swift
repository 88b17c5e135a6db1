import Testing

@testable import Rewards

/// A reward for tests: scores the response length, or fails on a marker.
private struct LengthReward: Reward {
    let name = "length_test"
    func score(_ t: Trajectory) throws(RewardError) -> RewardScore {
        if t.response == "fail" { throw RewardError("cannot score 'fail'") }
        return RewardScore(Double(t.response.count))
    }
}

@Suite struct PipelineTests {
    static func registry() -> RewardRegistry {
        var r = RewardRegistry.builtIn
        r.register("length_test") { _ throws(RewardError) in LengthReward() }
        return r
    }

    @Test func totalIsTheWeightedSumInConfigOrder() throws {
        let spec = try RewardSpec.parse(
            """
            rewards:
              - {name: length_test, weight: 0.5}
              - {name: format, weight: 2, template: think_answer}
            """)
        let pipeline = try Pipeline(spec: spec, registry: Self.registry())
        let scored = try pipeline.score(Trajectory(response: "<think>a</think><answer>b</answer>")).get()
        #expect(scored.names == ["length_test", "format"])
        #expect(scored.scores.map(\.value) == [34, 1])
        #expect(scored.total == 0.5 * 34 + 2 * 1)
        #expect(scored.rewards == ["length_test": 34, "format": 1])
    }

    @Test func aFailingRewardMakesARowErrorNamingIt() throws {
        let spec = try RewardSpec.parse("rewards:\n  - {name: length_test}")
        let pipeline = try Pipeline(spec: spec, registry: Self.registry())
        #expect(
            pipeline.score(Trajectory(response: "fail"))
                == .failure(.reward(name: "length_test", message: "cannot score 'fail'")))
    }

    @Test func batchScoringKeepsInputOrder() throws {
        let spec = try RewardSpec.parse("rewards:\n  - {name: length_test}")
        let pipeline = try Pipeline(spec: spec, registry: Self.registry())
        let inputs = (0..<2000).map {
            Trajectory(response: $0 == 777 ? "fail" : String(repeating: "x", count: $0 % 97))
        }
        let results = pipeline.score(inputs)
        #expect(results.count == inputs.count)
        for (i, result) in results.enumerated() {
            if i == 777 {
                #expect((try? result.get()) == nil)
            } else {
                #expect(try result.get().total == Double(i % 97))
            }
        }
    }

    @Test func unknownRewardAndBadOptionsFailAtBuildTime() throws {
        let unknown = try RewardSpec.parse("rewards:\n  - {name: no_such_reward}")
        #expect(throws: ConfigError.self) { try Pipeline(spec: unknown) }
        let badOption = try RewardSpec.parse("rewards:\n  - {name: format, template: xml}")
        #expect(
            throws: ConfigError(
                "reward 'format': option 'template' is 'xml', expected one of: think_answer, boxed, mulberry")
        ) {
            try Pipeline(spec: badOption)
        }
    }

    @Test func aGroupSectionIsReadAndCheckedAtBuildTime() throws {
        let spec = try RewardSpec.parse("rewards:\n  - {name: format}\ngroup:\n  advantage: {estimator: dr_grpo}")
        #expect(try Pipeline(spec: spec).group?.estimator == .drGRPO)
        let bad = try RewardSpec.parse("rewards:\n  - {name: format}\ngroup:\n  advantage: {estimator: ppo}")
        #expect(throws: ConfigError.self) { try Pipeline(spec: bad) }
        #expect(try Pipeline(spec: try RewardSpec.parse("rewards:\n  - {name: format}")).group == nil)
    }

    @Test func formatGateZeroesTheGatedRewardOnly() throws {
        let spec = try RewardSpec.parse("rewards:\n  - {name: accuracy, format_gate: think_answer}")
        let pipeline = try Pipeline(spec: spec)
        let bare = try pipeline.score(Trajectory(response: "<answer>4</answer>", answer: "4")).get()
        #expect(bare.total == 0)
        #expect(bare.scores[0].explanation?.contains("format gate (think_answer)") == true)
        #expect(
            try pipeline.score(Trajectory(response: "<think>x</think><answer>4</answer>", answer: "4")).get().total == 1
        )
    }

    @Test func thinkingReadsTheRowScoreOrFails() throws {
        let pipeline = try Pipeline(spec: try RewardSpec.parse("rewards:\n  - {name: thinking}"))
        #expect(try pipeline.score(Trajectory(response: "r", rewards: ["thinking": 0.7])).get().total == 0.7)
        #expect((try? pipeline.score(Trajectory(response: "r")).get()) == nil)
        #expect(throws: ConfigError.self) {
            try Pipeline(spec: try RewardSpec.parse("rewards:\n  - {name: thinking, model: rm.ckpt}"))
        }
    }

    @Test func presetR1Builds() throws {
        let pipeline = try Pipeline(spec: try RewardSpec.preset("r1"))
        #expect(pipeline.componentNames == ["accuracy", "format"])
        let good = Trajectory(response: "<think>2+2=4</think><answer>4</answer>", answer: "4")
        #expect(try pipeline.score(good).get().total == 1.5)
        let wrong = Trajectory(response: "<think>2+2=5</think><answer>5</answer>", answer: "4")
        #expect(try pipeline.score(wrong).get().total == 0.5)
    }
}
