import Foundation
import GRDB

/// The RewardKit database: records command runs and lists them back.
///
/// Opening is careful about files it did not create: a file that is not SQLite, a SQLite file owned
/// by another program, or a database from a newer RewardKit is refused with a `StoreError`, and its
/// bytes are never changed.
public final class RunStore: Sendable {
    /// Where `rewardkit` keeps its database unless `--db` says otherwise, relative to the working directory.
    public static let defaultPath = ".rewardkit/rewardkit.sqlite"

    /// The path the store was opened at.
    public let path: String
    let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens the database at `path`, creating it and its parent directories if needed, and brings
    /// its schema up to date.
    public static func open(at path: String) throws(StoreError) -> RunStore {
        try DatabaseFileCheck.checkBeforeOpening(path)
        let queue = try openQueue(at: path)
        let migrator = StoreSchema.migrator()
        try StoreError.wrapping(path: path, operation: "reading the schema") {
            try queue.read { db in try DatabaseFileCheck.checkOwnership(db, path: path, migrator: migrator) }
        }
        try StoreError.wrapping(path: path, operation: "migrating the schema") {
            try migrator.migrate(queue)
        }
        return RunStore(path: path, queue: queue)
    }

    /// Records `run` as a new row and returns its id; any id already set on `run` is ignored.
    @discardableResult
    public func record(_ run: RunRecord) throws(StoreError) -> Int64 {
        try StoreError.wrapping(path: path, operation: "recording a run") {
            try queue.write { db in
                var row = run
                row.id = nil
                try row.insert(db)
                return row.id ?? db.lastInsertedRowID
            }
        }
    }

    /// Rewrites the recorded run `run.id` with `run` (a run recorded at its start, now ended).
    public func update(_ run: RunRecord) throws(StoreError) {
        guard let id = run.id else {
            throw .sqlite(path: path, operation: "updating a run", message: "the run has no id (it was never recorded)")
        }
        try StoreError.wrapping(path: path, operation: "updating run \(id)") {
            try queue.write { db in try run.update(db) }
        }
    }

    /// The `limit` most recent runs, newest first (ties broken by the later id).
    public func recentRuns(limit: Int) throws(StoreError) -> [RunRecord] {
        guard limit > 0 else { return [] }
        return try StoreError.wrapping(path: path, operation: "listing runs") {
            try queue.read { db in
                try RunRecord
                    .order(Column("started_at_ms").desc, Column("id").desc)
                    .limit(limit)
                    .fetchAll(db)
            }
        }
    }

    /// The identifiers of the schema migrations applied to this database, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try StoreError.wrapping(path: path, operation: "reading the schema") {
            try queue.read { db in try StoreSchema.migrator().appliedMigrations(db) }
        }
    }

    private static func openQueue(at path: String) throws(StoreError) -> DatabaseQueue {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: StoreError.reason(error))
        }
        var configuration = Configuration()
        configuration.label = "RewardKit"
        // Two `score` runs may finish together; wait for the other writer instead of failing.
        configuration.busyMode = .timeout(5)
        return try StoreError.wrapping(path: path, operation: "opening") {
            try DatabaseQueue(path: path, configuration: configuration)
        }
    }
}
