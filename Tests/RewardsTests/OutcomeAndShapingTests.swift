import Foundation
import JSONLines
import Testing

@testable import Rewards

@Suite struct OutcomeRewardTests {
    let reward = OutcomeReward()

    func score(_ response: String, _ answer: String, type: String?, options: [String]? = nil) throws -> Double {
        try reward.score(Trajectory(response: response, answer: answer, problemType: type, options: options)).value
    }

    @Test func mathAndNumericalUseTheAnswerCheck() throws {
        #expect(try score("<answer>0.75</answer>", "3/4", type: nil) == 1)
        #expect(try score("<answer>0.75</answer>", "3/4", type: "numerical") == 1)
        #expect(try score("<answer>0.7</answer>", "3/4", type: "math") == 0)
    }

    @Test func multipleChoiceComparesLetterSets() throws {
        let options = ["Oxygen", "Carbon dioxide", "Nitrogen"]
        #expect(try score("<answer>B</answer>", "B", type: "multiple_choice", options: options) == 1)
        #expect(try score("<answer>Carbon dioxide</answer>", "B", type: "multiple_choice", options: options) == 1)
        #expect(try score("<answer>(C)</answer>", "B", type: "multiple_choice", options: options) == 0)
        #expect(try score("<answer>C, A</answer>", "A,C", type: "multiple_choice") == 1)
        #expect(try score("<answer>A and C</answer>", "A,C", type: "multiple_choice") == 1)
        #expect(try score("<answer>A</answer>", "A,C", type: "multiple_choice") == 0)
        #expect(try score("<answer>A,B,C</answer>", "A,C", type: "multiple_choice") == 0)
        #expect(throws: RewardError.self) { try score("<answer>A</answer>", "photosynthesis", type: "multiple_choice") }
    }

    @Test func ocrIsExpOfMinusWordErrorRate() throws {
        #expect(try score("<answer>The cat sat</answer>", "the cat sat", type: "ocr") == 1)
        #expect(abs(try score("<answer>the dog sat</answer>", "the cat sat", type: "ocr") - exp(-1.0 / 3)) < 1e-12)
        // A bare answer, one deletion.
        #expect(abs(try score("the cat", "the cat sat", type: "ocr") - exp(-1.0 / 3)) < 1e-12)
        #expect(TextMetrics.wordErrorRate(reference: "a b", hypothesis: "a x y b") == 1)
    }

    @Test func freeFormIsMeanRouge() throws {
        #expect(try score("<answer>the cat sat on the mat</answer>", "the cat sat on the mat", type: "free_form") == 1)
        // R1 = 0.5, R2 = 1/3, RL = 0.5 (hand-computed)
        #expect(
            abs(
                try score("<answer>the cat</answer>", "the cat sat on the mat", type: "free_form")
                    - (0.5 + 1.0 / 3 + 0.5) / 3) < 1e-12)
        #expect(try score("<answer>dog</answer>", "the cat", type: "free_form") == 0)
        // One-word references: ROUGE-2 is undefined, so an exact answer scores 1, not 2/3.
        #expect(try score("<answer>Paris</answer>", "paris", type: "free_form") == 1)
        #expect(try score("<answer>Lyon</answer>", "paris", type: "free_form") == 0)
        #expect(abs(try score("<answer>Paris France</answer>", "paris", type: "free_form") - 2.0 / 3) < 1e-12)
    }

    @Test func unknownProblemTypeIsAnErrorNotAZero() {
        #expect(
            throws: RewardError(
                "accuracy: unknown problem_type 'essay' (known: math, numerical, multiple_choice, ocr, free_form)")
        ) {
            try reward.score(Trajectory(response: "x", answer: "y", problemType: "essay"))
        }
    }
}

@Suite struct ShapingRewardTests {
    static func options(_ name: String, _ values: [(String, JSONValue)]) -> RewardOptions {
        RewardOptions(rewardName: name, values: values.map { (key: $0.0, value: $0.1) })
    }

    @Test func repetitionPenalty() throws {
        let r = RepetitionReward(n: 3, maxPenalty: -1)
        #expect(try r.score(Trajectory(response: "a b c a b c")).value == -0.25)  // 4 trigrams, 3 unique
        #expect(try r.score(Trajectory(response: "one two three four")).value == 0)
        #expect(try r.score(Trajectory(response: "too short")).value == 0)
        let loop = String(repeating: "again ", count: 50)
        #expect(abs(try r.score(Trajectory(response: loop)).value - (-1 + 1.0 / 48)) < 1e-12)
        #expect(throws: RewardError.self) {
            try RepetitionReward(options: Self.options("repetition", [("max_penalty", .number(1))]))
        }
    }

    @Test func cosineLengthByCorrectness() throws {
        let r = try CosineLengthReward(options: Self.options("length", [("max_len", .number(10))]))
        func value(_ words: Int, correct: Bool) throws -> Double {
            let filler = String(repeating: "w ", count: max(0, words - 1))
            return try r.score(Trajectory(response: filler + "<answer>\(correct ? 4 : 5)</answer>", answer: "4")).value
        }
        #expect(abs(try value(1, correct: true) - (0.5 + 0.5 * (1 + cos(Double.pi / 10)) / 2)) < 1e-12)
        #expect(abs(try value(5, correct: true) - 0.75) < 1e-12)
        #expect(try value(10, correct: true) == 0.5)
        #expect(try value(30, correct: true) == 0.5)
        #expect(abs(try value(5, correct: false) - (-0.75)) < 1e-12)
        #expect(try value(10, correct: false) == -0.5)
    }

    @Test func overlongSoftPunishment() throws {
        let r = try OverlongReward(
            options: Self.options(
                "overlong", [("max_len", .number(100)), ("cache", .number(20)), ("unit", .string("chars"))]))
        #expect(try r.score(Trajectory(response: String(repeating: "x", count: 80))).value == 0)
        #expect(try r.score(Trajectory(response: String(repeating: "x", count: 90))).value == -0.5)
        #expect(try r.score(Trajectory(response: String(repeating: "x", count: 100))).value == -1)
        #expect(try r.score(Trajectory(response: String(repeating: "x", count: 101))).value == -1)
        #expect(throws: RewardError("reward 'overlong': option 'max_len' is required")) {
            try OverlongReward(options: Self.options("overlong", []))
        }
    }

    @Test func allAreInTheRegistry() throws {
        for name in ["accuracy", "format", "thinking", "repetition", "length", "overlong"] {
            #expect(RewardRegistry.builtIn.names.contains(name), "\(name)")
        }
        let spec = try RewardSpec.parse("rewards:\n  - {name: repetition, ngram: 2}\n  - {name: overlong, max_len: 50}")
        #expect(try Pipeline(spec: spec).componentNames == ["repetition", "overlong"])
    }
}
