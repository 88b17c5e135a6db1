/// One verification of a prediction that may be a whole response: the comparison in full, and the
/// answers that were compared as the extractor found them (what `rewardkit verify --explain` and
/// the Python package's `explain` report).
public struct ResponseVerification: Sendable, Equatable {
    /// The comparison: verdict, reason, parsed forms and time. Reason `hedged` when the response
    /// boxed several different answers against a one-part gold.
    public var verification: MathVerification
    /// The gold's final answer (the reference itself, or the answer its reasoning ends in).
    public var goldAnswer: String
    /// The prediction's extracted answer (the whole text when no anchor found one).
    public var predictedAnswer: String
    /// Whether the prediction hedged between different answers.
    public var hedged: Bool

    /// Makes a result.
    public init(verification: MathVerification, goldAnswer: String, predictedAnswer: String, hedged: Bool) {
        self.verification = verification
        self.goldAnswer = goldAnswer
        self.predictedAnswer = predictedAnswer
        self.hedged = hedged
    }
}
