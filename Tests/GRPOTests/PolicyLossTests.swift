import Foundation
import Testing

@testable import GRPO

/// The clipped surrogate, the k3 KL and the aggregation modes against hand-computed values.
struct PolicyLossTests {
    let loss = PolicyLoss(clipLow: 0.2, clipHigh: 0.28, beta: 0, aggregation: .grpo, constantLength: 4)

    /// (ratio, advantage) -> expected loss, d/dlogp, clipped. Worked by hand from
    /// -min(rho*A, clip(rho, 0.8, 1.28)*A); d/dlogp of the unclipped branch is -A*rho.
    static let surrogateCases: [(rho: Double, a: Double, value: Double, gradient: Double, clipped: Bool)] = [
        (1.1, 1, -1.1, -1.1, false),  // inside the range
        (1.5, 1, -1.28, 0, true),  // above 1+eps_high with A > 0: held at 1.28, no gradient
        (0.5, 1, -0.5, -0.5, false),  // below 1-eps_low with A > 0: the unclipped term is smaller
        (0.5, -1, 0.8, 0, true),  // below 1-eps_low with A < 0: held at 0.8, no gradient
        (1.5, -1, 1.5, 1.5, false),  // above 1+eps_high with A < 0: unclipped, keeps pushing down
        (1.0, 2, -2, -2, false),  // on-policy: plain policy gradient
    ]

    @Test(arguments: surrogateCases.indices)
    func surrogateMatchesHandComputedValues(_ i: Int) {
        let c = Self.surrogateCases[i]
        let r = loss.surrogate(logProb: log(c.rho), oldLogProb: 0, advantage: c.a)
        #expect(abs(r.value - c.value) < 1e-12)
        #expect(abs(r.gradient - c.gradient) < 1e-12)
        #expect(r.clipped == c.clipped)
    }

    @Test(arguments: [(0.3, 1.0), (-0.05, -2.0), (0.4, -0.7), (-0.6, 0.9)])
    func surrogateGradientMatchesFiniteDifference(_ logRatio: Double, _ a: Double) {
        let h = 1e-6
        let numeric =
            (loss.surrogate(logProb: logRatio + h, oldLogProb: 0, advantage: a).value
                - loss.surrogate(logProb: logRatio - h, oldLogProb: 0, advantage: a).value) / (2 * h)
        #expect(abs(loss.surrogate(logProb: logRatio, oldLogProb: 0, advantage: a).gradient - numeric) < 1e-6)
    }

    @Test func k3MatchesHandComputedValue() {
        // logp = ln 0.5, ref = ln 0.25: ref - logp = ln 0.5, exp = 0.5; k3 = 0.5 - ln 0.5 - 1 = 0.19315.
        let (value, gradient) = PolicyLoss.k3(logProb: log(0.5), refLogProb: log(0.25))
        #expect(abs(value - (0.5 - log(0.5) - 1)) < 1e-12)
        #expect(abs(value - 0.193147) < 1e-6)
        #expect(abs(gradient - 0.5) < 1e-12)
        let same = PolicyLoss.k3(logProb: -1.3, refLogProb: -1.3)
        #expect(same.value == 0 && same.gradient == 0)
        let h = 1e-6
        let numeric =
            (PolicyLoss.k3(logProb: -0.9 + h, refLogProb: -1.7).value
                - PolicyLoss.k3(logProb: -0.9 - h, refLogProb: -1.7).value) / (2 * h)
        #expect(abs(PolicyLoss.k3(logProb: -0.9, refLogProb: -1.7).gradient - numeric) < 1e-6)
    }

    @Test func klTermIsWeightedByBeta() {
        var withKL = loss
        withKL.beta = 0.5
        let s = PolicyLoss.Sequence(
            logProbs: [log(0.5)], oldLogProbs: [log(0.5)], refLogProbs: [log(0.25)], advantage: 1)
        let out = withKL.compute([s])
        // Surrogate on-policy: -1 (gradient -1); KL 0.193147 (gradient 0.5), weighted 0.5.
        #expect(abs(out.value - (-1 + 0.5 * 0.193147)) < 1e-6)
        #expect(abs(out.gradients[0][0] - (-1 + 0.25)) < 1e-12)
        #expect(abs(out.meanKL - 0.193147) < 1e-6)
    }

