import Foundation
import GRDB

/// Checks that decide whether an existing file may be opened and migrated as a RewardKit database.
///
/// They run before anything is written, because SQLite and the migrator would otherwise happily
/// add tables to someone else's database or trip over a text file halfway through.
enum DatabaseFileCheck {
    /// Every SQLite 3 database file starts with these 16 bytes.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Refuses a path that is a directory or a non-empty file without the SQLite header.
    ///
    /// Checked by reading bytes ourselves so that SQLite never opens such a file at all. An empty
    /// file is allowed: SQLite treats it as an empty database, and there is nothing in it to lose.
    static func checkBeforeOpening(_ path: String) throws(StoreError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw .cannotOpen(path: path, reason: "it is a directory")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "the file cannot be read")
        }
        defer { try? handle.close() }
        let head: [UInt8]
        do {
            head = Array(try handle.read(upToCount: sqliteHeader.count) ?? Data())
        } catch {
            throw .cannotOpen(path: path, reason: StoreError.reason(error))
        }
        if !head.isEmpty && head != sqliteHeader {
            throw .notADatabase(path: path)
        }
    }

    /// Refuses a SQLite database that another program owns or that a newer RewardKit migrated.
    static func checkOwnership(_ db: Database, path: String, migrator: DatabaseMigrator) throws {
        let tables = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                ORDER BY name
                """)
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw StoreError.foreignDatabase(path: path, tables: tables)
        }
        let known = Set(migrator.migrations)
        let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
        if !unknown.isEmpty {
            throw StoreError.newerSchema(path: path, unknownMigrations: unknown)
        }
    }
}
