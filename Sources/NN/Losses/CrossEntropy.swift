/// Softmax cross-entropy over rows of logits with integer targets, mean over counted rows.
public enum CrossEntropy {
    /// Rows whose target is negative are ignored (padding); the mean is over the others.
    public static func compute(logits: Matrix, targets: [Int32]) -> LossResult {
        let lp = TokenLogProbs(logits: logits, targets: targets)
        let counted = targets.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let weight: Float = counted > 0 ? -1 / Float(counted) : 0
        var total = 0.0
        for (i, t) in targets.enumerated() where t >= 0 { total -= Double(lp.logProbs[i]) }
        let upstream = targets.map { $0 >= 0 ? weight : 0 }
        return LossResult(value: counted > 0 ? Float(total / Double(counted)) : 0, gradient: lp.gradient(upstream))
    }
}

/// Per-row log-probability of a target id under softmax(logits): what a policy-gradient loss needs
/// per token. Keeps the softmax so `gradient` can push any per-token upstream gradient back.
public struct TokenLogProbs: Sendable {
    /// `log softmax(logits[i])[targets[i]]`, 0 for ignored rows (negative target).
    public let logProbs: [Float]
    /// Row-wise softmax of the logits.
    public let probabilities: Matrix
    /// The target ids.
    public let targets: [Int32]

    /// Computes log-probabilities of `targets` (one per row; negative = ignored).
    public init(logits: Matrix, targets: [Int32]) {
        precondition(targets.count == logits.rows, "TokenLogProbs: \(targets.count) targets for \(logits.rows) rows")
        precondition(logits.cols > 0, "TokenLogProbs: logits need at least one column")
        let v = logits.cols
        var probs = Matrix(uninitializedRows: logits.rows, cols: v)
        var lps = [Float](repeating: 0, count: logits.rows)
        logits.withBuffer { z in
            probs.withMutableBuffer { p in
                for r in 0..<logits.rows {
                    let o = r * v
                    var m = z[o]
                    for c in 1..<v where z[o + c] > m { m = z[o + c] }
                    var sum: Float = 0
                    for c in 0..<v {
                        let e = fastExp(z[o + c] - m)
                        p[o + c] = e
                        sum += e
                    }
                    let t = Int(targets[r])
                    precondition(t < v, "TokenLogProbs: target \(t) outside vocabulary \(v)")
                    // From the logit, not log(exp(...)): a target far below the max would underflow to -inf.
                    if t >= 0 { lps[r] = (z[o + t] - m) - _log(sum) }
                    let inv = 1 / sum
                    for c in 0..<v { p[o + c] *= inv }
                }
            }
        }
        logProbs = lps
        probabilities = probs
        self.targets = targets
    }

    /// dLoss/dLogits given `upstream[i] = dLoss/dLogProbs[i]`: `g_i (onehot(t_i) - p_i)`.
    public func gradient(_ upstream: [Float]) -> Matrix {
        precondition(upstream.count == targets.count, "TokenLogProbs.gradient: one value per row needed")
        let v = probabilities.cols
        var grad = probabilities
        grad.withMutableBuffer { g in
            for r in 0..<targets.count {
                let o = r * v, u = upstream[r], t = Int(targets[r])
                if t < 0 || u == 0 {
                    for c in 0..<v { g[o + c] = 0 }
                    continue
                }
                for c in 0..<v { g[o + c] *= -u }
                g[o + t] += u
            }
        }
        return grad
    }
}
