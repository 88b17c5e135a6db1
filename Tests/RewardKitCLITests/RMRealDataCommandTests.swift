import Foundation
import Testing

/// `rm synth --gsm8k`, `rm train` on step-labelled rows, `rm score` with step fields and
/// `rm eval`'s ranking and first-error sections, end to end on tiny files.
@Suite struct RMRealDataCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func synthTrainScoreAndEvalOnRealSolutions() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = Self.fixtures.appendingPathComponent("gsm8k_train_sample.jsonl").path
        let synth = try CommandRunner.run(
            ["rm", "synth", "--gsm8k", sample, "--per-problem", "3", "--out", "s.jsonl"], in: dir)
        #expect(synth.status == 0, "\(synth.stderr)")
        #expect(synth.stderr.contains("from 3 of 3 problems"))
        let rows = try String(contentsOf: dir.appendingPathComponent("s.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count >= 6)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as? [String: Any])
        #expect((first["first_error"] as? Int) == -1 && (first["steps"] as? [String])?.isEmpty == false)

        let train = try CommandRunner.run(
            ["rm", "train", "--data", "s.jsonl", "--epochs", "2", "--pairwise-weight", "1", "--out", "m.rkck"], in: dir)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stderr.contains("step-labelled rows"))

        let scored = try CommandRunner.run(
            ["rm", "score", "--model", "m.rkck", "-"], in: dir,
            stdin:
                #"{"prompt": "What is 2 + 3?", "response": "2 + 3 = 5\nA: 5", "steps": ["2 + 3 = 5", "2 * 3 = 7", "A: 7"]}"#
                + "\n" + #"{"prompt": "What is 2 + 3?", "response": "A: 5"}"#)
        #expect(scored.status == 0, "\(scored.stderr)")
        let out = scored.stdout.split(separator: "\n")
        #expect(out.count == 2)
        let withSteps = try #require(try JSONSerialization.jsonObject(with: Data(out[0].utf8)) as? [String: Any])
        #expect((withSteps["step_scores"] as? [Double])?.count == 3)
        // The false "2 * 3 = 7" is the first wrong step, whatever the tiny model thinks.
        let firstError = try #require(withSteps["first_error"] as? Int)
        #expect(firstError >= 0 && firstError <= 1)
        #expect(!out[1].contains("step_scores"))

        // Group-aware with weight 0 is majority voting: two of a group agree, the third does not.
        let grouped = try CommandRunner.run(
            ["rm", "score", "--model", "m.rkck", "--group-aware", "0", "-"], in: dir,
            stdin: """
                {"group": "g", "prompt": "What is 2 + 3?", "response": "2 + 3 = 5\\nA: 5"}
                {"group": "g", "prompt": "What is 2 + 3?", "response": "So it is 5.\\nA: 5"}
                {"group": "g", "prompt": "What is 2 + 3?", "response": "A: 6"}
                {"group": "h", "prompt": "What is 2 + 3?", "response": "A: 5"}
                """)
        #expect(grouped.status == 0, "\(grouped.stderr)")
        let values = try grouped.stdout.split(separator: "\n").map { line -> Double in
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let rewards = try #require(row["rewards"] as? [String: Any])
            #expect((rewards["thinking"] as? Double) == (row["reward"] as? Double))
            return try #require(rewards["thinking"] as? Double)
        }
        #expect(values == [0.5, 0.5, 0, 0])

        try """
        {"qid": 1, "question": "Q", "response": "2 + 3 = 5\\nA: 5", "is_correct": true}
        {"qid": 1, "question": "Q", "response": "2 + 3 = 6\\nA: 6", "is_correct": false}
        {"question": "P", "steps": ["1 + 1 = 2", "2 * 2 = 5", "A: 5"], "first_error": 1}

        """.write(to: dir.appendingPathComponent("e.jsonl"), atomically: true, encoding: .utf8)
        let eval = try CommandRunner.run(
            ["rm", "eval", "--model", "m.rkck", "--data", "e.jsonl", "--group-aware", "0.5", "--json"], in: dir)
        #expect(eval.status == 0, "\(eval.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
        let ranking = try #require(report["ranking"] as? [String: Any])
        #expect((ranking["groups"] as? Int) == 1 && (ranking["pairs"] as? Int) == 1)
        let firstErr = try #require(report["firstError"] as? [String: Any])
        let baseline = try #require(firstErr["calculationBaseline"] as? [String: Any])
        #expect((baseline["erroneousAccuracy"] as? Double) == 1)
        #expect(report["groupAware"] is [String: Any])
        let badFold = try CommandRunner.run(
            ["rm", "eval", "--model", "m.rkck", "--data", "e.jsonl", "--fold", "2/2"], in: dir)
        #expect(badFold.status != 0 && badFold.stderr.contains("--fold"))
    }
}
