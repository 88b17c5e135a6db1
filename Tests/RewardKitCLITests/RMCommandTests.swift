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
}
