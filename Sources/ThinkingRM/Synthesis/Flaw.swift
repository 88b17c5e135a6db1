/// A way a solution's reasoning goes wrong, as the synthesiser writes it into a correct solution.
/// Each maps to the criteria of the thinking reward (docs/methods.md, Trust-GRPO) it offends; see `RMRubric`.
public enum Flaw: String, Sendable, CaseIterable, Hashable {
    /// One calculation's result is off; later steps carry the wrong value to the answer.
    case arithmeticSlip
    /// A slip that the response notices and fixes ("wait, 7 × 8 is 56, not 54").
    case correctedSlip
    /// A plausible but wrong method (adding instead of multiplying, the wrong base of a percent).
    case wrongMethod
    /// A step's result asserted without the work that gives it.
    case unjustifiedJump
    /// A statement that contradicts the response's own work.
    case contradiction
    /// Steps or sentences said again, adding nothing.
    case repetition
    /// Sentences that have nothing to do with the problem.
    case tangent
    /// A sentence or clause in another language or script.
    case languageMixing
    /// Hedging where the work is certain ("I think", "maybe", "probably").
    case hedging
    /// A final answer that is not the value the work arrived at.
    case answerNotFollowing
}

/// One flaw as applied: `heavy` means more of it (three repeated lines, two tangents, a hedge on
/// every step), which the rubric charges a little more for.
public struct FlawApplication: Sendable, Hashable {
    /// The flaw.
    public var flaw: Flaw
    /// More of it than once.
    public var heavy: Bool

    /// An application.
    public init(_ flaw: Flaw, heavy: Bool = false) {
        self.flaw = flaw
        self.heavy = heavy
    }
}
