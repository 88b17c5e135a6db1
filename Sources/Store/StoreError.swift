/// What went wrong opening or using a RewardKit database, and where.
///
/// Every case that concerns an existing file promises the file was left as it was: the store never
/// deletes, recreates or overwrites a database it could not open.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but does not hold a SQLite database.
    case notADatabase(path: String)
    /// The file is a SQLite database that some other program owns (it has tables but no RewardKit schema).
    case foreignDatabase(path: String, tables: [String])
    /// The file claims to be SQLite but its contents are damaged.
    case corrupt(path: String, detail: String)
    /// The database was migrated by a newer RewardKit whose schema steps this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The directory meant to hold the database could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The database file could not be opened or created (a directory, no permission, ...).
    case cannotOpen(path: String, reason: String)
    /// A query or write failed after the database was open.
    case sqlite(path: String, operation: String, message: String)

    /// A one-line message naming the file and what to do about it.
    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a RewardKit database (file is not a database); it was left untouched"
        case .foreignDatabase(let path, let tables):
            return "\(path) is a SQLite database but not a RewardKit one "
                + "(tables: \(tables.joined(separator: ", "))); it was left untouched"
        case .corrupt(let path, let detail):
            return "\(path) is a damaged SQLite database (\(detail)); it was left untouched"
        case .newerSchema(let path, let unknown):
            return "\(path) was written by a newer RewardKit "
                + "(unknown schema steps: \(unknown.joined(separator: ", "))); it was left untouched; "
                + "upgrade rewardkit or choose another database with --db"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create directory \(path) for the RewardKit database: \(reason)"
        case .cannotOpen(let path, let reason):
            return "cannot open RewardKit database \(path): \(reason)"
        case .sqlite(let path, let operation, let message):
            return "RewardKit database \(path): \(operation) failed: \(message)"
        }
    }
}
