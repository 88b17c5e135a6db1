import Rewards
import TestSupport
import Testing
import Verify

struct AccuracyCase: Decodable, Sendable, CustomTestStringConvertible {
    var response: String
    var answer: String
    var expected: Double
    var note: String
    var options: [String]?
    var explanation: String?
    var testDescription: String { note }
}

/// A comparator that says yes to everything, standing in for a future engine.
private struct AlwaysMatches: AnswerComparator {
    var reason = "stub"
    func compare(gold: String, predicted: String) -> Verdict { Verdict(isMatch: true, reason: reason) }
}

@Suite struct AccuracyRewardTests {
    static let cases: [AccuracyCase] = (try? Fixture.load("accuracy_cases.jsonl")) ?? []
    let reward = AccuracyReward()

    @Test func tableLoads() throws {
        #expect(try Fixture.load("accuracy_cases.jsonl", as: AccuracyCase.self).count >= 40)
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases) func scores(_ c: AccuracyCase) throws {
        let trajectory = Trajectory(response: c.response, answer: c.answer, options: c.options)
        let score = try reward.score(trajectory)
        #expect(score.value == c.expected)
        if let explanation = c.explanation { #expect(score.explanation == explanation) }
    }

    @Test(arguments: [nil, "", "  \n"] as [String?]) func rowWithoutAnswerThrows(_ answer: String?) {
        #expect(throws: RewardError("accuracy: the row has no answer (fields answer/ground_truth/label/solution/gold)"))
        {
            try reward.score(Trajectory(response: #"\boxed{1}"#, answer: answer))
        }
    }

    @Test func comparatorIsInjected() throws {
        let lenient = AccuracyReward(comparator: AlwaysMatches())
        let score = try lenient.score(Trajectory(response: #"\boxed{7}"#, answer: "8"))
        #expect(score == RewardScore(1, "matched via boxed (stub)"))
        // The injected comparator also decides hedging: it finds every box equal.
        #expect(try lenient.score(Trajectory(response: #"\boxed{1} \boxed{2}"#, answer: "2")).value == 1)
        // A sentence with no anchor states no answer, in the default (anchored) extraction.
        #expect(try lenient.score(Trajectory(response: "there is no anchor in this response", answer: "2")).value == 0)
    }

    /// The explanations kept as literals read as the formatted ones they stand for.
    @Test(arguments: ["numeric", "choice", "text", "other"]) func matchExplanationsNameAnchorAndReason(
        _ reason: String
    ) throws {
        let reward = AccuracyReward(comparator: AlwaysMatches(reason: reason))
        let responses: [(String, AnswerAnchor)] = [
            ("<answer>7</answer>", .answerTag), (#"\boxed{7}"#, .boxed),
            ("### The final answer is: 7", .finalAnswerHeader),
            ("The final answer is 7", .finalAnswerPhrase), ("Answer: 7", .answerColon),
        ]
        for (response, anchor) in responses {
            let score = try reward.score(Trajectory(response: response, answer: "8"))
            #expect(score == RewardScore(1, "matched via \(anchor.rawValue) (\(reason))"))
        }
    }

    @Test func longAnswersAreShortenedInExplanations() throws {
        let long = String(repeating: "x", count: 200)
        let score = try reward.score(Trajectory(response: "\\boxed{\(long)}", answer: "y"))
        #expect(score.value == 0)
        #expect(score.explanation == "answer '\(String(repeating: "x", count: 77))...' does not match 'y'")
    }

    @Test func builtFromConfig() throws {
        let registry = RewardRegistry.builtIn
        #expect(registry.names.contains("accuracy"))
        let built = try registry.make(RewardOptions(rewardName: "accuracy"))
        #expect(built.name == "accuracy")
        let simple = try registry.make(
            RewardOptions(rewardName: "accuracy", values: [("comparator", .string("simple"))]))
        #expect(try simple.score(Trajectory(response: "Answer: 4", answer: "4")).value == 1)
        // Algebra needs the math engine: the simple comparator alone cannot see x+1 = 1+x.
        let algebra = Trajectory(response: "\\boxed{x+1}", answer: "1+x")
        #expect(try simple.score(algebra).value == 0)
        #expect(try built.score(algebra).value == 1)
        let math = try registry.make(RewardOptions(rewardName: "accuracy", values: [("comparator", .string("math"))]))
        #expect(try math.score(algebra).value == 1)
    }

    @Test func badOptionsAreRejected() {
        #expect(
            throws: RewardError(
                "reward 'accuracy': option 'comparator' is 'sympy', expected one of: standard, simple, math")
        ) {
            try AccuracyReward(
                options: RewardOptions(rewardName: "accuracy", values: [("comparator", .string("sympy"))]))
        }
        #expect(throws: RewardError("reward 'accuracy': option 'precision' must be 0-30")) {
            try AccuracyReward(options: RewardOptions(rewardName: "accuracy", values: [("precision", .number(99))]))
        }
        #expect(
            throws: RewardError(
                "reward 'accuracy': unknown option 'tolerance' (known: anchors, comparator, extraction, precision)")
        ) {
            try AccuracyReward(options: RewardOptions(rewardName: "accuracy", values: [("tolerance", .number(0.1))]))
        }
    }

    @Test(.timeLimit(.minutes(10))) func hostileResponsesScoreZeroQuickly() throws {
        let cpu = try ThreadCPUTime.measure { () throws in
            let deep = String(repeating: #"\boxed{"#, count: 10_000) + "7"
            #expect(try reward.score(Trajectory(response: deep, answer: "7")).value == 0)
            let megabyte = String(repeating: "1 ", count: 500_000) + "\\boxed{7}"
            #expect(try reward.score(Trajectory(response: megabyte, answer: "7")).value == 1)
            let boxes = (0..<10_000).map { "\\boxed{\($0)}" }.joined()
            #expect(
                try reward.score(Trajectory(response: boxes, answer: "9999")).explanation
                    == "hedged: 64 different boxed answers")
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }
}