    /// A response shared from another prompt (Share-GRPO) keeps its KL term in the loss, but its k3
    /// is reported apart from the KL estimate: here the policy gives its token 0.01 where the
    /// reference gives 0.5, so k3 = 50 - ln 50 - 1 = 45.088, which would dwarf the KL of 0.193.
    @Test func sharedSequenceK3IsReportedApartFromTheKL() {
        var withKL = loss
        withKL.beta = 0.5
        let own = PolicyLoss.Sequence(
            logProbs: [log(0.5)], oldLogProbs: [log(0.5)], refLogProbs: [log(0.25)], advantage: 1)
        let shared = PolicyLoss.Sequence(
            logProbs: [log(0.01)], oldLogProbs: [log(0.01)], refLogProbs: [log(0.5)], advantage: 1,
            sampledHere: false)
        let out = withKL.compute([own, shared])
        let sharedK3 = 50 - log(50.0) - 1
        #expect(abs(out.meanKL - 0.193147) < 1e-6 && out.klTokens == 1)
        #expect(abs(out.sharedK3 - sharedK3) < 1e-9 && out.sharedTokens == 1)
        // grpo aggregation, one token per sequence, two sequences: each token weighs 1/2; the k3
        // gradient is 1 - exp(ref - logp): 0.5 on the own token, 1 - 50 on the shared one.
        #expect(abs(out.gradients[0][0] - 0.5 * (-1 + 0.5 * 0.5)) < 1e-12)
        #expect(abs(out.gradients[1][0] - 0.5 * (-1 + 0.5 * (1 - 50))) < 1e-9)
        #expect(abs(out.value - (0.5 * (-1 + 0.5 * 0.193147) + 0.5 * (-1 + 0.5 * sharedK3))) < 1e-6)
    }

    /// Two on-policy sequences (per-token loss -A): A = 1 over 1 token, A = 2 over 3 tokens.
    static let sequences = [
        PolicyLoss.Sequence(logProbs: [-1], oldLogProbs: [-1], refLogProbs: [-1], advantage: 1),
        PolicyLoss.Sequence(
            logProbs: [-1, -2, -3], oldLogProbs: [-1, -2, -3], refLogProbs: [-1, -2, -3], advantage: 2),
    ]

    @Test(arguments: [
        // grpo: mean(-1/1, -6/3) = -1.5; token weights 1/(2*1) and 1/(2*3).
        (LossAggregation.grpo, -1.5, -0.5, -1.0 / 3),
        // token_mean: (-1 - 6) / 4 tokens = -1.75; every token weight 1/4.
        (LossAggregation.tokenMean, -1.75, -0.25, -0.5),
        // dr_grpo: (-1 - 6) / (2 sequences * 4) = -0.875; every token weight 1/8.
        (LossAggregation.drGRPO, -0.875, -0.125, -0.25),
    ])
    func aggregationModes(_ mode: LossAggregation, _ value: Double, _ firstGradient: Double, _ secondGradient: Double) {
        var l = loss
        l.aggregation = mode
        let out = l.compute(Self.sequences)
        #expect(abs(out.value - value) < 1e-12)
        #expect(abs(out.gradients[0][0] - firstGradient) < 1e-12)
        for g in out.gradients[1] { #expect(abs(g - secondGradient) < 1e-12) }
    }

    @Test func clipFractionCountsClippedTokens() {
        // Ratios 1.5 (clipped for A > 0), 1.0 and 0.9 (not clipped): one of three.
        let s = PolicyLoss.Sequence(
            logProbs: [log(1.5), 0, log(0.9)], oldLogProbs: [0, 0, 0], refLogProbs: [0, 0, 0], advantage: 1)
        #expect(abs(loss.compute([s]).clipFraction - 1.0 / 3) < 1e-12)
    }
}
