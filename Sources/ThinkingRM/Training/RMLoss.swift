import Foundation
import NN

/// The training loss on a batch of logits: BCE against the soft scores, plus optionally a
/// Bradley-Terry term over the batch's within-question pairs whose gold scores differ (the
/// ordering GRPO actually uses).
enum RMLoss {
    /// Loss value and dLoss/dLogits `[B, 1]`.
    static func compute(logits: Matrix, targets: [Float], questions: [Int], pairwiseWeight: Float) -> (Float, Matrix) {
        let bce = BinaryCrossEntropy.withLogits(logits, targets: Matrix(rows: targets.count, cols: 1, values: targets))
        guard pairwiseWeight > 0 else { return (bce.value, bce.gradient) }
        var chosen: [Int] = [], rejected: [Int] = []
        for i in 0..<targets.count {
            for j in (i + 1)..<max(i + 1, targets.count) where questions[i] == questions[j] && targets[i] != targets[j]
            {
                if targets[i] > targets[j] {
                    chosen.append(i); rejected.append(j)
                } else {
                    chosen.append(j); rejected.append(i)
                }
            }
        }
        guard !chosen.isEmpty else { return (bce.value, bce.gradient) }
        let c = Matrix(rows: chosen.count, cols: 1, values: chosen.map { logits[$0, 0] })
        let r = Matrix(rows: rejected.count, cols: 1, values: rejected.map { logits[$0, 0] })
        let bt = BradleyTerry.compute(chosen: c, rejected: r)
        var grad = bce.gradient
        grad.withMutableBuffer { g in
            for k in chosen.indices {
                g[chosen[k]] += pairwiseWeight * bt.dChosen[k, 0]
                g[rejected[k]] += pairwiseWeight * bt.dRejected[k, 0]
            }
        }
        return (bce.value + pairwiseWeight * bt.value, grad)
    }

    /// Mean BCE of probabilities `p` against soft targets `y` (validation loss).
    static func bce(_ p: [Double], _ y: [Double]) -> Double {
        guard !p.isEmpty else { return 0 }
        var total = 0.0
        for (pi, yi) in zip(p, y) {
            let q = min(max(pi, 1e-7), 1 - 1e-7)
            total -= yi * log(q) + (1 - yi) * log(1 - q)
        }
        return total / Double(p.count)
    }
}
