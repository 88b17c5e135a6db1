/// Why a reward config could not be used: a parse error, or a value that is wrong, with where.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the place (file, line, key) where known.
    public var message: String

    /// Makes an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
