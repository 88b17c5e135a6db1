import Foundation
import GRDB
import Testing

@testable import Store

/// Runs recorded when they start and updated when they end, and databases from before that.
@Suite("Run outcomes")
struct RunOutcomeTests {
    @Test func aRunRecordedAtItsStartIsUpdatedWithHowItEnded() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        var run = makeRun()
        run.status = .running
        run.output = "out.jsonl"
        run.id = try store.record(run)
        #expect(try store.recentRuns(limit: 1).first?.status == .running)

        run.status = .interrupted
        run.rows = 40
        run.rowsWritten = 40
        try store.update(run)
        #expect(try store.recentRuns(limit: 10) == [run])
    }

    @Test func updatingARunThatWasNeverRecordedFails() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        #expect(throws: StoreError.self) { try store.update(makeRun()) }
    }

    @Test func aDatabaseFromBeforeRunOutcomesKeepsItsRunsAsComplete() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("old.sqlite")
        try FileManager.default.createDirectory(atPath: dir.url.path, withIntermediateDirectories: true)
        // A database as the previous release left it: migrated up to v2, with one run recorded.
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator().migrate(queue, upTo: "v2-regression")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run (started_at_ms, command, input, config_text, config_hash, row_count, error_count,
                                     component_means, seconds, rows_per_second)
                    VALUES (1800000000123, 'score', 'old.jsonl', '', 'cbf29ce484222325', 7, 1, '{"reward":0.5}', 1.0, 7.0)
                    """)
        }
        try queue.close()

        let store = try RunStore.open(at: path)
        #expect(try store.appliedMigrations() == ["v1-runs", "v2-regression", "v3-run-outcome", "v4-model-replies"])
        let old = try #require(try store.recentRuns(limit: 10).first)
        #expect(old.status == .complete && old.output == nil && old.rowsWritten == nil)
        #expect(old.input == "old.jsonl" && old.rows == 7 && old.errors == 1 && old.componentMeans == ["reward": 0.5])
    }
}
