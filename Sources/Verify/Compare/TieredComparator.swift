/// The default comparator: the cheap `SimpleAnswerComparator` first, the full `MathVerifier` only
/// when it finds no match.
///
/// Most correct answers in RL rollouts are written like their reference (`72` for `72`), and the
/// simple check decides those in well under a microsecond; the math engine parses, evaluates and
/// compares, which costs more. A simple match is always a match for the math engine too (same
/// number, same letter, same words), so the order changes the cost, not the verdict.
///
/// Before either, a pair of plain answers (numbers such as `12`, `-3.5`, `3/4`, `\frac{3}{4}`,
/// `40%`, or one letter) is decided from its bytes by `PlainAnswer.decide`: a match where the
/// simple check matches, a mismatch only where the engine cannot match either (different exact
/// values, or values further apart than its decimal rounding can bridge). Wrong answers of those
/// shapes are the most common mismatch in math RL, and would otherwise cost a full engine parse each.
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
        // Plain numbers and letters (most answers) are decided from their bytes, exactly as the
        // two comparators below would decide them (`PlainAnswer.decide`), without building strings.
        if let g = PlainAnswer(gold), let p = PlainAnswer(predicted) {
            switch PlainAnswer.decide(gold: g, predicted: p, precision: math.options.precision) {
            case let .match(reason): return Verdict(isMatch: true, reason: reason)
            case .differ: return Verdict(isMatch: false, reason: "mismatch")
            case .undecided: break
            }
        }
        let quick = simple.compare(gold: gold, predicted: predicted)
        if quick.isMatch { return quick }
        return math.compare(gold: gold, predicted: predicted)
    }
}
