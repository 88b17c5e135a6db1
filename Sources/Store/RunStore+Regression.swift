import Foundation
import GRDB
import Regression
import Rewards

/// One `rewardkit regress` run, for the history.
public struct RegressRunRecord: Sendable, Equatable {
    /// When it ran.
    public var startedAt: Date
    /// The baseline it compared with.
    public var baseline: String
    /// The case files, comma-separated.
    public var inputs: String
    /// Case counts.
    public var cases: Int, passed: Int, failed: Int, flipped: Int
    /// Pass rate per tag.
    public var tagPassRates: [String: Double]

    /// Makes a record.
    public init(
        startedAt: Date, baseline: String, inputs: String, cases: Int, passed: Int, failed: Int, flipped: Int,
        tagPassRates: [String: Double]
    ) {
        self.startedAt = startedAt
        self.baseline = baseline
        self.inputs = inputs
        self.cases = cases
        self.passed = passed
        self.failed = failed
        self.flipped = flipped
        self.tagPassRates = tagPassRates
    }
}

extension RunStore {
    /// The stored baseline called `name` by case id, or nil when none is stored under that name.
    public func baseline(named name: String) throws(StoreError) -> [String: BaselineComparison.Entry]? {
        try StoreError.wrapping(path: path, operation: "reading baseline '\(name)'") {
            try queue.read { db in
                let rows = try Row.fetchAll(
                    db, sql: "SELECT case_id, verdict, rewards FROM \(StoreSchema.baselineTable) WHERE name = ?",
                    arguments: [name])
                guard !rows.isEmpty else { return nil }
                var entries: [String: BaselineComparison.Entry] = [:]
                for row in rows {
                    let verdict: Int64? = row["verdict"]
                    let rewardsText: String? = row["rewards"]
                    entries[row["case_id"]] = BaselineComparison.Entry(
                        verdict: verdict.map { $0 != 0 },
                        rewards: try rewardsText.map { try ComponentMeansCodec.decode($0) })
                }
                return entries
            }
        }
    }

    /// Replaces the baseline called `name` with `outcomes` (in one transaction: a failure keeps the old one).
    public func saveBaseline(
        named name: String, outcomes: [RegressionRunner.Outcome], at date: Date = Date()
    ) throws(StoreError) {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        try StoreError.wrapping(path: path, operation: "storing baseline '\(name)'") {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM \(StoreSchema.baselineTable) WHERE name = ?", arguments: [name])
                for o in outcomes {
                    try db.execute(
                        sql:
                            "INSERT INTO \(StoreSchema.baselineTable) (name, case_id, kind, verdict, rewards, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [
                            name, o.id, o.kind, o.verdict.map { $0 ? 1 : 0 },
                            try o.rewards.map { try ComponentMeansCodec.encode($0) }, ms,
                        ])
                }
            }
        }
    }

    /// Records a regression run in the history.
    public func recordRegressRun(_ run: RegressRunRecord) throws(StoreError) {
        try StoreError.wrapping(path: path, operation: "recording a regression run") {
            try queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO \(StoreSchema.regressRunTable) (started_at_ms, baseline, inputs, cases, passed, failed, flipped, tag_pass_rates) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        Int64((run.startedAt.timeIntervalSince1970 * 1000).rounded()), run.baseline, run.inputs,
                        run.cases,
                        run.passed, run.failed, run.flipped, try ComponentMeansCodec.encode(run.tagPassRates),
                    ])
            }
        }
    }

    /// The `limit` most recent regression runs, oldest first (so a history reads down in time).
    public func regressHistory(limit: Int) throws(StoreError) -> [RegressRunRecord] {
        try StoreError.wrapping(path: path, operation: "reading the regression history") {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM \(StoreSchema.regressRunTable) ORDER BY started_at_ms DESC, id DESC LIMIT ?",
                    arguments: [limit]
                ).reversed().map { row throws in
                    let ms: Int64 = row["started_at_ms"]
                    return RegressRunRecord(
                        startedAt: Date(timeIntervalSince1970: Double(ms) / 1000), baseline: row["baseline"],
                        inputs: row["inputs"], cases: row["cases"], passed: row["passed"], failed: row["failed"],
                        flipped: row["flipped"], tagPassRates: try ComponentMeansCodec.decode(row["tag_pass_rates"]))
                }
            }
        }
    }
}
