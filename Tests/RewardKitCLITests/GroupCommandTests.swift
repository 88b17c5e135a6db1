import Foundation
import Testing

/// The group methods from the command line: `score` with `group:` presets, `advantages`, `expand`.
@Suite struct GroupCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func rows(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func shareGRPOPresetExpandsAndReportsVanishingBeforeAndAfter() throws {
        let r = try CommandRunner.run(
            ["score", "sharegrpo_rollouts.jsonl", "--preset", "sharegrpo", "--no-db"], in: Self.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        let out = Self.rows(r.stdout)
        #expect(out.count == 64)  // 4 questions x (2 variants x 2 variants x 4 responses)
        #expect(out.filter { $0["shared"] as? Bool == true }.count == 32)
        #expect(r.stderr.contains("frac_zero_std 0.6250 per variant before sharing, 0.2500 per question after"))
        // reward = 0.9 accuracy + 0.1 boxed format
        #expect(
            out.allSatisfy { row in
                let rewards = row["rewards"] as! [String: Double]
                return abs((row["reward"] as! Double) - (0.9 * rewards["accuracy"]! + 0.1 * rewards["format"]!)) < 1e-12
            })
    }

    @Test func advantagesReproduceTheShareGRPOWorkedExample() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = (0..<6).map { _ in #"{"group":"q","variant":"A","reward":0}"# }
        lines +=
            [#"{"group":"q","variant":"B","reward":1}"#]
            + (0..<5).map { _ in #"{"group":"q","variant":"B","reward":0}"# }
        let r = try CommandRunner.run(
            ["advantages", "--estimator", "share_grpo"], in: dir, stdin: lines.joined(separator: "\n"))
        #expect(r.status == 0, "\(r.stderr)")
        let out = Self.rows(r.stdout)
        #expect(out.count == 24)
        let bCorrect = out.filter { $0["reward"] as? Double == 1 }
        #expect(bCorrect.count == 2)
        let own = try #require(bCorrect.first { $0["shared"] as? Bool == false })
        let shared = try #require(bCorrect.first { $0["shared"] as? Bool == true })
        #expect(abs((own["advantage"] as! Double) - 5.288) < 1e-3)
        #expect(abs((shared["advantage"] as! Double) - 3.247) < 1e-3)
        #expect(shared["prompt_variant"] as? String == "A")
    }

    @Test func trustWeightingNeedsThinkingScoresAndNamesTheRow() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = [
            #"{"uid":"g","rewards":{"accuracy":1,"thinking":0.2}}"#, #"{"uid":"g","rewards":{"accuracy":0}}"#,
            #"{"uid":"g","rewards":{"accuracy":0,"thinking":0.8}}"#,
        ].joined(separator: "\n")
        let r = try CommandRunner.run(
            ["advantages", "--trust", "paper", "--schedule", "constant"], in: dir, stdin: input)
        #expect(r.status == 3)
        let out = Self.rows(r.stdout)
        #expect(out.count == 3)
        #expect(out[1]["line"] as? Int == 2)
        #expect((out[1]["error"] as? String)?.contains("thinking score") == true)
        // The other two form the group: mu_c 0.2 < mu_w 0.8, so gamma = exp(-0.6).
        #expect(abs((out[0]["trust"] as! Double) - exp(-0.6)) < 1e-12)
        #expect(abs((out[0]["reward"] as! Double) - (1 + exp(-0.6) * 0.3 * 0.2)) < 1e-12)
    }

    @Test func sophiaVLPresetScoresWithTrust() throws {
        let r = try CommandRunner.run(
            ["score", "sophiavl_rollouts.jsonl", "--preset", "sophiavl", "--step", "100", "--no-db"], in: Self.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        let out = Self.rows(r.stdout)
        #expect(out.count == 12)
        #expect(out.allSatisfy { $0["trust"] != nil && $0["advantage"] != nil })
        // s3-r2 answers "x = 4" without the think/answer format: the gate zeroes its accuracy.
        let ungated = try #require(out.first { $0["id"] as? String == "s3-r2" })
        #expect((ungated["rewards"] as? [String: Double])?["accuracy"] == 0)
        #expect(r.stderr.contains("trust (paper) mean gamma"))
    }

    @Test func expandWritesVariantsThatScoreTogether() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(
            ["expand", "--variants", "3", "--seed", "4"], in: dir,
            stdin: #"{"prompt":"Tom has 3 apples. Ann has 4 pears. How many fruits?","answer":"7"}"# + "\n\n{bad\n")
        #expect(r.status == 3)
        let out = r.stdout.split(separator: "\n")
        #expect(out.count == 4)
        #expect(out[3].hasPrefix(#"{"line":3,"error":"invalid JSON"#))
        let variants = Self.rows(out.prefix(3).joined(separator: "\n"))
        #expect(variants.map { $0["variant"] as? Int } == [0, 1, 2])
        #expect(Set(variants.map { $0["prompt"] as! String }).count == 3)
    }

    @Test func badEstimatorIsAUsageError() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CommandRunner.run(["advantages", "--estimator", "ppo"], in: dir, stdin: "").status == 2)
        #expect(try CommandRunner.run(["expand", "--variants", "0"], in: dir, stdin: "").status == 2)
    }
}
