/// What one verifier said about one labelled rollout.
public struct AuditVerdict: Sendable, Equatable {
    /// Whether the verifier accepted the response as correct.
    public var accepted: Bool
    /// The extraction path: an `AnswerAnchor` raw value, or "none" when no answer was found; nil
    /// when the verifier does not say (a peer).
    public var path: String?
    /// The answer the verifier extracted, when it says.
    public var predicted: String?

    /// Makes a verdict.
    public init(accepted: Bool, path: String? = nil, predicted: String? = nil) {
        self.accepted = accepted
        self.path = path
        self.predicted = predicted
    }

    /// The verdict of an accuracy judgement: accepted only when correct.
    public init(_ judgement: AccuracyJudgement) {
        self.init(
            accepted: judgement.outcome == .correct, path: judgement.anchor?.rawValue ?? "none",
            predicted: judgement.predicted)
    }
}

/// Agreement of verdicts with labels: the counts every audit table shows.
public struct AuditTally: Sendable, Equatable {
    /// Rollouts judged.
    public var rows = 0
    /// Verdicts equal to the label.
    public var agreed = 0
    /// Accepted although the label says wrong.
    public var falseAccepts = 0
    /// Rejected although the label says correct.
    public var falseRejects = 0
    /// Rollouts labeled correct.
    public var labeledCorrect = 0
    @available(*, deprecated, renamed: "labeledCorrect")
    public var labelledCorrect: Int { labeledCorrect }

    /// An empty tally.
    public init() {}

    /// Counts one verdict against its label.
    public mutating func add(accepted: Bool, label: Bool) {
        rows += 1
        if label { labeledCorrect += 1 }
        if accepted == label { agreed += 1 } else if accepted { falseAccepts += 1 } else { falseRejects += 1 }
    }

    /// Agreed / rows, 0 for no rows.
    public var agreement: Double { rows > 0 ? Double(agreed) / Double(rows) : 0 }
}
