/// Why a JSON text could not be read, with the byte offset where reading stopped.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong ("expected ':' after an object key").
    public var message: String
    /// Byte offset in the text (0-based).
    public var offset: Int
    /// True when the text is not valid UTF-8 (reported as its own kind of bad row).
    public var isEncodingError: Bool

    /// Makes an error at `offset`.
    public init(_ message: String, at offset: Int, encoding: Bool = false) {
        self.message = message
        self.offset = offset
        self.isEncodingError = encoding
    }

    public var description: String {
        isEncodingError ? "invalid UTF-8 at byte \(offset)" : "invalid JSON at byte \(offset): \(message)"
    }
}
