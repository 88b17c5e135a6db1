import JSONLines

/// Why a partial output cannot be continued, naming the row and line that disagree.
///
/// Branch on ``kind`` (`error.kind == .rowDiffers`) or compare whole errors. New kinds may be
/// added, so a `switch` over `kind` ends in `default`.
public struct ResumeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which cause, to branch on. A struct of constants rather than an enum, so adding a cause
    /// does not break a caller's `switch`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case inputShorter, rowDiffers, unreadable
        }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The input has fewer non-blank lines than the output keeps rows.
        public static let inputShorter = Kind(.inputShorter)
        /// A kept row is not what its input line scores to under this config now.
        public static let rowDiffers = Kind(.rowDiffers)
        /// The input or the partial output could not be read.
        public static let unreadable = Kind(.unreadable)

        /// The cause's name, as in the constant (`rowDiffers`).
        public var description: String { "\(code)" }
    }

    /// Which cause this is.
    public let kind: Kind
    /// The whole message, saying what changed since the interrupted run.
    public let message: String
    /// The kept row (1-based) that differs, for `.rowDiffers`.
    public let row: Int?
    /// The input line whose scored form that row should be, for `.rowDiffers`.
    public let line: Int?

    private init(_ kind: Kind, row: Int? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.row = row
        self.line = line
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension ResumeError {
    /// The input has `inputRows` non-blank lines but the output keeps `keptRows` rows.
    public static func inputShorter(keptRows: Int, inputRows: Int) -> ResumeError {
        ResumeError(
            .inputShorter,
            "the kept output has \(keptRows) rows but the input has only \(inputRows): the input changed since the interrupted run"
        )
    }

    /// Kept row `row` is not what input line `line` scores to under this config now.
    public static func rowDiffers(row: Int, line: Int) -> ResumeError {
        ResumeError(
            .rowDiffers, row: row, line: line,
            "kept row \(row) is not the scored form of input line \(line) under this config: the input or the config changed since the interrupted run"
        )
    }

    /// The input or the partial output could not be read.
    public static func unreadable(_ error: IOError) -> ResumeError { ResumeError(.unreadable, error.message) }
}

@available(*, deprecated, renamed: "ResumeError")
public typealias ResumeRefusal = ResumeError
