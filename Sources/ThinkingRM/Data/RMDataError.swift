/// What is wrong with one row of a reward-model data file, and where.
public struct RMDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the row came from ("-" for text given directly).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The offending field, or nil when the whole line is at fault (invalid JSON, not an object).
    public var field: String?
    /// What is wrong, phrased to follow "line N: ".
    public var message: String

    /// An error at `line` of `file`.
    public init(file: String, line: Int, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// "file:7: line 7: field 'score' is 1.7, expected a number in [0,1]".
    public var description: String { "\(file): line \(line): \(message)" }
}

/// The rows of a data file that loaded and the errors of the ones that did not.
public struct RMLoadResult<Row: Sendable>: Sendable {
    /// Rows that passed every check, in file order.
    public var rows: [Row]
    /// One error per rejected row, in file order.
    public var errors: [RMDataError]
}
