import Foundation
import GRDB

/// One recorded command run: when, on what, with which config, and how it went.
public struct RunRecord: Sendable, Equatable, Codable {
    /// The database row id; nil until the run is recorded.
    public var id: Int64?
    /// When the run started, to the millisecond (the precision the store keeps).
    public var startedAt: Date
    /// The command that ran, e.g. "score".
    public var command: String
    /// The input file path, or "-" for standard input.
    public var input: String
    /// The reward config exactly as the run used it (JSON or YAML text, or a preset's expansion).
    public var configText: String
    /// `ConfigHash.hex(configText)`, kept beside the text so runs can be grouped by config.
    public var configHash: String
    /// Rows read, including rows that became error rows.
    public var rows: Int
    /// Rows that could not be scored.
    public var errors: Int
    /// Mean of each reward component over the scored rows.
    public var componentMeans: [String: Double]
    /// Wall-clock duration of the run.
    public var seconds: Double
    /// Throughput as the command measured it.
    public var rowsPerSecond: Double
    /// How the run ended, or `running` while it has not.
    public var status: RunStatus
    /// The output file, nil for standard output (and for runs recorded before outputs were kept).
    public var output: String?
    /// Whole rows in the output when the run ended (kept rows included, for a resumed run); nil
    /// when not known.
    public var rowsWritten: Int?

    /// A run to record; the hash is computed from `configText`, and `rowsPerSecond` defaults to rows / seconds.
    ///
    /// `startedAt` is rounded to whole milliseconds here, so a record read back from the store
    /// compares equal to the one that was written.
    public init(
        id: Int64? = nil,
        startedAt: Date,
        command: String,
        input: String,
        configText: String,
        rows: Int,
        errors: Int,
        componentMeans: [String: Double],
        seconds: Double,
        rowsPerSecond: Double? = nil,
        status: RunStatus = .complete,
        output: String? = nil,
        rowsWritten: Int? = nil
    ) {
        self.id = id
        self.startedAt = Self.millisecondDate(Self.milliseconds(startedAt))
        self.command = command
        self.input = input
        self.configText = configText
        self.configHash = ConfigHash.hex(configText)
        self.rows = rows
        self.errors = errors
        self.componentMeans = componentMeans
        self.seconds = seconds
        self.rowsPerSecond = rowsPerSecond ?? (seconds > 0 ? Double(rows) / seconds : 0)
        self.status = status
        self.output = output
        self.rowsWritten = rowsWritten
    }

    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        // Clamp so a nonsense date cannot trap on conversion; real runs are nowhere near the edges.
        guard value.isFinite else { return 0 }
        return Int64(max(min(value, 9.0e15), -9.0e15))
    }

    static func millisecondDate(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

extension RunRecord: FetchableRecord, MutablePersistableRecord {
    /// The table runs are stored in.
    public static var databaseTableName: String { StoreSchema.runTable }

    /// Reads a run from a `run` table row.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        startedAt = Self.millisecondDate(try row.decode(Int64.self, forColumn: "started_at_ms"))
        command = try row.decode(forColumn: "command")
        input = try row.decode(forColumn: "input")
        configText = try row.decode(forColumn: "config_text")
        configHash = try row.decode(forColumn: "config_hash")
        rows = try row.decode(forColumn: "row_count")
        errors = try row.decode(forColumn: "error_count")
        componentMeans = try ComponentMeansCodec.decode(try row.decode(String.self, forColumn: "component_means"))
        seconds = try row.decode(Double?.self, forColumn: "seconds") ?? .nan
        rowsPerSecond = try row.decode(Double?.self, forColumn: "rows_per_second") ?? .nan
        status = try row.decode(forColumn: "status")
        output = try row.decode(forColumn: "output")
        rowsWritten = try row.decode(forColumn: "rows_written")
    }

    /// Writes the run's columns.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["started_at_ms"] = Self.milliseconds(startedAt)
        container["command"] = command
        container["input"] = input
        container["config_text"] = configText
        container["config_hash"] = configHash
        container["row_count"] = rows
        container["error_count"] = errors
        container["component_means"] = try ComponentMeansCodec.encode(componentMeans)
        // SQLite turns NaN into NULL anyway; saying so explicitly keeps the read side honest.
        container["seconds"] = seconds.isNaN ? nil : seconds
        container["rows_per_second"] = rowsPerSecond.isNaN ? nil : rowsPerSecond
        container["status"] = status.rawValue
        container["output"] = output
        container["rows_written"] = rowsWritten
    }

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
