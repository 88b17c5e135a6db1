import Rewards

/// Chooses the flaws of one degraded response: one to three, no two of the same flaw, never a
/// slip both carried and corrected. Mostly one or two flaws, so scores spread over the grid
/// instead of piling up at zero.
enum FlawSampler {
    static func sample(_ rng: inout SplitMix64) -> [FlawApplication] {
        let r = rng.next() % 100
        let count = r < 45 ? 1 : (r < 80 ? 2 : 3)
        var chosen: [FlawApplication] = []
        while chosen.count < count {
            let f = rng.pick(Flaw.allCases)
            if chosen.contains(where: { $0.flaw == f }) { continue }
            if (f == .arithmeticSlip && chosen.contains { $0.flaw == .correctedSlip })
                || (f == .correctedSlip && chosen.contains { $0.flaw == .arithmeticSlip })
            {
                continue
            }
            let canBeHeavy: Set<Flaw> = [.repetition, .tangent, .languageMixing, .hedging]
            chosen.append(FlawApplication(f, heavy: canBeHeavy.contains(f) && rng.chance(0.35)))
        }
        return chosen
    }
}
