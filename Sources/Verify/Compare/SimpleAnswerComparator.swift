/// The foundation comparator: numbers as exact fractions, multiple-choice letters, and text.
///
/// Both sides are normalised first (`AnswerTextNormalizer`). Then, in order: a letter gold needs
/// a letter prediction (`choice`); two numbers compare as exact fractions, a percent also matching
/// its value over 100 (`numeric`); otherwise the texts compare ignoring case and all white space
/// (`text`). No symbolic algebra: `x+1` and `1+x` differ, and `0.333` is not `1/3`. The full math
/// engine replaces this comparator through the `AnswerComparator` protocol.
public struct SimpleAnswerComparator: AnswerComparator {
    /// Makes the comparator; it has no settings.
    public init() {}

    /// Compares an extracted prediction with the gold answer; reason is `numeric`, `choice`,
    /// `text`, `mismatch` or `empty`.
    public func compare(gold: String, predicted: String) -> Verdict {
        let g = AnswerTextNormalizer.normalize(gold)
        let p = AnswerTextNormalizer.normalize(predicted)
        guard !g.isEmpty, !p.isEmpty else { return Verdict(isMatch: false, reason: "empty") }
        if let goldLetter = ChoiceLetter.parse(g), let predictedLetter = ChoiceLetter.parse(p) {
            return goldLetter == predictedLetter
                ? Verdict(isMatch: true, reason: "choice") : Verdict(isMatch: false, reason: "mismatch")
        }
        if let a = SimpleNumberParser.parse(g), let b = SimpleNumberParser.parse(p) {
            return Self.sameNumber(a, b)
                ? Verdict(isMatch: true, reason: "numeric") : Verdict(isMatch: false, reason: "mismatch")
        }
        if Self.textKey(g) == Self.textKey(p) { return Verdict(isMatch: true, reason: "text") }
        return Verdict(isMatch: false, reason: "mismatch")
    }

    /// `50%` equals `50` (the same figure) and `0.5` (its value).
    private static func sameNumber(_ a: SimpleNumberParser.Parsed, _ b: SimpleNumberParser.Parsed) -> Bool {
        if a.value.isEquivalent(to: b.value) { return true }
        guard a.isPercent != b.isPercent, let hundred = SimpleNumber.fraction(100, 1) else { return false }
        let (percent, plain) = a.isPercent ? (a.value, b.value) : (b.value, a.value)
        return percent.divided(by: hundred)?.isEquivalent(to: plain) ?? false
    }

    private static func textKey(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace })
    }
}
