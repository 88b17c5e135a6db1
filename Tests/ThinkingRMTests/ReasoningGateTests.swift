import Rewards
import Testing

@testable import ThinkingRM

/// The gate against reward hacking: degenerate text of several kinds, made by program from
/// generated problems, scores near 0 and below the sound solution; sound solutions pass the gate.
@Suite struct ReasoningGateTests {
    /// Degenerate responses to a problem whose sound solution is `solution` and answer `answer`:
    /// what a policy emits once it games a learned judge.
    static func degenerate(solution: String, answer: String, _ rng: inout SplitMix64) -> [(String, String)] {
        let pieces = ["<think>", "</think>", "<answer>", "</answer>", "</t", "/t", "/a", "/an", "<<", "answ", "er>"]
        let soup = (0..<rng.int(12...40)).map { _ in rng.pick(pieces) }.joined()
        let bytes = Array(solution.utf8)
        let start = rng.int(0...(bytes.count - 9)), length = rng.int(2...8)
        let fragment = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
        let repeated = String(repeating: fragment, count: rng.int(10...30))
        // Stopped early, inside one of its first words, before any number: nothing is derived yet.
        let opening = solution.prefix { !$0.isNumber }.split(separator: " ").prefix(4).joined(separator: " ")
        let cut = String(opening.prefix(rng.int(0...max(0, opening.count - 2))))
        return [
            ("tag soup", soup),
            ("repeated fragment", "<think>\(repeated)</think><answer>\(answer)</answer>"),
            (
                "empty think",
                rng.pick(["<think></think><answer>\(answer)</answer>", "<think>\n \n</think>\nAnswer: \(answer)"])
            ),
            ("truncated", "<think>" + cut),
            (
                "answer without work",
                rng.pick(["<answer>\(answer)</answer>", "The answer is \(answer).", "\\boxed{\(answer)}"])
            ),
        ]
    }

    static func problems(_ n: Int) -> [(question: String, solution: String, answer: String)] {
        let synth = RMSynthesizer(seed: 11, degradedPerProblem: 1)
        return (0..<n).map { i in
            let g = synth.group(i)
            let answer = SynthNumber.text(StepEvaluator.results(g.problem.steps).last ?? 0)
            return (g.problem.question, g.responses[0].text, answer)
        }
    }

    @Test func everyKindOfDegenerateTextIsCaught() {
        var rng = SplitMix64(seed: 5)
        for p in Self.problems(60) {
            for (kind, text) in Self.degenerate(solution: p.solution, answer: p.answer, &rng) {
                #expect(!ReasoningGate.reasons(question: p.question, response: text).isEmpty, "\(kind): \(text)")
            }
        }
        #expect(
            ReasoningGate.reasons(
                question: "Eve has 9 cards. She sells 3. How many cards now?",
                response: "</t/t/t/t/t/t/t/t/t<<<answanswer></answer></answer></answer/a/an/an/a/a/")
                == [.noWork, .fragmentRepetition])
    }

    @Test func soundSolutionsPassTheGate() {
        for p in Self.problems(600) {
            #expect(ReasoningGate.reasons(question: p.question, response: p.solution).isEmpty, "\(p.solution)")
        }
        let question = "Eve has 9 cards. She sells 3. How many cards now?"
        for response in [
            "<think>9-3=6</think><answer>6</answer>", "She has 9 - 3 = 6 cards left.\nAnswer: 6",
            "Eve had 9 cards and sold 3, so 6 remain. The answer is 6.", "<think>9-3=8</think><answer>8</answer>",
        ] {
            #expect(ReasoningGate.reasons(question: question, response: response).isEmpty, "\(response)")
        }
        // Reasoning without numbers passes on its words.
        #expect(
            ReasoningGate.reasons(
                question: "Ann is taller than Bo, and Bo is taller than Cy. Who is shortest?",
                response: "<think>Ann is above Bo and Bo is above Cy, so Cy is below both.</think><answer>Cy</answer>"
            ).isEmpty)
        #expect(ReasoningGate.reasons(question: "Who is shortest?", response: "<answer>Cy</answer>") == [.noWork])
    }

    /// Through a model trained in the test (on the synthetic rows' sound and flawed solutions) and
    /// the `thinking` reward: every degenerate response scores below 0.2 and below the sound one.
    @Test func degenerateTextScoresBelowTheSoundSolution() throws {
        let synth = RMSynthesizer(seed: 3, degradedPerProblem: 3)
        let trained = RMTrainer.train(synth.examples(count: 400), options: ModelTests.tinyOptions())
        let model = trained.scoringModel()
        let reward = ThinkingModelReward(model: model)
        var rng = SplitMix64(seed: 9)
        for p in Self.problems(20) {
            let sound = model.scores(questions: [p.question], responses: [p.solution])[0]
            for (kind, text) in Self.degenerate(solution: p.solution, answer: p.answer, &rng) {
                let score = model.scores(questions: [p.question], responses: [text])[0]
                #expect(score < 0.2 && score < sound, "\(kind): \(score) vs \(sound)")
                let viaReward = try reward.score(Trajectory(prompt: p.question, response: text)).value
                #expect(abs(viaReward - score) < 1e-6)
            }
        }
    }
}
