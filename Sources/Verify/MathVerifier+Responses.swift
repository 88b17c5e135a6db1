extension MathVerifier {
    /// Verifies a prediction that may be a whole response: its final answer is extracted and
    /// hedging checked as the `accuracy` reward does, then both answers are compared with the
    /// parsed forms and time reported (what `rewardkit verify` prints).
    public func verifyResponse(
        gold: String, prediction: String, extractor: AnswerExtractor = AnswerExtractor()
    ) -> MathVerification {
        explainResponse(gold: gold, prediction: prediction, extractor: extractor).verification
    }

    /// `verifyResponse`, with the answers that were compared as they were extracted.
    public func explainResponse(
        gold: String, prediction: String, extractor: AnswerExtractor = AnswerExtractor()
    ) -> ResponseVerification {
        let answers = AnswerVerifier(extractor: extractor, comparator: self).answers(gold: gold, prediction: prediction)
        let verification =
            answers.hedged
            ? MathVerification(isMatch: false, reason: "hedged", goldParsed: nil, predictedParsed: nil, micros: 0)
            : verify(gold: answers.gold, predicted: answers.predicted)
        return ResponseVerification(
            verification: verification, goldAnswer: answers.gold, predictedAnswer: answers.predicted,
            hedged: answers.hedged)
    }
}
