import GRDB

/// The database schema as an ordered list of named GRDB migrations.
///
/// Migrations are append-only: a shipped migration is never edited or renamed, because databases
/// in the wild record its identifier in `grdb_migrations`. New tables (verifier baselines, case
/// verdicts, run history) arrive as new migrations appended below. A database that names a
/// migration this list lacks came from a newer build and is refused rather than touched.
enum StoreSchema {
    /// The table that holds one row per recorded command run.
    static let runTable = "run"

    /// All migrations in the order they must apply.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs") { db in
            try db.create(table: runTable) { t in
                t.autoIncrementedPrimaryKey("id")
                // Integer milliseconds, not GRDB's default date text: it round-trips exactly and
                // sorts as a number. In sqlite3: datetime(started_at_ms / 1000, 'unixepoch').
                t.column("started_at_ms", .integer).notNull()
                t.column("command", .text).notNull()
                t.column("input", .text).notNull()
                t.column("config_text", .text).notNull()
                t.column("config_hash", .text).notNull()
                t.column("row_count", .integer).notNull()
                t.column("error_count", .integer).notNull()
                t.column("component_means", .text).notNull()  // JSON object, keys sorted
                t.column("seconds", .double)  // NULL stands for NaN, which SQLite cannot store
                t.column("rows_per_second", .double)
            }
            try db.create(index: "run_on_started_at", on: runTable, columns: ["started_at_ms"])
            try db.create(index: "run_on_config_hash", on: runTable, columns: ["config_hash"])
        }
        migrator.registerMigration("v2-regression") { db in
            // One row per (baseline name, case): the verdict or rewards a case had when the
            // baseline was stored, so later runs can report every case that flipped.
            try db.create(table: baselineTable) { t in
                t.column("name", .text).notNull()
                t.column("case_id", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("verdict", .integer)  // verifier cases: 0 or 1
                t.column("rewards", .text)  // reward cases: JSON object, keys sorted
                t.column("updated_at_ms", .integer).notNull()
                t.primaryKey(["name", "case_id"])
            }
            // One row per `rewardkit regress` run, for `regress --history`.
            try db.create(table: regressRunTable) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("started_at_ms", .integer).notNull()
                t.column("baseline", .text).notNull()
                t.column("inputs", .text).notNull()
                t.column("cases", .integer).notNull()
                t.column("passed", .integer).notNull()
                t.column("failed", .integer).notNull()
                t.column("flipped", .integer).notNull()
                t.column("tag_pass_rates", .text).notNull()  // JSON object, keys sorted
            }
        }
        migrator.registerMigration("v3-run-outcome") { db in
            // A run is recorded when it starts and updated when it ends. Runs recorded before
            // this step were recorded only once they had finished, so they read as complete; their
            // output path and rows written were not kept (NULL).
            try db.alter(table: runTable) { t in
                t.add(column: "status", .text).notNull().defaults(to: RunStatus.complete.rawValue)
                t.add(column: "output", .text)
                t.add(column: "rows_written", .integer)
            }
        }
        migrator.registerMigration("v4-model-replies") { db in
            // Replies of served models (ModelClient), keyed by the SHA-256 of the request body
            // (model, prompt text, the row's content); the API key is never part of it.
            try db.create(table: modelReplyTable) { t in
                t.column("key", .text).notNull().primaryKey()
                t.column("model", .text).notNull()
                t.column("prompt", .text).notNull()
                t.column("reply", .text).notNull()
                t.column("created_at_ms", .integer).notNull()
            }
        }
        return migrator
    }

    /// Cached replies of served models: one row per request.
    static let modelReplyTable = "model_reply"

    /// Stored verifier baselines: one row per (name, case).
    static let baselineTable = "regress_baseline"
    /// One row per regression run.
    static let regressRunTable = "regress_run"
}
