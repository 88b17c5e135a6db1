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
        if quick.isMatch { return quick }
        // Two different integer literals differ for the engine too (it compares integers exactly),
        // and wrong integer answers are the most common mismatch in math RL: skip the parse.
        if Self.isIntegerLiteral(gold), Self.isIntegerLiteral(predicted) { return quick }
        return math.compare(gold: gold, predicted: predicted)
    }

    /// Whether `text` is an optionally signed run of ASCII digits, with white space around it only.
    static func isIntegerLiteral(_ text: String) -> Bool {
        var digits = 0, signAllowed = true, ended = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if ended { return false }
                digits += 1
                signAllowed = false
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard signAllowed, digits == 0 else { return false }
                signAllowed = false
            case 0x20, 0x09, 0x0A, 0x0D:
                if digits > 0 { ended = true } else if !signAllowed { return false }
            default:
                return false
            }
        }
        return digits > 0
    }
}
