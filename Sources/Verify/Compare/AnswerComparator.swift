/// Decides whether a predicted final answer means the same as the reference.
///
/// The `accuracy` reward extracts the answer and hands both strings to a comparator, so the simple
/// comparator of the foundation and the full math engine are interchangeable.
public protocol AnswerComparator: Sendable {
    /// Compares an already extracted predicted answer with the gold answer.
    func compare(gold: String, predicted: String) -> Verdict
}

/// The outcome of one comparison, with the reason in a word or two ("numeric", "text", "budget").
public struct Verdict: Sendable, Equatable {
    /// Whether the answers are equivalent.
    public var isMatch: Bool
    /// How the decision was reached, or why there was no match.
    public var reason: String

    /// Makes a verdict.
    public init(isMatch: Bool, reason: String) {
        self.isMatch = isMatch
        self.reason = reason
    }
}
