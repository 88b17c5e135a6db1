import Foundation
import Rewards
import Server
import Testing

/// The endpoints' logic without a socket: score scaling, batches, group advantages.
@Suite struct RewardServiceTests {
    static func reply(_ service: RewardService, getReward body: String) -> [String: Any] {
        var text = body
        let reply = text.withUTF8 { service.getReward($0) }
        return (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] ?? [:]
    }

    @Test(arguments: [(1.5, 1.0), (0.5, 1.0 / 3), (0.0, 0.0), (-2.0, 0.0), (9.0, 1.0), (Double.nan, 0.0)])
    func scoresAreTotalsOverTheLargestTotalClampedToZeroOne(total: Double, score: Double) throws {
        let service = try InProcessServer.r1()
        #expect(service.maxTotal == 1.5)
        #expect(abs(service.score(ofTotal: total) - score) < 1e-12)
    }

    @Test func negativeWeightsDoNotRaiseTheLargestTotal() throws {
        let spec = try RewardSpec.parse(
            "rewards:\n  - {name: accuracy, weight: 2.0}\n  - {name: format, weight: -1.0, template: boxed}\n")
        let service = RewardService(pipeline: try Pipeline(spec: spec))
        #expect(service.maxTotal == 2.0)
    }

    @Test func aLargeBatchIsScoredInOrderOnAllCores() throws {
        let service = try InProcessServer.r1()
        let n = 200
        let queries = (0..<n).map { "Q\($0)<think>t</think><answer>\($0 % 3 == 0 ? $0 : -1)</answer>" }
        let body: [String: Any] = [
            "query": queries, "prompts": (0..<n).map { "Q\($0)" }, "labels": (0..<n).map { "\($0)" },
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let out = Self.reply(service, getReward: text)
        let rewards = try #require(out["rewards"] as? [Double])
        #expect(rewards == (0..<n).map { $0 % 3 == 0 ? 1.5 : 0.5 })
        let logs = try #require(out["extra_logs"] as? [String: [Double]])
        #expect(logs["accuracy"] == (0..<n).map { $0 % 3 == 0 ? 1 : 0 })
        #expect(logs["error"] == Array(repeating: 0, count: n))
        #expect(out["errors"] == nil)
    }

    @Test func aMissingLabelIsThatSamplesErrorNotASilentZero() throws {
        let out = Self.reply(
            try InProcessServer.r1(),
            getReward:
                #"{"query":["Q<answer>1</answer>","Q<answer>1</answer>"],"prompts":["Q","Q"],"labels":["1",null]}"#)
        #expect(out["rewards"] as? [Double] == [1, 0])
        #expect((out["extra_logs"] as? [String: [Double]])?["error"] == [0, 1])
        let errors = try #require(out["errors"] as? [Any])
        #expect(errors[0] is NSNull)
        #expect((errors[1] as? String)?.contains("no answer") == true)
    }

    @Test func aBadLabelIsThatSamplesErrorAndAListIsAnyOfItsAnswers() throws {
        let queries = Array(repeating: "Q<think>t</think><answer>7</answer>", count: 5)
        let body: [String: Any] = [
            "query": queries, "prompts": Array(repeating: "Q", count: 5),
            "labels": [["3", "7"], ["3", "5"], ["x": 1], [1, ["y"]], 7],
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let out = Self.reply(try InProcessServer.r1(), getReward: text)
        #expect(out["rewards"] as? [Double] == [1.5, 0.5, 0, 0, 1.5])
        let logs = try #require(out["extra_logs"] as? [String: [Double]])
        #expect(logs["accuracy"] == [1, 0, 0, 0, 1])
        #expect(logs["error"] == [0, 0, 1, 1, 0])
        let errors = try #require(out["errors"] as? [Any])
        #expect((errors[2] as? String)?.contains("labels' item 2 is an object") == true)
        #expect((errors[3] as? String)?.contains("labels' item 3 item 1 is an array") == true)
        #expect(errors[4] is NSNull)
    }

    @Test func scoreReadsAListOfAnswersAsAnyOfThemAndAnObjectAsThatRowsError() throws {
        let service = try InProcessServer.r1()
        var body = [
            #"{"prompt":"Q","response":"<think>t</think><answer>7</answer>","answer":["3","7"]}"#,
            #"{"prompt":"Q","response":"<think>t</think><answer>7</answer>","answer":{"v":7}}"#,
        ].joined(separator: "\n")
        let reply = body.withUTF8 { service.score($0, step: 0) }
        let rows = reply.text.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count == 2)
        #expect(rows[0]?["reward"] as? Double == 1.5)
        #expect((rows[1]?["error"] as? String)?.contains("field 'answer' is an object") == true)
    }

    @Test func scoreRunsTheGroupStepWhenTheConfigHasOne() throws {
        let spec = try RewardSpec.parse(
            """
            rewards:
              - {name: accuracy, weight: 1.0}
            group:
              advantage: {estimator: grpo, epsilon: 1.0e-6}
            """)
        let service = RewardService(pipeline: try Pipeline(spec: spec))
        var body = (0..<4).map { #"{"prompt":"p","response":"<answer>\#($0 < 2 ? 1 : 0)</answer>","answer":"1"}"# }
            .joined(separator: "\n")
        let reply = body.withUTF8 { service.score($0, step: 3) }
        #expect(reply.status == 200)
        #expect(reply.contentType == "application/x-ndjson")
        let rows = reply.text.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let advantages = rows.compactMap { $0?["advantage"] as? Double }
        #expect(advantages.count == 4)
        #expect(advantages[0] > 0 && advantages[1] > 0 && advantages[2] < 0 && advantages[3] < 0)
        #expect(abs(advantages.reduce(0, +)) < 1e-9)
    }

    @Test func requestDecodingNamesTheItemAtFault() {
        var body = #"{"query":["a",{"x":1}],"prompts":["a","b"]}"#
        let result = body.withUTF8 { OpenRLHFRequest.decode($0) }
        #expect(result == .failure(.badField("query", "item 1 is an object, expected a string")))
    }

    @Test func theResponseIsTheQueryAfterThePromptBytes() throws {
        let request = OpenRLHFRequest(
            queries: ["<|user|>é?<|assistant|>x = 1"], prompts: ["<|user|>é?<|assistant|>"], labels: ["1"])
        #expect(
            try request.trajectory(0).get()
                == Trajectory(prompt: "<|user|>é?<|assistant|>", response: "x = 1", answer: "1"))
    }
}
