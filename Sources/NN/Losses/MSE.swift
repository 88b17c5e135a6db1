/// Mean squared error over all elements: `mean((p - t)²)`.
public enum MeanSquaredError {
    /// The loss and `dL/dp = 2 (p - t) / count`.
    public static func compute(predictions: Matrix, targets: Matrix) -> LossResult {
        precondition(predictions.rows == targets.rows && predictions.cols == targets.cols, "MSE: shape mismatch")
        let n = max(predictions.count, 1)
        var grad = predictions
        var total = 0.0
        targets.withBuffer { t in
            grad.withMutableBuffer { g in
                for i in g.indices {
                    let diff = g[i] - t[i]
                    total += Double(diff) * Double(diff)
                    g[i] = 2 * diff / Float(n)
                }
            }
        }
        return LossResult(value: Float(total / Double(n)), gradient: grad)
    }
}
