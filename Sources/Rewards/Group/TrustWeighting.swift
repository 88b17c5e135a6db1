import Foundation

/// Trust-GRPO (SophiaVL-R1, docs/methods.md, Trust-GRPO): how much a group's thinking rewards are trusted,
/// and the total reward `R_i = Ro_i + gamma * alpha * anneal(step) * Rt_i`.
public struct TrustWeighting: Sendable {
    /// The settings (mode, alpha, schedule, T).
    public let settings: GroupSpec.Trust

    /// Makes the weighting.
    public init(_ settings: GroupSpec.Trust) { self.settings = settings }

    /// The group's totals and its trust `gamma`, from outcome rewards `Ro` and thinking rewards `Rt`
    /// (parallel arrays) at training `step`. Mode `off` returns `Ro + Rt` weighted by nothing, so
    /// callers handle `off` themselves (the plain weighted sum of all components).
    public func apply(outcomes: [Double], thinking: [Double], step: Int) -> (rewards: [Double], gamma: Double) {
        let scale = settings.alpha * settings.schedule.factor(step: step, T: settings.T)
        switch settings.mode {
        case .off:
            return (zip(outcomes, thinking).map { $0 + $1 }, 1)
        case .paper:
            let gamma = Self.gamma(outcomes: outcomes, thinking: thinking, emptyMeanIsZero: false)
            return (zip(outcomes, thinking).map { $0 + gamma * scale * $1 }, gamma)
        case .released:
            // A group where every outcome is (nearly) right or every one wrong skips the thinking reward.
            if outcomes.allSatisfy({ $0 >= 0.9 }) || outcomes.allSatisfy({ $0 <= 0.1 }) {
                return (outcomes, 1)
            }
            // The thinking reward only counts where the outcome reward is at least 0.2.
            let gated = zip(outcomes, thinking).map { $0 >= 0.2 ? $1 : 0 }
            let gamma = Self.gamma(outcomes: outcomes, thinking: gated, emptyMeanIsZero: true)
            return (zip(outcomes, gated).map { $0 + gamma * scale * $1 }, gamma)
        }
    }

    /// `gamma = 1` if the mean thinking reward of correct responses (`Ro >= 0.5`) is at least that of
    /// wrong ones, else `exp(mu_c - mu_w)`. With no correct response gamma is 1. With correct but no
    /// wrong responses: the paper leaves it undefined (we use 1); the release takes `mu_w = 0`.
    static func gamma(outcomes: [Double], thinking: [Double], emptyMeanIsZero: Bool) -> Double {
        var correct: [Double] = [], wrong: [Double] = []
        for (o, t) in zip(outcomes, thinking) {
            if o >= 0.5 { correct.append(t) } else { wrong.append(t) }
        }
        guard !correct.isEmpty else { return 1 }
        if wrong.isEmpty && !emptyMeanIsZero { return 1 }
        let muC = GroupStatistics.mean(correct), muW = GroupStatistics.mean(wrong)
        return muC >= muW ? 1 : exp(muC - muW)
    }
}
