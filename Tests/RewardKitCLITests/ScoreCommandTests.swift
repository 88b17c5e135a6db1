import Foundation
import Testing

/// `rewardkit score` as a user runs it: output rows, the summary, exit codes, the run store.
@Suite struct ScoreCommandTests {
    static let good = #"{"prompt":"2+2?","response":"<think>2+2=4</think><answer>4</answer>","answer":"4"}"#
    static let wrong = #"{"prompt":"2+2?","response":"<think>2+2=5</think><answer>5</answer>","answer":"4"}"#

    @Test func scoresStandardInputToStandardOutputWithExitZero() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(["score", "--no-db"], in: dir, stdin: Self.good + "\n" + Self.wrong + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix(#","rewards":{"accuracy":1,"format":1},"reward":1.5}"#))
        #expect(lines[1].hasSuffix(#","rewards":{"accuracy":0,"format":1},"reward":0.5}"#))
        #expect(r.stderr.contains("scored 2 rows (0 errors)"))
        #expect(r.stderr.contains("accuracy  mean 0.5000"))
    }

    @Test func someErrorRowsExitThreeWithEveryRowWritten() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl")
        try (Self.good + "\n{broken\n" + Self.wrong + "\n").write(to: input, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["score", "in.jsonl", "--out", "out.jsonl", "--no-db"], in: dir)
        #expect(r.status == 3)
        #expect(r.stdout.isEmpty)
        let out = try String(contentsOf: dir.appendingPathComponent("out.jsonl"), encoding: .utf8).split(
            separator: "\n")
        #expect(out.count == 3)
        #expect(out[1].hasPrefix(#"{"line":2,"error":"invalid JSON"#))
        #expect(r.stderr.contains("scored 3 rows (1 errors)"))
    }

    @Test func badUsageExitsTwo() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in [
            ["score", "--bogus"], ["score", "--preset", "r1", "--config", "x.yaml"], ["score", "--preset", "nope"],
            ["score", "--db", "a.sqlite", "--no-db"],
        ] {
            let r = try CommandRunner.run(args, in: dir, stdin: "")
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(!r.stderr.isEmpty)
        }
    }

    @Test func unreadableConfigOrInputIsFatal() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missingConfig = try CommandRunner.run(
            ["score", "--config", "missing.yaml", "--no-db"], in: dir, stdin: Self.good)
        #expect(missingConfig.status == 1)
        #expect(missingConfig.stderr.contains("cannot read config missing.yaml"))
        try "rewards: [".write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let badConfig = try CommandRunner.run(["score", "--config", "bad.yaml", "--no-db"], in: dir, stdin: Self.good)
        #expect(badConfig.status == 1)
        #expect(badConfig.stderr.contains("bad.yaml"))
        let missingInput = try CommandRunner.run(["score", "nothere.jsonl", "--no-db"], in: dir)
        #expect(missingInput.status == 1)
        #expect(missingInput.stderr.contains("cannot open nothere.jsonl"))
    }

    @Test func runsAreRecordedAndListed() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try (Self.good + "\n" + Self.wrong + "\n").write(
            to: dir.appendingPathComponent("in.jsonl"), atomically: true, encoding: .utf8)
        let first = try CommandRunner.run(["score", "in.jsonl", "--out", "o.jsonl"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".rewardkit/rewardkit.sqlite").path))
        let second = try CommandRunner.run(["score", "in.jsonl", "--out", "o.jsonl", "--db", "other.sqlite"], in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        let runs = try CommandRunner.run(["runs", "--json"], in: dir)
        #expect(runs.status == 0, "\(runs.stderr)")
        let records = runs.stdout.split(separator: "\n")
        #expect(records.count == 1)  // the second run went to other.sqlite
        let row = try JSONSerialization.jsonObject(with: Data(records[0].utf8)) as! [String: Any]
        #expect(row["rows"] as? Int == 2)
        #expect(row["input"] as? String == "in.jsonl")
        #expect((row["componentMeans"] as? [String: Double])?["accuracy"] == 0.5)
        #expect((row["componentMeans"] as? [String: Double])?["reward"] == 1.0)
        let other = try CommandRunner.run(["runs", "--json", "--db", "other.sqlite"], in: dir)
        #expect(other.stdout.split(separator: "\n").count == 1)
        let table = try CommandRunner.run(["runs"], in: dir)
        #expect(table.stdout.contains("in.jsonl"))
    }

    @Test func aCorruptDatabaseFailsBeforeScoringAndIsLeftAlone() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("runs.sqlite")
        try Data("this is not sqlite".utf8).write(to: db)
        let r = try CommandRunner.run(["score", "--db", "runs.sqlite", "--out", "o.jsonl"], in: dir, stdin: Self.good)
        #expect(r.status == 1)
        #expect(r.stderr.contains("--no-db"))
        #expect(try Data(contentsOf: db) == Data("this is not sqlite".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.jsonl").path))
    }

    @Test func chatAndVerlRowsScoreThroughAliases() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = [
            #"{"prompt":[{"role":"user","content":"2+2?"}],"completion":[{"role":"assistant","content":"<think>x</think><answer>4</answer>"}],"solution":"4"}"#,
            #"{"solution_str":"<think>x</think><answer>4</answer>","reward_model":{"ground_truth":"4"}}"#,
            #"{"prompt":"Q ","query":"Q <think>x</think><answer>4</answer>","label":"4"}"#,
        ]
        let r = try CommandRunner.run(["score", "--no-db"], in: dir, stdin: rows.joined(separator: "\n"))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(#""reward":1.5}"#) })
    }

    @Test func helpShowsAnExample() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(["score", "--help"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("rewardkit score Fixtures/rollouts.jsonl"))
    }
}
