import Foundation
import JSONLines
import Testing

@testable import Rewards

@Suite struct ScoreColumnsTests {
    static func rows() -> [UInt8] {
        var lines = (0..<40).map { i in
            "{\"id\":\(i),\"prompt\":\"q\(i % 5)\",\"response\":\"<think>t</think><answer>\(i % 3)</answer>\",\"answer\":\"\(i % 2)\"}"
        }
        lines.insert("{\"id\":100,\"response\":5}", at: 7)
        lines.insert("[1]", at: 20)
        lines.insert(
            "{\"id\":101,\"prompt\":\"q\",\"response\":\"7\",\"answer\":\"7\",\"problem_type\":\"bogus\"}", at: 30)
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Output rows read with the project's own JSON parser (Foundation's rounds some doubles in
    /// the last digit, which would hide whether the columns hold the written values exactly).
    static func objects(_ bytes: [UInt8]) throws -> [[String: JSONValue]] {
        try String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
            let value = try Array(line.utf8).withUnsafeBufferPointer { try JSONDocument.parse($0).get() }
            guard case let .object(members) = value else { Issue.record("not an object: \(line)"); return [:] }
            return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
    }

    static func number(_ value: JSONValue?) -> Double? { if case let .number(n)? = value { n } else { nil } }

    /// Every column entry is what the scored row says, error rows included, for the r1 preset and a
    /// GRPO group step.
    @Test(arguments: [
        "rewards: [{name: accuracy}, {name: format, weight: 0.5}]",
        "rewards: [{name: accuracy}]\ngroup: {advantage: {estimator: grpo}}",
    ])
    func columnsEqualTheScoredRows(config: String) throws {
        let pipeline = try Pipeline(spec: try RewardSpec.parse(config, source: "test"))
        let scorer = BatchScorer(rewards: .pipeline(pipeline), stage: pipeline.group.map { GroupStage(spec: $0) })
        let input = Self.rows()
        let rows = try Self.objects(scorer.score(input).output)
        let columns = try scorer.columns(input).get()
        #expect(rows.count == 43 && columns.reward.count == 43 && columns.error.compactMap { $0 }.count == 3)
        #expect((columns.advantage != nil) == (pipeline.group != nil))
        for (i, row) in rows.enumerated() {
            var error: String?
            if case let .string(e)? = row["error"] { error = e }
            #expect(columns.error[i] == error)
            #expect(columns.reward[i] == Self.number(row["reward"]))
            #expect(columns.advantage?[i] == Self.number(row["advantage"]))
            var rewards: [String: Double] = [:]
            if case let .object(members)? = row["rewards"] {
                for m in members { rewards[m.key] = Self.number(m.value) }
            }
            for (c, name) in columns.components.enumerated() { #expect(columns.rewards[c][i] == rewards[name]) }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(columns.json)) as? [String: Any])
        #expect((json["reward"] as? [Any])?.count == 43 && (json["error"] as? [Any])?.count == 43)
    }

    @Test func shareGRPOIsRefused() throws {
        let pipeline = try Pipeline(
            spec: try RewardSpec.parse(
                "rewards: [{name: accuracy}]\ngroup: {advantage: {estimator: share_grpo}}", source: "test"))
        let scorer = BatchScorer(rewards: .pipeline(pipeline), stage: pipeline.group.map { GroupStage(spec: $0) })
        #expect(throws: RowBatchError.self) { try scorer.columns(Self.rows()).get() }
    }
}
