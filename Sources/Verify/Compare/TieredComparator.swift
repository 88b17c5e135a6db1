/// The default comparator: the cheap `SimpleAnswerComparator` first, the full `MathVerifier` only
/// when it finds no match.
///
/// Most correct answers in RL rollouts are written like their reference (`72` for `72`), and the
/// simple check decides those in well under a microsecond; the math engine parses, evaluates and
/// compares, which costs more. A simple match is always a match for the math engine too (same
/// number, same letter, same words), so the order changes the cost, not the verdict.
public struct TieredComparator: AnswerComparator {
    /// The fast first check.
    public let simple: SimpleAnswerComparator
    /// The full engine, consulted when the fast check finds no match.
    public let math: MathVerifier

    /// Makes the comparator; `options` configure the math engine (precision, strict, budget).
    public init(options: MathVerifier.Options = MathVerifier.Options()) {
        simple = SimpleAnswerComparator()
        math = MathVerifier(options: options)
    }

    public func compare(gold: String, predicted: String) -> Verdict {
        let quick = simple.compare(gold: gold, predicted: predicted)
        return quick.isMatch ? quick : math.compare(gold: gold, predicted: predicted)
    }
}
