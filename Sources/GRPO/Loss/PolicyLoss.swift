import Foundation

/// The GRPO objective per token: the clipped surrogate (PPO ratio with DAPO's separate lower and
/// upper clip) plus `beta` times the k3 estimate of KL to the reference policy (docs/methods.md, GRPO):
///
///     rho = exp(logp - logp_old)
///     surrogate = -min(rho * A, clip(rho, 1 - clipLow, 1 + clipHigh) * A)
///     k3 = exp(ref - logp) - (ref - logp) - 1
///
/// `compute` returns the aggregated loss and dLoss/dlogp for every token, which
/// `TokenLogProbs.gradient` pushes back into the logits.
///
/// k3 estimates KL(pi || ref) only on tokens drawn from pi under the same prompt, so `meanKL` averages
/// the sequences sampled under their own prompt, and a response shared from another prompt
/// (Share-GRPO) reports its k3 apart: the policy finds many of its tokens unlikely, where k3 grows
/// as exp(ref - logp). Both kinds stay in the loss: on shared rows the term is what holds back the
/// pull of their surrogate (docs/training.md, "KL under Share-GRPO").
public struct PolicyLoss: Sendable, Equatable {
    /// Lower clip epsilon (ratio floor `1 - clipLow`).
    public var clipLow: Double
    /// Upper clip epsilon (ratio ceiling `1 + clipHigh`; DAPO's clip-higher raises it).
    public var clipHigh: Double
    /// Weight of the k3 KL term.
    public var beta: Double
    /// Aggregation over tokens and sequences.
    public var aggregation: LossAggregation
    /// Dr. GRPO's constant length (the generation limit).
    public var constantLength: Int

    /// A loss.
    public init(
        clipLow: Double = 0.2, clipHigh: Double = 0.28, beta: Double = 0.02, aggregation: LossAggregation = .grpo,
        constantLength: Int = 64
    ) {
        self.clipLow = clipLow
        self.clipHigh = clipHigh
        self.beta = beta
        self.aggregation = aggregation
        self.constantLength = constantLength
    }

    /// The response tokens of one sequence as the loss sees them.
    public struct Sequence: Sendable, Equatable {
        /// log p of each token under the policy being trained.
        public var logProbs: [Double]
        /// log p under the policy that sampled it.
        public var oldLogProbs: [Double]
        /// log p under the frozen reference (ignored when beta is 0).
        public var refLogProbs: [Double]
        /// The sequence's advantage.
        public var advantage: Double
        /// Whether the response was sampled under this sequence's prompt; false for a response
        /// shared from another prompt, whose k3 is reported apart from the KL estimate.
        public var sampledHere: Bool

        /// A sequence.
        public init(
            logProbs: [Double], oldLogProbs: [Double], refLogProbs: [Double], advantage: Double,
            sampledHere: Bool = true
        ) {
            self.logProbs = logProbs
            self.oldLogProbs = oldLogProbs
            self.refLogProbs = refLogProbs
            self.advantage = advantage
            self.sampledHere = sampledHere
        }
    }

    /// The loss, its gradient and what to log.
    public struct Output: Sendable, Equatable {
        /// The aggregated loss.
        public var value: Double
        /// dLoss/dlogp, per sequence per token.
        public var gradients: [[Double]]
        /// Mean k3 KL per token (unweighted by beta) over the sequences sampled under their prompt:
        /// the estimate of KL to the reference.
        public var meanKL: Double
        /// Tokens `meanKL` averages over.
        public var klTokens: Int
        /// Mean k3 per token of the shared sequences (in the loss, but no KL estimate).
        public var sharedK3: Double
        /// Tokens `sharedK3` averages over.
        public var sharedTokens: Int
        /// Share of tokens whose clipped branch is active (their gradient is zero).
        public var clipFraction: Double
    }

    /// Loss and gradient over `sequences`.
    public func compute(_ sequences: [Sequence]) -> Output {
        let totalTokens = sequences.reduce(0) { $0 + $1.logProbs.count }
        var value = 0.0, klSum = 0.0, clipped = 0, klTokens = 0, sharedSum = 0.0, sharedTokens = 0
        var gradients: [[Double]] = []
        for s in sequences {
            let w = aggregation.tokenWeight(
                length: s.logProbs.count, sequences: sequences.count, totalTokens: totalTokens,
                constantLength: constantLength)
            var g = [Double](repeating: 0, count: s.logProbs.count)
            for t in s.logProbs.indices {
                let (loss, grad, isClipped) = surrogate(
                    logProb: s.logProbs[t], oldLogProb: s.oldLogProbs[t], advantage: s.advantage)
                var tokenLoss = loss, tokenGrad = grad
                if isClipped { clipped += 1 }
                if beta != 0 {
                    let (kl, klGrad) = Self.k3(logProb: s.logProbs[t], refLogProb: s.refLogProbs[t])
                    tokenLoss += beta * kl
                    tokenGrad += beta * klGrad
                    if s.sampledHere {
                        klSum += kl
                        klTokens += 1
                    } else {
                        sharedSum += kl
                        sharedTokens += 1
                    }
                }
                value += w * tokenLoss
                g[t] = w * tokenGrad
            }
            gradients.append(g)
        }
        let n = Double(max(1, totalTokens))
        return Output(
            value: value, gradients: gradients, meanKL: klSum / Double(max(1, klTokens)), klTokens: klTokens,
            sharedK3: sharedSum / Double(max(1, sharedTokens)), sharedTokens: sharedTokens,
            clipFraction: Double(clipped) / n)
    }

    /// `-min(rho A, clip(rho) A)`, its derivative in logp, and whether the clipped branch won.
    public func surrogate(
        logProb: Double, oldLogProb: Double, advantage a: Double
    ) -> (value: Double, gradient: Double, clipped: Bool) {
        let rho = exp(logProb - oldLogProb)
        let bounded = min(max(rho, 1 - clipLow), 1 + clipHigh)
        let unclippedTerm = rho * a, clippedTerm = bounded * a
        if clippedTerm < unclippedTerm {
            return (-clippedTerm, 0, true)  // the clip holds the ratio: no gradient
        }
        return (-unclippedTerm, -a * rho, false)
    }

    /// The k3 KL estimate `exp(ref - logp) - (ref - logp) - 1` and its derivative in logp.
    public static func k3(logProb: Double, refLogProb: Double) -> (value: Double, gradient: Double) {
        let d = refLogProb - logProb
        let e = exp(d)
        return (e - d - 1, 1 - e)
    }
}
