import Rewards

/// How a solution is written. The same reasoning in several surface forms keeps a model from
/// learning the style instead of the reasoning.
public enum SolutionStyle: String, Sendable, CaseIterable {
    /// Bare calculations, one per line.
    case terse
    /// Full sentences with connectives, one step per line.
    case verbose
    /// "Step 1: ..." lines.
    case numbered
    /// One paragraph.
    case prose
    /// Inline LaTeX maths (`$7 \times 12 = 84$`).
    case latex

    /// The text of `op` in this style.
    func symbol(_ op: ArithmeticOperator, _ rng: inout SplitMix64) -> String {
        switch (self, op) {
        case (_, .add): return "+"
        case (_, .subtract): return "-"
        case (.latex, .multiply): return "\\times"
        case (.latex, .divide): return "\\div"
        case (.terse, .multiply): return rng.pick(["*", "×", "x"])
        case (_, .multiply): return rng.pick(["×", "×", "*"])
        case (_, .divide): return rng.pick(["/", "÷"])
        }
    }

    /// Lines are joined with this.
    var separator: String { self == .prose ? " " : "\n" }

    static let ordinals = ["First", "Next", "Then", "After that", "Now"]

    /// One step written out: `calc` is the calculation ("7 × 12 = 84"), `k` its position.
    func line(_ step: SynthStep, calc: String, k: Int, last: Bool, _ rng: inout SplitMix64) -> String {
        let why = step.why, what = step.what
        let ordinal = last && k > 0 ? "Finally" : Self.ordinals[min(k, Self.ordinals.count - 1)]
        switch self {
        case .terse:
            return rng.pick(["\(calc)", "\(what): \(calc)", "\(calc) (\(what))"])
        case .verbose:
            return rng.pick([
                "\(ordinal), \(why), so we compute \(calc) \(what).",
                "\(ordinal), since \(why), we get \(calc) \(what).",
                "We know that \(why). That gives \(calc) \(what).",
            ])
        case .numbered:
            return rng.pick([
                "Step \(k + 1): \(Self.capitalised(why)): \(calc) \(what).",
                "\(k + 1). \(Self.capitalised(what)): \(calc)",
                "\(k + 1)) \(Self.capitalised(why)), so \(calc).",
            ])
        case .prose:
            return rng.pick([
                "\(Self.capitalised(why)), so \(calc) \(what).",
                "Because \(why), there are \(calc) \(what).",
                "\(ordinal) \(why), which gives \(calc).",
            ])
        case .latex:
            return rng.pick([
                "\(Self.capitalised(why)): $\(calc)$ (\(what)).",
                "$$\(calc)$$ \(what).",
                "\(Self.capitalised(what)): $\(calc)$",
            ])
        }
    }

    /// The closing sentence that states `answer`.
    func closing(_ answer: String, unit: String, _ rng: inout SplitMix64) -> String {
        let withUnit =
            unit.isEmpty || unit == "percent" ? (unit == "percent" ? "\(answer)%" : answer) : "\(answer) \(unit)"
        switch self {
        case .terse: return rng.pick(["Answer: \(answer)", "= \(withUnit)", "**\(answer)**"])
        case .latex: return rng.pick(["The answer is $\\boxed{\(answer)}$.", "\\boxed{\(answer)}"])
        default:
            return rng.pick([
                "So the answer is \(withUnit).", "Therefore, the answer is \(answer).",
                "The final answer is \(withUnit).", "**Answer:** \(answer)",
            ])
        }
    }

    /// An opening line, or nil: terse and numbered solutions usually start straight away.
    func opening(_ rng: inout SplitMix64) -> String? {
        switch self {
        case .verbose:
            return rng.pick([
                "Let's work through this step by step.", "We need to set up the calculation carefully.",
                "Let me think about what the question asks.",
            ])
        case .prose: return rng.chance(0.5) ? "Let me work it out." : nil
        case .latex: return rng.chance(0.5) ? "We compute directly." : nil
        default: return nil
        }
    }

    static func capitalised(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
