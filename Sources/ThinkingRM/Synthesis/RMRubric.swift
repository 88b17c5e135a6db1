/// The scoring rubric for synthetic and hand-written labels (also in Fixtures/rm_heldout.README.md).
///
/// Start from 1.0 and subtract, per criterion (docs/methods.md, Trust-GRPO), for each flaw present; clamp to
/// [0,1] and round to 0.1, the grid SophiaVL's judge scores use.
///
/// | criterion | flaw | deduction |
/// | --- | --- | --- |
/// | correct reasoning | arithmetic slip carried to the answer | 0.4 |
/// | correct reasoning + logical soundness | wrong method | 0.6 |
/// | error identification | slip noticed and corrected | 0.1 |
/// | logical soundness | unjustified jump | 0.2 |
/// | logical soundness | contradiction | 0.3 |
/// | logical soundness | answer does not follow from the work | 0.4 |
/// | language consistency | language mixing | 0.3 |
/// | redundancy | repetition | 0.2 |
/// | redundancy | tangent | 0.2 |
/// | redundancy | hedging | 0.1 |
///
/// A heavy application (more than one instance) adds 0.1. The weights rank flaws by how much they
/// damage the reasoning: wrong work outweighs untidy work, and a self-corrected error costs little
/// because noticing it is exactly the error identification the criterion rewards.
public enum RMRubric {
    /// The deduction for one flaw.
    public static func deduction(_ flaw: Flaw) -> Double {
        switch flaw {
        case .arithmeticSlip: return 0.4
        case .wrongMethod: return 0.6
        case .correctedSlip: return 0.1
        case .unjustifiedJump: return 0.2
        case .contradiction: return 0.3
        case .answerNotFollowing: return 0.4
        case .languageMixing: return 0.3
        case .repetition: return 0.2
        case .tangent: return 0.2
        case .hedging: return 0.1
        }
    }

    /// The score of a response with `flaws`: 1 minus the deductions, clamped, rounded to 0.1.
    public static func score(_ flaws: [FlawApplication]) -> Double {
        var total = 1.0
        for f in flaws { total -= deduction(f.flaw) + (f.heavy ? 0.1 : 0) }
        return round(max(0, min(1, total)))
    }

    /// `x` rounded to the 0.1 grid.
    public static func round(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
