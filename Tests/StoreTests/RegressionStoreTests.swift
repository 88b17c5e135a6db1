import Foundation
import Regression
import Rewards
import Store
import Testing

@Suite struct RegressionStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rk-regress-\(UUID().uuidString)/db.sqlite").path
    }

    static func outcome(
        _ id: String, verdict: Bool? = nil, rewards: [String: Double]? = nil
    ) -> RegressionRunner.Outcome {
        .init(
            id: id, kind: verdict == nil ? "reward" : "verifier", tags: [], passed: true, verdict: verdict,
            rewards: rewards,
            reason: "", expected: "", gold: nil, pred: nil, source: "")
    }

    @Test func baselinesAreStoredByNameAndReplacedWhole() throws {
        let path = Self.temporaryPath()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try RunStore.open(at: path)
        #expect(try store.baseline(named: "main") == nil)
        try store.saveBaseline(
            named: "main", outcomes: [Self.outcome("a", verdict: true), Self.outcome("r", rewards: ["x": 0.25])])
        try store.saveBaseline(named: "exp", outcomes: [Self.outcome("a", verdict: false)])
        let main = try #require(try store.baseline(named: "main"))
        #expect(main["a"] == .init(verdict: true, rewards: nil))
        #expect(main["r"] == .init(verdict: nil, rewards: ["x": 0.25]))
        #expect(try store.baseline(named: "exp")?["a"]?.verdict == false)
        try store.saveBaseline(named: "main", outcomes: [Self.outcome("b", verdict: true)])
        #expect(try store.baseline(named: "main")?.keys.sorted() == ["b"])
        // Reopening keeps everything, and the schema has every migration.
        let again = try RunStore.open(at: path)
        #expect(try again.baseline(named: "exp")?.count == 1)
        #expect(try again.appliedMigrations() == ["v1-runs", "v2-regression", "v3-run-outcome", "v4-model-replies"])
    }

    @Test func historyKeepsRunsOldestFirst() throws {
        let path = Self.temporaryPath()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try RunStore.open(at: path)
        for i in 0..<3 {
            try store.recordRegressRun(
                RegressRunRecord(
                    startedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)), baseline: "default",
                    inputs: "c.jsonl", cases: 10, passed: 10 - i, failed: i, flipped: 0,
                    tagPassRates: ["numbers": 1 - Double(i) / 10]))
        }
        let h = try store.regressHistory(limit: 2)
        #expect(h.map(\.failed) == [1, 2])
        #expect(h[1].tagPassRates == ["numbers": 0.8])
    }
}
