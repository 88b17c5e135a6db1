/// What the accuracy engine concluded about one response against one reference.
///
/// `accuracy` turns this into 1 or 0; `step_accuracy` needs the three-way outcome because the
/// paper's StepRAR pays nothing when there is no final answer but still pays the key-step share
/// when the answer is wrong.
public struct AccuracyJudgement: Sendable, Equatable {
    /// Whether the response gave a final answer and whether it was right.
    public enum Outcome: Sendable, Equatable {
        /// A final answer was found and matches the reference.
        case correct
        /// A final answer was found (or several that disagree) and does not match.
        case wrong
        /// No answer anchor was found in the response.
        case noAnswer
    }

    /// The outcome.
    public var outcome: Outcome
    /// Why, in a few words ("matched via boxed (numeric)", "no final answer found").
    public var explanation: String

    /// Makes a judgement.
    public init(_ outcome: Outcome, _ explanation: String) {
        self.outcome = outcome
        self.explanation = explanation
    }
}
