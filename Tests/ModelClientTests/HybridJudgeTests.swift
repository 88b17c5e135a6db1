import Foundation
import ModelClient
import Rewards
import Testing

/// `accuracy` with `judge:`: the rules decide first; only their rejects with an extracted answer
/// reach the judge, and the explanation says who decided.
@Suite(.serialized) struct HybridJudgeTests {
    /// Rule-correct, rule-wrong with an answer (the judge says Correct), rule-wrong with an answer
    /// (the judge says Incorrect), and no answer at all.
    static let rows = [
        Trajectory(prompt: "1+1?", response: "The answer is \\boxed{2}", answer: "2"),
        Trajectory(prompt: "Half of one?", response: "@reply=Correct The answer is \\boxed{one half}", answer: "0.5"),
        Trajectory(prompt: "3*3?", response: "@reply=Incorrect The answer is \\boxed{6}", answer: "9"),
        Trajectory(prompt: "4*4?", response: "@reply=Correct I am not sure.", answer: "16"),
    ]

    @Test func onlyRuleRejectsWithAnAnswerGoToTheJudge() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let pipeline = try modelPipeline(
            "rewards:\n  - {name: accuracy, judge: {url: \"\(server.url)\", model: xverify-0.5b}}\n")
        let results = try await offPool { pipeline.score(Self.rows) }
        #expect(results.map(\.value) == [1, 1, 0, 0])
        let asked = try server.requests().compactMap { $0["text"] as? String }
        #expect(asked.count == 2)
        #expect(asked.contains { $0.contains("one half") } && asked.contains { $0.contains("boxed{6}") })
        // xVerify's layout: the question, the whole output and the correct answer.
        #expect(asked.allSatisfy { $0.contains("Output sentence:") && $0.contains("Correct answer:") })
        let why = results.map { (try? $0.get().scores[0].explanation) ?? nil }
        #expect(why[0]?.hasPrefix("rule") == true)
        #expect(why[1]?.hasPrefix("judge xverify-0.5b: correct") == true && why[1]?.contains("rule said 0") == true)
        #expect(why[2]?.hasPrefix("judge xverify-0.5b: incorrect") == true)
        #expect(why[3]?.contains("judge not asked") == true)
    }

    @Test func judgeAllSendsEveryRow() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let pipeline = try modelPipeline(
            "rewards:\n  - {name: accuracy, judge_all: true, judge: {url: \"\(server.url)\", model: j, prompt: general}}\n"
        )
        let results = try await offPool { pipeline.score(Self.rows) }
        let requests = try server.requests()
        #expect(requests.count == 4)
        // general-verifier: a completions prompt with the extracted answer as the student's.
        #expect(requests.allSatisfy { ($0["path"] as? String) == "/v1/completions" })
        #expect(
            (requests.first { ($0["text"] as? String ?? "").contains("1+1?") }?["text"] as? String ?? "").contains(
                "### Student Answer: 2"))
        // The stub replies Correct/Incorrect, not "Final Decision: ...": every row is an error, never a 0.
        #expect(results.allSatisfy { $0.errorMessage?.contains("Final Decision") == true })
    }
}
