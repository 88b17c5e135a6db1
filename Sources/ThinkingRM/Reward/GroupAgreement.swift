import Verify

/// The group-aware thinking score: how many of the other responses of a group reach the same
/// final answer (equivalence through the Verify engine's `TieredComparator`), next to the
/// response's own step judgement. Majority voting alone is `thinkingWeight = 0`.
public struct GroupAgreement: Sendable {
    /// Weight of the response's own thinking score next to its agreement share (both in [0,1]).
    public var thinkingWeight: Double
    private let extractor = AnswerExtractor()
    private let comparator = TieredComparator()

    /// A scorer; the combined score is `(agreement + thinkingWeight * thinking) / (1 + thinkingWeight)`.
    public init(thinkingWeight: Double = 0.5) { self.thinkingWeight = thinkingWeight }

    /// The final answer of `response`: the extractor's anchored answer, else the last number of
    /// its last non-empty line (GSM8K samples end in `A: 18`), else nil.
    public func finalAnswer(_ response: String) -> String? {
        if let answer = extractor.extract(from: response).answer { return answer }
        guard let line = response.split(separator: "\n").last(where: { $0.contains { !$0.isWhitespace } }),
            let last = ReasoningFeatures.numbers(in: String(line)).last
        else { return nil }
        return SolutionNumber.text(last)
    }

    /// Per response, the share of the other responses of its group with an equivalent final
    /// answer (0 for a response without an answer or a group of one).
    public func agreement(_ responses: [String]) -> [Double] {
        let answers = responses.map(finalAnswer)
        guard answers.count > 1 else { return answers.map { _ in 0 } }
        var same = [[Bool]](repeating: [Bool](repeating: false, count: answers.count), count: answers.count)
        for i in answers.indices {
            for j in answers.indices where j > i {
                guard let a = answers[i], let b = answers[j] else { continue }
                let match = comparator.compare(gold: a, predicted: b).isMatch
                same[i][j] = match
                same[j][i] = match
            }
        }
        return answers.indices.map { i in Double(same[i].filter { $0 }.count) / Double(answers.count - 1) }
    }

    /// Combined scores of one group's responses given their own thinking scores.
    public func scores(responses: [String], thinking: [Double]) -> [Double] {
        precondition(responses.count == thinking.count, "GroupAgreement.scores: lengths differ")
        return zip(agreement(responses), thinking).map { ($0 + thinkingWeight * $1) / (1 + thinkingWeight) }
    }
}
