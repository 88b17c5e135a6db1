/// A scalar loss and its gradient with respect to the loss input.
public struct LossResult: Sendable {
    /// The loss value (accumulated in Double, reported as Float).
    public let value: Float
    /// dLoss/dInput, same shape as the input.
    public let gradient: Matrix

    /// Pairs a value with its gradient.
    public init(value: Float, gradient: Matrix) {
        self.value = value
        self.gradient = gradient
    }
}

/// Numerically stable `log(1 + exp(x))`.
@inline(__always) func softplus(_ x: Float) -> Float {
    x > 0 ? x + _log1p(_exp(-x)) : _log1p(_exp(x))
}

/// Numerically stable logistic function.
@inline(__always) func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + _exp(-x)) }
    let e = _exp(x)
    return e / (1 + e)
}
