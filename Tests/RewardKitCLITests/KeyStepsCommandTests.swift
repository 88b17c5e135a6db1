import Foundation
import Testing

/// `rewardkit keysteps` and `rewardkit score` on Mulberry rollouts, as a user runs them.
@Suite struct KeyStepsCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func addsKeyStepsAndWritesErrorRowsForRowsWithoutAReference() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input =
            [
                ####"{"id":1,"reference":"### Step 1:\nBD = \\frac{12}{2} = 6.\n### Step 2:\nAD is a median.\n### The final answer is: 6"}"####,
                #"{"id":2,"prompt":"no reference here","response":"x"}"#,
                #"{"id":3,"solution":"There are 24 apples.","key_steps":["stale"]}"#,
            ].joined(separator: "\n") + "\n"
        let r = try CommandRunner.run(["keysteps", "--out", "out.jsonl"], in: dir, stdin: input)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("from 3 rows (1 errors"))
        let lines = try String(contentsOf: dir.appendingPathComponent("out.jsonl"), encoding: .utf8).split(
            separator: "\n")
        #expect(lines.count == 3)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        let steps = first["key_steps"] as? [[String]] ?? []
        #expect(steps.map { $0.first ?? "" } == ["BD=12/2=6", "AD is a median"])
        #expect(lines[1].hasPrefix(#"{"line":2,"error":"no reference solution (fields reference/solution/answer"#))
        let third = try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as! [String: Any]
        #expect(third["key_steps"] as? [[String]] == [["24 apples"]])
    }

    @Test func cleanRunExitsZeroAndCapsPerStep() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(
            ["keysteps", "--max-per-step", "1"], in: dir, stdin: #"{"answer":"a = 1, b = 2, c = 3"}"# + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let row = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((row["key_steps"] as? [[String]])?.count == 1)
        let bad = try CommandRunner.run(["keysteps", "--max-per-step", "0"], in: dir, stdin: "")
        #expect(bad.status == 2)
        let help = try CommandRunner.run(["keysteps", "--help"], in: dir)
        #expect(help.stdout.contains("rewardkit keysteps Fixtures/keysteps_quality.jsonl"))
    }

    @Test func scoresMulberryRolloutsWithTheStepGRPORewards() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = Self.root.appendingPathComponent("Fixtures/mulberry_rollouts.jsonl").path
        let config = Self.root.appendingPathComponent("Fixtures/configs/stepgrpo-rewards.yaml").path
        let r = try CommandRunner.run(["score", fixture, "--config", config, "--explain", "--no-db"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let rowCount = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n").count
        #expect(rowCount >= 17)
        for line in r.stdout.split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let rewards = try #require(row["rewards"] as? [String: Double])
            let expected = try #require(row["expected"] as? [String: Any])
            let paper =
                (expected["step_accuracy_paper"] as? Double ?? .nan)
                + (expected["step_validity_paper"] as? Double ?? .nan)
            #expect(abs((row["reward"] as? Double ?? .nan) - paper) < 1e-9, "\(row["id"] ?? "?")")
            #expect(rewards.keys.sorted() == ["step_accuracy", "step_validity"])
        }
        #expect(r.stderr.contains("scored \(rowCount) rows (0 errors)"))
        // The preset carries `group:` (GRPO advantages, eps 1e-4): the same rewards as the config,
        // plus an advantage on every row.
        let preset = try CommandRunner.run(["score", fixture, "--preset", "stepgrpo", "--no-db"], in: dir)
        #expect(preset.status == 0, "\(preset.stderr)")
        let presetRows = preset.stdout.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        let direct = r.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["reward"] as? Double
        }
        #expect(presetRows.compactMap { $0["reward"] as? Double } == direct)
        #expect(presetRows.count == rowCount && presetRows.allSatisfy { $0["advantage"] is Double })
    }
}
