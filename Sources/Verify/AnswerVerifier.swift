/// Verifies a predicted answer against a gold answer: the one place that decides "is this answer
/// right", shared by `rewardkit regress`, `rewardkit verify` and the `accuracy` reward.
///
/// The prediction may be a bare answer (`0.5`, `\frac{1}{2}`) or text with an answer anchor
/// (`\boxed{}`, `<answer>`, "final answer is"); the gold may be an answer or reference reasoning
/// ending in one. Two or more boxed answers that the comparator finds different are one list
/// answer when the gold has several parts (`1, 2, 3`), and hedging that never matches otherwise.
public struct AnswerVerifier: Sendable {
    /// Finds final answers in text.
    public let extractor: AnswerExtractor
    /// Decides equivalence of two answers.
    public let comparator: any AnswerComparator

    /// Makes a verifier from its parts.
    public init(
        extractor: AnswerExtractor = AnswerExtractor(), comparator: any AnswerComparator = SimpleAnswerComparator()
    ) {
        self.extractor = extractor
        self.comparator = comparator
    }

    /// The verdict for `prediction` against `gold`; reason `hedged` when several different answers
    /// are boxed.
    public func verify(gold: String, prediction: String) -> Verdict {
        let answers = self.answers(gold: gold, prediction: prediction)
        if answers.hedged { return Verdict(isMatch: false, reason: "hedged") }
        return comparator.compare(gold: answers.gold, predicted: answers.predicted)
    }

    /// The answers that get compared: the gold's final answer, the prediction's (the extracted
    /// answer, or the whole text when it has no anchor), and whether the prediction hedges.
    ///
    /// LaTeX whose backslashes a string literal or JSON decoder turned into control characters
    /// (`"\frac12"` read as a form feed and `rac12`) is read as meant (`EscapeAccidents`).
    public func answers(gold: String, prediction: String) -> (gold: String, predicted: String, hedged: Bool) {
        let gold = EscapeAccidents.repair(gold), prediction = EscapeAccidents.repair(prediction)
        let extraction = extractor.extract(from: prediction)
        let goldAnswer = extractor.referenceAnswer(from: gold)
        let resolved = resolve(extraction, gold: goldAnswer)
        return (goldAnswer, resolved.answer ?? prediction, resolved.hedgedAnswers > 1)
    }

    /// The answer an extraction gives against `gold`: its chosen answer, or its different boxed
    /// answers joined into one list when the gold has several parts; `hedgedAnswers` counts the
    /// different answers when they hedge a one-part gold (0 otherwise).
    public func resolve(_ extraction: Extraction, gold: String) -> (answer: String?, hedgedAnswers: Int) {
        guard extraction.isHedged else { return (extraction.answer, 0) }
        let distinct = representatives(extraction.distinctCandidates)
        guard distinct.count > 1 else { return (extraction.answer, 0) }
        if AnswerParts.count(gold) > 1 { return (distinct.joined(separator: ", "), 0) }
        return (extraction.answer, distinct.count)
    }

    /// How many different answers `candidates` hold by the comparator's judgement (capped, so a
    /// response with thousands of boxes stays cheap).
    public func distinctAnswers(_ candidates: [String]) -> Int {
        representatives(candidates).count
    }

    /// The first of each group of equivalent candidates, in text order (at most 64 are read).
    private func representatives(_ candidates: [String]) -> [String] {
        var found: [String] = []
        for candidate in candidates.prefix(64)
        where !found.contains(where: { comparator.compare(gold: $0, predicted: candidate).isMatch }) {
            found.append(candidate)
        }
        return found
    }
}
