extension MathVerifier {
    /// Verifies a prediction that may be a whole response: its final answer is extracted and
    /// hedging checked as the `accuracy` reward does, then both answers are compared with the
    /// parsed forms and time reported (what `rewardkit verify` prints).
    public func verifyResponse(gold: String, prediction: String, extractor: AnswerExtractor = AnswerExtractor()) -> MathVerification {
        let answers = AnswerVerifier(extractor: extractor, comparator: self).answers(gold: gold, prediction: prediction)
        if answers.hedged {
            return MathVerification(isMatch: false, reason: "hedged", goldParsed: nil, predictedParsed: nil, micros: 0)
        }
        return verify(gold: answers.gold, predicted: answers.predicted)
    }
}
