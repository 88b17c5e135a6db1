import JSONLines

/// Why a row could not be scored. The row is written back as an error row naming its line and
/// this problem; it is never dropped and never silently scored zero.
///
/// Branch on ``kind`` (`error.kind == .badField`) or compare whole errors (`error == .noResponse`).
/// New kinds may be added, so a `switch` over `kind` ends in `default`.
public struct RowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which cause, to branch on. A struct of constants rather than an enum, so adding a cause
    /// does not break a caller's `switch`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case invalidJSON, invalidUTF8, notAnObject, noResponse, badField, lineTooLong, reward, noReference, image
        }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The line is not valid JSON.
        public static let invalidJSON = Kind(.invalidJSON)
        /// The line is not valid UTF-8.
        public static let invalidUTF8 = Kind(.invalidUTF8)
        /// The line is valid JSON but not an object.
        public static let notAnObject = Kind(.notAnObject)
        /// The row has no response field.
        public static let noResponse = Kind(.noResponse)
        /// A field holds the wrong kind of value.
        public static let badField = Kind(.badField)
        /// The line is longer than the reader accepts.
        public static let lineTooLong = Kind(.lineTooLong)
        /// A reward could not score the row.
        public static let reward = Kind(.reward)
        /// The row has no reference solution to extract key steps from.
        public static let noReference = Kind(.noReference)
        /// An image the row names could not be read, transformed or written.
        public static let image = Kind(.image)

        /// The cause's name, as in the constant (`badField`).
        public var description: String { "\(code)" }
    }

    /// Which cause this is.
    public let kind: Kind
    /// The whole message an error row carries.
    public let message: String
    /// The field at fault, for `.badField`.
    public let field: String?
    /// The reward that failed, for `.reward`.
    public let reward: String?
    /// The image file at fault, for `.image`.
    public let path: String?

    private init(_ kind: Kind, _ message: String, field: String? = nil, reward: String? = nil, path: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
        self.reward = reward
        self.path = path
    }

    /// The message.
    public var description: String { message }
}

extension RowError {
    /// The line is not valid JSON.
    public static func invalidJSON(_ error: JSONError) -> RowError { RowError(.invalidJSON, error.description) }

    /// The line is not valid UTF-8 (at the byte offset given).
    public static func invalidUTF8(offset: Int) -> RowError {
        RowError(.invalidUTF8, "invalid UTF-8 at byte \(offset)")
    }

    /// The line is valid JSON but not an object (`kind` names what it is: "an array").
    public static func notAnObject(kind: String) -> RowError {
        RowError(.notAnObject, "row is \(kind), expected a JSON object")
    }

    /// The row has no response field.
    public static let noResponse = RowError(
        .noResponse, "no response (fields \(RowField.names(of: .response)), or query with prompt)")

    /// Field `name` holds the wrong kind of value; `problem` says how ("is a number, expected text").
    public static func badField(name: String, problem: String) -> RowError {
        RowError(.badField, "field '\(name)' \(problem)", field: name)
    }

    /// The line is longer than the reader accepts.
    public static func lineTooLong(bytes: Int, limit: Int) -> RowError {
        RowError(.lineTooLong, "line of \(bytes) bytes is longer than the limit of \(limit)")
    }

    /// Reward `name` could not score the row.
    public static func reward(name: String, message: String) -> RowError {
        RowError(.reward, "reward '\(name)': \(message)", reward: name)
    }

    /// The row has no reference solution to extract key steps from (`rewardkit keysteps`).
    public static func noReference(fields: [String]) -> RowError {
        RowError(.noReference, "no reference solution (fields \(fields.joined(separator: "/")))")
    }

    /// The image at `path` could not be read, transformed or written (`rewardkit expand`).
    public static func image(path: String, message: String) -> RowError {
        RowError(.image, "image '\(path)': \(message)", path: path)
    }
}
