/// Binary cross-entropy on logits (sigmoid folded in for stability), mean over elements.
/// Targets may be soft labels in `[0, 1]`, e.g. a 0.0...1.0 thinking score.
public enum BinaryCrossEntropy {
    /// `mean(softplus(z) - y z)` and `dL/dz = (σ(z) - y) / count`.
    public static func withLogits(_ logits: Matrix, targets: Matrix) -> LossResult {
        precondition(logits.rows == targets.rows && logits.cols == targets.cols, "BCE: shape mismatch")
        let n = max(logits.count, 1)
        var grad = logits
        var total = 0.0
        targets.withBuffer { y in
            grad.withMutableBuffer { g in
                for i in g.indices {
                    let z = g[i]
                    total += Double(softplus(z) - y[i] * z)
                    g[i] = (sigmoid(z) - y[i]) / Float(n)
                }
            }
        }
        return LossResult(value: Float(total / Double(n)), gradient: grad)
    }
}
