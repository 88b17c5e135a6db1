import Foundation
import JSONLines
import Rewards
import TestSupport
import Testing

/// Scored output of synthetic rollouts, alias rows and edge rows (errors, escapes, options,
/// existing rewards), recorded before the scoring hot path was optimised: the bytes must not move.
/// Re-recorded once when `accuracy` moved to the math engine: one verdict changed, `1e5` against
/// `100000`, which the simple comparator missed and the engine gets right; and once when a
/// response that is nothing but an answer (`579`) became a stated answer: explanations moved
/// from "no final answer found" to the mismatch, no reward changed.
@Suite struct PinnedScoringTests {
    static let input = Fixture.url("pinned_rollouts.jsonl").path

    @Test(arguments: [
        (false, 8 << 20, "pinned_rollouts_scored_plain.jsonl"), (true, 8 << 20, "pinned_rollouts_scored.jsonl"),
        (false, 4096, "pinned_rollouts_scored_plain.jsonl"), (true, 1000, "pinned_rollouts_scored.jsonl"),
    ])
    func outputBytesAreUnchanged(explain: Bool, chunkBytes: Int, expected: String) throws {
        var options = JSONLScorer.Options()
        options.explain = explain
        options.chunkBytes = chunkBytes
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pinned-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let pipeline = try Pipeline(spec: RewardSpec.preset("r1"))
        let summary = try JSONLScorer(pipeline: pipeline, options: options).run(
            ByteSource(path: Self.input), into: ByteSink(path: out.path))
        #expect(summary.rows == 345 && summary.errors == 24)
        #expect(try Data(contentsOf: out) == Data(contentsOf: Fixture.url(expected)))
    }
}
