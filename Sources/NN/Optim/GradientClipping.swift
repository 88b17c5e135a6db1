/// Global-norm gradient clipping, as in `torch.nn.utils.clip_grad_norm_`.
public enum GradientClipping {
    /// The L2 norm of all gradients together.
    public static func globalNorm(_ parameters: [Parameter]) -> Float {
        Float(parameters.reduce(0.0) { $0 + $1.grad.sumOfSquares() }.squareRoot())
    }

    /// Scales all gradients by `maxNorm / norm` when the global norm exceeds `maxNorm`; returns
    /// the norm before clipping (worth logging).
    @discardableResult
    public static func clip(_ parameters: [Parameter], maxNorm: Float) -> Float {
        let norm = globalNorm(parameters)
        if norm > maxNorm && norm > 0 {
            let factor = maxNorm / (norm + 1e-6)
            for p in parameters { p.grad.scale(by: factor) }
        }
        return norm
    }
}
