import Verify

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
    /// Where the response's answer was found (the extraction path); nil when none was found.
    public var anchor: AnswerAnchor?
    /// The reference's final answer as compared; nil when the judgement never read it.
    public var gold: String?
    /// The response's final answer as extracted; nil when none was found.
    public var predicted: String?

    /// Makes a judgement; the answers and the extraction path are for reports (`audit`, `--explain`).
    public init(
        _ outcome: Outcome, _ explanation: String, anchor: AnswerAnchor? = nil, gold: String? = nil,
        predicted: String? = nil
    ) {
        self.outcome = outcome
        self.explanation = explanation
        self.anchor = anchor
        self.gold = gold
        self.predicted = predicted
    }
}
