import Foundation
import JSONLines
import Testing

@testable import Rewards

@Suite struct JSONLScorerTests {
    /// Scores `input` with the r1 preset and returns the output text and summary.
    static func score(
        _ input: [UInt8], chunkBytes: Int = 8 << 20, maxLineBytes: Int = 64 << 20, explain: Bool = false
    ) throws -> (String, ScoreSummary) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-scorer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("in.jsonl").path, outPath = dir.appendingPathComponent("out.jsonl").path
        try Data(input).write(to: URL(fileURLWithPath: inPath))
        var options = JSONLScorer.Options()
        options.chunkBytes = chunkBytes
        options.maxLineBytes = maxLineBytes
        options.explain = explain
        let scorer = JSONLScorer(pipeline: try Pipeline(spec: try RewardSpec.preset("r1")), options: options)
        let summary = try scorer.run(try ByteSource(path: inPath), into: try ByteSink(path: outPath))
        return (try String(contentsOfFile: outPath, encoding: .utf8), summary)
    }

    static func row(_ i: Int, correct: Bool = true) -> String {
        #"{"id":\#(i),"prompt":"q\#(i)","response":"<think>t</think><answer>\#(correct ? i : i + 1)</answer>","answer":"\#(i)","extra":{"k":[1,2.50,"x"]}}"#
    }

    @Test func everyRowComesBackInOrderWithUnknownFieldsByteForByte() throws {
        let lines = (0..<500).map { Self.row($0, correct: $0 % 3 != 0) }
        let (out, summary) = try Self.score(Array((lines.joined(separator: "\n") + "\n").utf8))
        let outLines = out.split(separator: "\n").map(String.init)
        #expect(outLines.count == 500)
        for (i, line) in outLines.enumerated() {
            // The input object is kept as written (2.50 stays 2.50), then rewards are appended.
            let expectedAccuracy = i % 3 != 0 ? 1 : 0
            let expectedReward = i % 3 != 0 ? "1.5" : "0.5"
            #expect(
                line == String(lines[i].dropLast())
                    + #","rewards":{"accuracy":\#(expectedAccuracy),"format":1},"reward":\#(expectedReward)}"#)
        }
        #expect(summary.rows == 500)
        #expect(summary.errors == 0)
        #expect(summary.componentMeans.map(\.name) == ["accuracy", "format"])
        #expect(abs(summary.componentMeans[0].mean - 333.0 / 500) < 1e-12)
        #expect(summary.componentMeans[1].mean == 1)
    }

    @Test func tinyChunksGiveTheSameOutputAsOneChunk() throws {
        var text = (0..<300).map { Self.row($0, correct: $0 % 2 == 0) }.joined(separator: "\n")
        text += "\n\nnot json\n  \n" + Self.row(300) + "\n{\"response\": 5}"  // blank lines, bad rows, no final newline
        let input = Array(text.utf8)
        let (whole, a) = try Self.score(input)
        for chunk in [64, 97, 300, 4096] {
            let (pieces, b) = try Self.score(input, chunkBytes: chunk)
            #expect(pieces == whole, "chunk \(chunk)")
            #expect(a.rows == b.rows && a.errors == b.errors && a.componentSums == b.componentSums)
        }
        #expect(a.rows == 303)
        #expect(a.errors == 2)
    }

    @Test func errorRowsCarryTheirPhysicalLineNumbers() throws {
        let text = Self.row(1) + "\n\n[1]\n" + Self.row(2) + "\r\n{\"prompt\": \"p\", \"id\": 9}\n"
        let (out, summary) = try Self.score(Array(text.utf8))
        let lines = out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1] == #"{"line":3,"error":"row is an array, expected a JSON object"}"#)
        #expect(lines[2].hasPrefix(#"{"id":2,"#))  // CRLF line scored like any other
        #expect(
            lines[3]
                == #"{"line":5,"error":"no response (fields response/completion/solution_str/output, or query with prompt)","prompt": "p","id": 9}"#
        )
        #expect(summary.errors == 2)
    }

    @Test func invalidUTF8BecomesAnErrorRowAndTheNextRowsStillScore() throws {
        var input = Array((Self.row(1) + "\n").utf8)
        input += Array(#"{"response": "caf"#.utf8) + [0xE9] + Array("\"}\n".utf8)
        input += Array((Self.row(3) + "\n").utf8)
        let (out, summary) = try Self.score(input)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == #"{"line":2,"error":"invalid UTF-8 at byte 17"}"#)  // 0-based: after {"response": "caf
        #expect(summary.errors == 1)
    }

    @Test func aLineOverTheLimitBecomesOneErrorRow() throws {
        let long = #"{"response": ""# + String(repeating: "a", count: 5000) + #""}"#
        let text = Self.row(1) + "\n" + long + "\n" + Self.row(3) + "\n"
        let (out, summary) = try Self.score(Array(text.utf8), chunkBytes: 256, maxLineBytes: 1024)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix(#"{"line":2,"error":"line of "#))
        #expect(lines[2].hasPrefix(#"{"id":3,"#))
        #expect(summary.rows == 3 && summary.errors == 1)
    }

    @Test func existingRewardsAreReplacedNotDuplicated() throws {
        let text =
            #"{"rewards": {"old": 1}, "response": "<think>a</think><answer>1</answer>", "reward": 9, "answer": "1", "z": null}"#
            + "\n"
        let (out, _) = try Self.score(Array(text.utf8))
        #expect(
            out
                == #"{"response": "<think>a</think><answer>1</answer>","answer": "1","z": null,"rewards":{"accuracy":1,"format":1},"reward":1.5}"#
                + "\n")
    }

    @Test func explanationsSayWhy() throws {
        let text = #"{"response": "<answer>7</answer>", "answer": "8"}"# + "\n"
        let (out, _) = try Self.score(Array(text.utf8), explain: true)
        let row = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let why = row["explanations"] as! [String: String]
        #expect(why["format"] == "missing <think>")
        #expect(why["accuracy"]?.contains("does not match") == true)
    }

    @Test func emptyInputWritesNothing() throws {
        let (out, summary) = try Self.score([])
        #expect(out.isEmpty)
        #expect(summary.rows == 0)
    }
}

