/// AdamW (Loshchilov & Hutter): Adam with decoupled weight decay applied to parameters whose
/// `decays` flag is set. Moments live in each `Parameter`.
public final class AdamW {
    /// Step size; may be changed between steps for a schedule.
    public var learningRate: Float
    /// First-moment decay.
    public let beta1: Float
    /// Second-moment decay.
    public let beta2: Float
    /// Added to the root of the second moment.
    public let epsilon: Float
    /// Decoupled decay coefficient: `w -= lr * weightDecay * w`.
    public let weightDecay: Float
    /// Steps taken so far (bias correction uses it); set it when resuming from a checkpoint.
    public var stepCount = 0

    /// An optimiser with the usual defaults.
    public init(
        learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
        weightDecay: Float = 0.01
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Updates every parameter from its gradient (gradients are left as they are).
    public func step(_ parameters: [Parameter]) {
        stepCount += 1
        let t = Float(stepCount)
        let c1 = 1 - _pow(beta1, t), c2 = 1 - _pow(beta2, t)
        let lr = learningRate, b1 = beta1, b2 = beta2, eps = epsilon
        for p in parameters {
            let decay: Float = p.decays ? 1 - lr * weightDecay : 1
            p.grad.withBuffer { g in
                p.firstMoment.withMutableBuffer { m in
                    p.secondMoment.withMutableBuffer { v in
                        p.value.withMutableBuffer { w in
                            for i in w.indices {
                                m[i] = b1 * m[i] + (1 - b1) * g[i]
                                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                                let update = (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                                w[i] = w[i] * decay - lr * update
                            }
                        }
                    }
                }
            }
        }
    }
}
