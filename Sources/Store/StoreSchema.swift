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
        return migrator
    }
}
