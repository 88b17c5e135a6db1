/// One pointwise training row: a response to a question and the grade of its reasoning in [0,1]
/// (SophiaVL style: the whole reasoning is scored, not only the final answer).
public struct RMExample: Sendable, Equatable {
    /// The question the response answers.
    public var question: String
    /// The whole response, reasoning included.
    public var response: String
    /// The grade of the reasoning, in [0,1].
    public var score: Double

    /// A row; the loader checks ranges, this initialiser trusts its caller.
    public init(question: String, response: String, score: Double) {
        self.question = question
        self.response = response
        self.score = score
    }
}

/// One pairwise training row: two responses to the same question, `chosen` reasoning better.
public struct RMPair: Sendable, Equatable {
    /// The question both responses answer.
    public var question: String
    /// The better response.
    public var chosen: String
    /// The worse response.
    public var rejected: String

    /// A pair; the loader checks the fields, this initialiser trusts its caller.
    public init(question: String, chosen: String, rejected: String) {
        self.question = question
        self.chosen = chosen
        self.rejected = rejected
    }
}
