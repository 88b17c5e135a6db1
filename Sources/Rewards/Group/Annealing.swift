import Foundation

/// How the thinking reward's weight decays over training (docs/methods.md, Trust-GRPO).
public enum Annealing: String, Sendable, CaseIterable {
    /// `exp(-step / T)`, the paper's schedule.
    case exp
    /// `max(0, 1 - step / T)`.
    case linear
    /// `(1 + cos(pi * min(step, T) / T)) / 2`.
    case cosine
    /// Always 1.
    case constant

    /// The factor at training `step` with horizon `T` (T > 0).
    public func factor(step: Int, T: Double) -> Double {
        let s = Double(max(0, step))
        switch self {
        case .exp: return Foundation.exp(-s / T)
        case .linear: return max(0, 1 - s / T)
        case .cosine: return (1 + cos(Double.pi * min(s, T) / T)) / 2
        case .constant: return 1
        }
    }
}
