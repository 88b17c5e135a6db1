/// Why a pattern could not be used.
///
/// Branch on ``kind`` (`error.kind == .compile`) or compare whole errors. New kinds may be added,
/// so a `switch` over `kind` ends in `default`.
public struct RegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which cause, to branch on. A struct of constants rather than an enum, so adding a cause
    /// does not break a caller's `switch`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case compile
        }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The pattern did not compile.
        public static let compile = Kind(.compile)

        /// The cause's name, as in the constant (`compile`).
        public var description: String { "\(code)" }
    }

    /// Which cause this is.
    public let kind: Kind
    /// The whole message, quoting the pattern.
    public let message: String
    /// The pattern at fault.
    public let pattern: String
    /// The UTF-8 byte offset in the pattern where compiling stopped, for `.compile`.
    public let offset: Int?

    private init(_ kind: Kind, pattern: String, offset: Int? = nil, _ message: String) {
        self.kind = kind
        self.pattern = pattern
        self.offset = offset
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension RegexError {
    /// `pattern` did not compile at byte `offset`; `message` is PCRE2's reason.
    public static func compile(pattern: String, offset: Int, message: String) -> RegexError {
        RegexError(
            .compile, pattern: pattern, offset: offset,
            "regex \(pattern.debugDescription) does not compile at offset \(offset): \(message)")
    }
}
