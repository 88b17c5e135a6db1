/// Why an answer could not be parsed as math.
///
/// Branch on ``kind`` or compare whole errors (`catch .budget`); the message is for debugging,
/// since the verifier reports only its verdict.
struct MathParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which cause, to branch on. A struct of constants rather than an enum, like the public
    /// error types.
    struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case unexpected, unbalanced, empty, tooDeep, budget, textual
        }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// A token the grammar does not allow where it stands.
        static let unexpected = Kind(.unexpected)
        /// A brace or environment is not closed.
        static let unbalanced = Kind(.unbalanced)
        /// Nothing to parse.
        static let empty = Kind(.empty)
        /// Nesting deeper than the parser follows.
        static let tooDeep = Kind(.tooDeep)
        /// The answer costs more than the verifier's budget.
        static let budget = Kind(.budget)
        /// Words, not math: the answer is compared as text.
        static let textual = Kind(.textual)

        /// The cause's name, as in the constant (`tooDeep`).
        var description: String { "\(code)" }
    }

    /// Which cause this is.
    let kind: Kind
    /// What was found, for debugging.
    let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    var description: String { message }
}

extension MathParseError {
    /// The grammar does not allow what stands here; `what` names it ("unclosed bracket").
    static func unexpected(_ what: String) -> MathParseError { MathParseError(.unexpected, what) }
    /// A brace or environment is not closed.
    static let unbalanced = MathParseError(.unbalanced, "unbalanced braces")
    /// Nothing to parse.
    static let empty = MathParseError(.empty, "empty answer")
    /// Nesting deeper than the parser follows.
    static let tooDeep = MathParseError(.tooDeep, "nested too deep")
    /// The answer costs more than the verifier's budget.
    static let budget = MathParseError(.budget, "over the budget")
    /// Words, not math: the answer is compared as text.
    static let textual = MathParseError(.textual, "words, not math")
}