@Suite struct BatchScorerTests {
    @Test func withoutAGroupStepItWritesWhatTheStreamingScorerWrites() throws {
        var text = (0..<200).map { JSONLScorerTests.row($0, correct: $0 % 2 == 0) }.joined(separator: "\n")
        text += "\n\n[1]\n{\"response\": 5}\n"
        let (streamed, a) = try JSONLScorerTests.score(Array(text.utf8))
        let batch = BatchScorer(rewards: .pipeline(try Pipeline(spec: try RewardSpec.preset("r1"))), stage: nil)
        let (bytes, b, groups) = batch.score(Array(text.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == streamed)
        #expect(a.rows == b.rows && a.errors == b.errors && a.componentSums == b.componentSums)
        #expect(groups.groups == 0)
    }

    /// A row the group step cannot use comes back as an error row naming the field it lacks.
    @Test func shareGRPORowsWithoutTheirVariantNameTheMissingField() throws {
        let text =
            [
                #"{"group":"q1","variant":0,"prompt":"What is 2+3?","response":"<think>2+3=5</think><answer>5</answer>","answer":"5"}"#,
                #"{"group":"q1","prompt":"What is 2+3?","response":"<think>2+3=6</think><answer>6</answer>","answer":"5"}"#,
                #"{"prompt":"What is 2+3?","response":"<answer>5</answer>","answer":"5"}"#,
            ].joined(separator: "\n") + "\n"
        let pipeline = try Pipeline(spec: try RewardSpec.preset("sharegrpo"))
        let batch = BatchScorer(rewards: .pipeline(pipeline), stage: pipeline.group.map { GroupStage(spec: $0) })
        let (bytes, summary, _) = batch.score(Array(text.utf8))
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"group":"q1","variant":0,"#))
        #expect(
            lines[1].hasPrefix(
                #"{"line":2,"error":"field 'variant' is missing: share_grpo needs the question variant that generated the response on every row","#
            ))
        #expect(
            lines[2].hasPrefix(
                #"{"line":3,"error":"field 'group' is missing: share_grpo needs the question id shared by its variants","#
            ))
        #expect(summary.errors == 2)
    }
}

@Suite struct ByteSinkTests {
    /// Many buffers (more than one `writev` takes), empty ones among them, come out in order and whole.
    @Test func writingManyBuffersKeepsTheirOrder() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rk-sink-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let buffers: [[UInt8]] = (0..<300).map { i in
            i % 7 == 0 ? [] : Array("\(i):".utf8) + Array(repeating: UInt8(65 + i % 26), count: i * 13)
        }
        do {
            let sink = try ByteSink(path: path)
            try sink.write(Array(buffers[..<150]))
            try sink.write(Array(buffers[150...]))
        }
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == buffers.flatMap { $0 })
    }
}

@Suite struct JSONLScorerFailureTests {
    /// A sink that refuses every write (a full disk) ends the run with the failure, not a hang.
    @Test func aFailingWriteEndsTheRunWithItsError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("in.jsonl").path
        let text = (0..<3000).map { JSONLScorerTests.row($0) }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: inPath))
        var options = JSONLScorer.Options()
        options.chunkBytes = 4096
        let scorer = JSONLScorer(pipeline: try Pipeline(spec: try RewardSpec.preset("r1")), options: options)
        #expect(throws: IOError.self) {
            _ = try scorer.run(try ByteSource(path: inPath), into: try ByteSink(path: "/dev/full"))
        }
    }
}
