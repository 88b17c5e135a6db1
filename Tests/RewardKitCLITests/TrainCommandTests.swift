import Foundation
import Testing

/// `rewardkit train`: sft -> grpo -> eval -> report end to end on a tiny task file, and a bad
/// task row named by file, line and field.
@Suite struct TrainCommandTests {
    static let task = """
        {"prompt": "Ann has 2 pens. She gets 1 more. How many pens now?", "answer": 3, "key_steps": ["2+1=3"]}
        {"prompt": "Bob has 5 eggs. He loses 2. How many eggs now?", "answer": "3", "key_steps": ["5-2=3"]}
        {"prompt": "Cy has 4 cards. He doubles them. How many cards now?", "answer": 8, "key_steps": ["4*2=8"]}
        """

    @Test func sftGrpoEvalAndReportRunEndToEnd() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.task.write(to: dir.appendingPathComponent("task.jsonl"), atomically: true, encoding: .utf8)
        let sft = try CommandRunner.run(
            ["train", "sft", "--task", "task.jsonl", "--out", "sft.ckpt", "--steps", "2", "--batch", "2"], in: dir)
        #expect(sft.status == 0, "\(sft.stderr)")
        let grpo = try CommandRunner.run(
            [
                "train", "grpo", "--task", "task.jsonl", "--init", "sft.ckpt", "--preset", "r1", "--out", "g.ckpt",
                "--log", "g.jsonl", "--steps", "2", "--group", "2", "--batch", "1", "--eval-n", "2",
            ], in: dir)
        #expect(grpo.status == 0, "\(grpo.stderr)")
        let log = try String(contentsOf: dir.appendingPathComponent("g.jsonl"), encoding: .utf8).split(separator: "\n")
        // Step 0 (evaluation of the SFT start), steps 1 and 2 (the last with its evaluation).
        #expect(log.count == 3)
        #expect(log.first?.contains("\"eval_accuracy\"") == true && log.last?.contains("\"eval_accuracy\"") == true)
        #expect(
            log[1].contains("\"frac_zero_std\"") && log[1].contains("\"kl\"") && log[1].contains("\"tokens_per_s\""))
        let html = try String(contentsOf: dir.appendingPathComponent("g.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("held-out greedy accuracy"))
        let eval = try CommandRunner.run(
            ["train", "eval", "--model", "g.ckpt", "--task", "task.jsonl", "--n", "2", "--json"], in: dir)
        #expect(eval.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any]
        #expect(object?["accuracy"] is NSNumber && (object?["n"] as? Int) == 2)
        // Resuming a finished run takes no more steps and leaves the log as it was, but for nothing.
        let resumed = try CommandRunner.run(
            [
                "train", "grpo", "--task", "task.jsonl", "--preset", "r1", "--out", "g.ckpt", "--log", "g.jsonl",
                "--steps", "2", "--group", "2", "--batch", "1", "--eval-n", "2", "--resume",
            ], in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(
            try String(contentsOf: dir.appendingPathComponent("g.jsonl"), encoding: .utf8).split(separator: "\n").count
                == 3)
    }

    @Test func badTaskRowIsNamed() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"prompt\": \"1+1?\", \"answer\": 2}\n{\"prompt\": \"2+2?\"}\n".write(
            to: dir.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(
            ["train", "sft", "--task", "bad.jsonl", "--out", "x.ckpt", "--steps", "1"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.jsonl:2: field 'answer' is missing"))
        let usage = try CommandRunner.run(["train", "grpo", "--out", "x.ckpt"], in: dir)
        #expect(usage.status != 0 && usage.stderr.contains("--init"))
    }
}
