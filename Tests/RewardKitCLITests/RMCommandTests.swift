import Foundation
import Testing

/// `rewardkit rm synth`: writes the asked number of rows, the same ones for the same seed.
@Suite struct RMCommandTests {
    @Test func synthWritesRowsDeterministically() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try CommandRunner.run(["rm", "synth", "--n", "50", "--seed", "3", "--out", "a.jsonl"], in: dir)
        let b = try CommandRunner.run(["rm", "synth", "--n", "50", "--seed", "3", "--out", "b.jsonl"], in: dir)
        #expect(a.status == 0 && b.status == 0)
        let textA = try String(contentsOf: dir.appendingPathComponent("a.jsonl"), encoding: .utf8)
        let textB = try String(contentsOf: dir.appendingPathComponent("b.jsonl"), encoding: .utf8)
        #expect(textA == textB)
        let lines = textA.split(separator: "\n")
        #expect(lines.count == 50)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["score"] is NSNumber && first?["question"] is String && first?["response"] is String)
    }

    @Test func synthPairsAndBadUsage() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pairs = try CommandRunner.run(["rm", "synth", "--n", "7", "--pairs"], in: dir)
        #expect(pairs.status == 0)
        let rows = pairs.stdout.split(separator: "\n")
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.contains("\"chosen\"") && $0.contains("\"rejected\"") })
        let bad = try CommandRunner.run(["rm", "synth", "--n", "0"], in: dir)
        #expect(bad.status == 64 || bad.status == 2)
        #expect(bad.stderr.contains("--n"))
    }

    /// Graded rows a tiny model can learn: true sums score 1, hedged false ones 0.
    static func gradedRows(_ n: Int) -> String {
        (0..<n).map { k in
            // Two responses per question (one good, one bad), so within-question pairs exist.
            let p = k / 2, a = 3 + p % 17, b = 2 + (p * 7) % 13
            let q = "What is \(a) plus \(b)? (\(p))"
            if k % 2 == 0 {
                return
                    #"{"question": "\#(q)", "response": "We add: \#(a) + \#(b) = \#(a + b). Answer: \#(a + b)", "score": 1.0}"#
            }
            return
                #"{"question": "\#(q)", "response": "Maybe \#(a) + \#(b) = \#(a + b + 3), I think. Answer: \#(a + b + 3)", "score": 0.0}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func trainEvalAndScoreRoundTrip() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.gradedRows(120).write(to: dir.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
        let train = try CommandRunner.run(
            [
                "rm", "train", "--data", "train.jsonl", "--val", "train.jsonl", "--epochs", "3",
                "--lr", "0.01", "--out", "m.rkck",
            ], in: dir)
        #expect(train.status == 0, "\(train.stderr)")
        // Not a terminal: plain lines per epoch with validation figures, no bar.
        #expect(train.stderr.contains("epoch 3/3") && train.stderr.contains("pairwise acc"))
        #expect(!train.stderr.contains("\u{1B}["))

        let eval = try CommandRunner.run(
            ["rm", "eval", "--model", "m.rkck", "--data", "train.jsonl", "--json"], in: dir)
        #expect(eval.status == 0, "\(eval.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any]
        let metrics = report?["metrics"] as? [String: Any]
        #expect((metrics?["rows"] as? Int) == 120)
        #expect(((metrics?["pairwiseAccuracy"] as? Double) ?? 0) > 0.9)

        let rollouts = """
            {"id": 1, "prompt": "What is 4 plus 9?", "response": "We add: 4 + 9 = 13. Answer: 13", "extra": [1, 2]}

            {"id": 2, "prompt": "What is 4 plus 9?", "response": 5}
            not json
            """
        let score = try CommandRunner.run(["rm", "score", "--model", "m.rkck", "-"], in: dir, stdin: rollouts)
        #expect(score.status == 3)
        let lines = score.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines[0].hasPrefix(#"{"id": 1, "prompt""#) && lines[0].contains(#""extra": [1, 2]"#)
                && lines[0].contains(#""rewards":{"thinking":"#))
        #expect(lines[1].contains(#""line":3"#) && lines[1].contains("response"))
        #expect(lines[2].contains(#""line":4"#) && lines[2].contains("error"))

        // The same model inside a config for `rewardkit score`: loaded once, scored in process.
        try "rewards:\n  - {name: thinking, weight: 1.0, model: m.rkck}\n".write(
            to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let viaConfig = try CommandRunner.run(
            ["score", "--config", "c.yaml", "--no-db", "-"], in: dir,
            stdin: #"{"prompt": "What is 4 plus 9?", "response": "We add: 4 + 9 = 13. Answer: 13"}"#)
        #expect(viaConfig.status == 0, "\(viaConfig.stderr)")
        let sameRow = lines[0].components(separatedBy: #""rewards":"#).last?.prefix(30)
        #expect(sameRow.map { viaConfig.stdout.contains($0) } == true)
    }

    @Test func badRowsStopTrainAndEvalNamingLineAndField() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = Self.gradedRows(4) + #"{"question": "q", "response": "r", "score": 1.7}"# + "\n"
        try rows.write(to: dir.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
        let train = try CommandRunner.run(["rm", "train", "--data", "bad.jsonl", "--out", "m.rkck"], in: dir)
        #expect(train.status == 1)
        #expect(train.stderr.contains("bad.jsonl: line 5") && train.stderr.contains("'score'"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.rkck").path))

        try Self.gradedRows(20).write(to: dir.appendingPathComponent("good.jsonl"), atomically: true, encoding: .utf8)
        #expect(
            try CommandRunner.run(["rm", "train", "--data", "good.jsonl", "--epochs", "1", "--out", "m.rkck"], in: dir)
                .status == 0)
        let eval = try CommandRunner.run(["rm", "eval", "--model", "m.rkck", "--data", "bad.jsonl"], in: dir)
        #expect(eval.status == 1)
        #expect(eval.stderr.contains("bad.jsonl: line 5") && eval.stderr.contains("expected a number in [0,1]"))

        try Data("RKCK garbage".utf8).write(to: dir.appendingPathComponent("broken.rkck"))
        let broken = try CommandRunner.run(["rm", "score", "--model", "broken.rkck", "-"], in: dir, stdin: "")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken.rkck"))
    }
}
