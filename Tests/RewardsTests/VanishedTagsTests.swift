import Testing

@testable import Rewards

/// Tags a tokenizer registered as special tokens vanish when the framework decodes with special
/// tokens skipped: a batch whose every response lacks the tags `format` needs is reported once.
@Suite struct VanishedTagsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let config: String
        let responses: [String]
        let warns: Bool
        var testDescription: String { "\(config): \(responses)" }
    }

    static let thinkAnswer = "rewards:\n  - {name: accuracy}\n  - {name: format, template: think_answer}\n"
    static let boxed = "rewards:\n  - {name: accuracy}\n  - {name: format, template: boxed}\n"
    static let mulberry = "rewards:\n  - {name: accuracy}\n  - {name: format, template: mulberry}\n"
    static let noFormat = "rewards:\n  - {name: accuracy}\n"

    static let cases: [Case] = [
        // The tags decoded away: every response is the text between them.
        Case(config: thinkAnswer, responses: ["2+2=4\n4", "so it is 4", "4"], warns: true),
        Case(config: boxed, responses: ["2+2=4 \\boxed{4}", "\\boxed{5}"], warns: true),
        // One response kept a tag: the model may just be learning the format.
        Case(config: thinkAnswer, responses: ["2+2=4\n4", "<think>x</think> 4"], warns: false),
        Case(config: thinkAnswer, responses: ["2+2=4\n4", "x <answer>4</answer>"], warns: false),
        // Tags in order: format 1, nothing to say.
        Case(
            config: thinkAnswer,
            responses: ["<think>a</think><answer>4</answer>", "<think>b</think><answer>5</answer>"], warns: false),
        // A single response says too little.
        Case(config: thinkAnswer, responses: ["4"], warns: false),
        // No tag-requiring format in the config.
        Case(config: mulberry, responses: ["4", "5"], warns: false),
        Case(config: noFormat, responses: ["4", "5"], warns: false),
        // A prompt that prefills <think> gives the response its tag.
        Case(config: thinkAnswer, responses: ["PREFILL:2+2=4</think>", "PREFILL:4"], warns: false),
    ]

    static func trajectories(_ c: Case) throws -> [Trajectory] {
        try c.responses.map { r in
            let prefill = r.hasPrefix("PREFILL:")
            let response = prefill ? String(r.dropFirst(8)) : r
            return Trajectory(prompt: prefill ? "Q <think>\n" : "Q", response: response, answer: "4")
        }
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    @Test(arguments: cases) func aBatchWithoutAnyTagIsReported(_ c: Case) throws {
        let pipeline = try Pipeline(spec: try RewardSpec.parse(c.config))
        let results = pipeline.score(try Self.trajectories(c))
        #expect((pipeline.vanishedTagsWarning(results) != nil) == c.warns)
    }

    @Test(arguments: cases) func theScoreSummaryCountsTheSameRows(_ c: Case) throws {
        let pipeline = try Pipeline(spec: try RewardSpec.parse(c.config))
        let jsonl = try Self.trajectories(c).map { t in
            #"{"prompt":\#(Self.quoted(t.prompt ?? "")),"response":\#(Self.quoted(t.response)),"answer":"4"}"#
        }.joined(separator: "\n")
        let (_, summary, _) = BatchScorer(rewards: .pipeline(pipeline), stage: nil).score(Array(jsonl.utf8))
        #expect(summary.errors == 0)
        #expect((summary.vanishedTagsWarning != nil) == c.warns)
    }
}
