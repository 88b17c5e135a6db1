/// What went wrong opening or using a RewardKit database, and where.
///
/// Every kind that concerns an existing file promises the file was left as it was: the store never
/// deletes, recreates or overwrites a database it could not open.
///
/// Branch on ``kind`` (`error.kind == .newerSchema`) or compare whole errors. New kinds may be
/// added, so a `switch` over `kind` ends in `default`.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which cause, to branch on. A struct of constants rather than an enum, so adding a cause
    /// does not break a caller's `switch`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case notADatabase, foreignDatabase, corrupt, newerSchema, cannotCreateDirectory, cannotOpen, sqlite
        }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The file exists but does not hold a SQLite database.
        public static let notADatabase = Kind(.notADatabase)
        /// The file is a SQLite database that some other program owns.
        public static let foreignDatabase = Kind(.foreignDatabase)
        /// The file claims to be SQLite but its contents are damaged.
        public static let corrupt = Kind(.corrupt)
        /// The database was migrated by a newer RewardKit.
        public static let newerSchema = Kind(.newerSchema)
        /// The directory meant to hold the database could not be created.
        public static let cannotCreateDirectory = Kind(.cannotCreateDirectory)
        /// The database file could not be opened or created.
        public static let cannotOpen = Kind(.cannotOpen)
        /// A query or write failed after the database was open.
        public static let sqlite = Kind(.sqlite)

        /// The cause's name, as in the constant (`newerSchema`).
        public var description: String { "\(code)" }
    }

    /// Which cause this is.
    public let kind: Kind
    /// A one-line message naming the file and what to do about it.
    public let message: String
    /// The database file at fault; for `.cannotCreateDirectory`, the directory.
    public let path: String

    private init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension StoreError {
    /// The file at `path` exists but does not hold a SQLite database.
    public static func notADatabase(path: String) -> StoreError {
        StoreError(
            .notADatabase, path: path,
            "\(path) is not a RewardKit database (file is not a database); it was left untouched")
    }

    /// The file is a SQLite database that some other program owns (it has `tables` but no RewardKit schema).
    public static func foreignDatabase(path: String, tables: [String]) -> StoreError {
        StoreError(
            .foreignDatabase, path: path,
            "\(path) is a SQLite database but not a RewardKit one "
                + "(tables: \(tables.joined(separator: ", "))); it was left untouched")
    }

    /// The file claims to be SQLite but its contents are damaged.
    public static func corrupt(path: String, detail: String) -> StoreError {
        StoreError(.corrupt, path: path, "\(path) is a damaged SQLite database (\(detail)); it was left untouched")
    }

    /// The database was migrated by a newer RewardKit whose schema steps this build does not know.
    public static func newerSchema(path: String, unknownMigrations: [String]) -> StoreError {
        StoreError(
            .newerSchema, path: path,
            "\(path) was written by a newer RewardKit "
                + "(unknown schema steps: \(unknownMigrations.joined(separator: ", "))); it was left untouched; "
                + "upgrade rewardkit or choose another database with --db")
    }

    /// The directory at `path` meant to hold the database could not be created.
    public static func cannotCreateDirectory(path: String, reason: String) -> StoreError {
        StoreError(
            .cannotCreateDirectory, path: path, "cannot create directory \(path) for the RewardKit database: \(reason)")
    }

    /// The database file could not be opened or created (a directory, no permission, ...).
    public static func cannotOpen(path: String, reason: String) -> StoreError {
        StoreError(.cannotOpen, path: path, "cannot open RewardKit database \(path): \(reason)")
    }

    /// A query or write failed after the database was open.
    public static func sqlite(path: String, operation: String, message: String) -> StoreError {
        StoreError(.sqlite, path: path, "RewardKit database \(path): \(operation) failed: \(message)")
    }
}
