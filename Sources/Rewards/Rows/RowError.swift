import JSONLines

/// Why a row could not be scored. The row is written back as an error row naming its line and
/// this problem; it is never dropped and never silently scored zero.
public enum RowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line is not valid JSON.
    case invalidJSON(JSONError)
    /// The line is not valid UTF-8 (at the byte offset given).
    case invalidUTF8(offset: Int)
    /// The line is valid JSON but not an object.
    case notAnObject(kind: String)
    /// The row has no response field.
    case noResponse
    /// A field holds the wrong kind of value.
    case badField(name: String, problem: String)
    /// The line is longer than the reader accepts.
    case lineTooLong(bytes: Int, limit: Int)
    /// A reward could not score the row.
    case reward(name: String, message: String)
    /// The row has no reference solution to extract key steps from (`rewardkit keysteps`).
    case noReference(fields: [String])
    /// An image the row names could not be read, transformed or written (`rewardkit expand`).
    case image(path: String, message: String)

    public var description: String {
        switch self {
        case let .invalidJSON(e): return e.description
        case let .invalidUTF8(offset): return "invalid UTF-8 at byte \(offset)"
        case let .notAnObject(kind): return "row is \(kind), expected a JSON object"
        case .noResponse:
            return "no response (fields \(RowField.names(of: .response)), or query with prompt)"
        case let .badField(name, problem): return "field '\(name)' \(problem)"
        case let .lineTooLong(bytes, limit): return "line of \(bytes) bytes is longer than the limit of \(limit)"
        case let .reward(name, message): return "reward '\(name)': \(message)"
        case let .noReference(fields): return "no reference solution (fields \(fields.joined(separator: "/")))"
        case let .image(path, message): return "image '\(path)': \(message)"
        }
    }
}
