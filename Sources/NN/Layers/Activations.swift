/// GELU with the tanh approximation (as in GPT-2): `0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³)))`,
/// computed as `x σ(2u)` with `u = √(2/π)(x + 0.044715 x³)` (the same function, one exp).
public final class GELU {
    private var input = Matrix(rows: 0, cols: 0)
    private var gate = Matrix(rows: 0, cols: 0)  // σ(2u) per input, saved by forward for backward

    /// A stateless-but-for-backward activation.
    public init() {}

    /// Elementwise GELU; remembers the input and σ(2u) for `backward`, which then needs no exp
    /// of its own (GELU is a noticeable share of a policy training step, much of it in the exps).
    public func forward(_ x: Matrix) -> Matrix {
        input = x
        var y = Matrix(uninitializedRows: x.rows, cols: x.cols)
        gate.ensureShape(rows: x.rows, cols: x.cols)
        x.withBuffer { src in
            y.withMutableBuffer { out in
                gate.withMutableBuffer { sig in
                    for i in out.indices {
                        let v = src[i]
                        let s = fastSigmoid(2 * Self.k0 * (v + Self.k1 * v * v * v))
                        sig[i] = s
                        out[i] = v * s
                    }
                }
            }
        }
        return y
    }

    /// Elementwise GELU without remembering the input (inference).
    public func apply(_ x: Matrix) -> Matrix {
        var y = Matrix(uninitializedRows: x.rows, cols: x.cols)
        x.withBuffer { src in
            y.withMutableBuffer { out in
                for i in out.indices {
                    let v = src[i]
                    out[i] = v * fastSigmoid(2 * Self.k0 * (v + Self.k1 * v * v * v))
                }
            }
        }
        return y
    }

    /// `dx = dy * GELU'(x)`.
    public func backward(_ dy: Matrix) -> Matrix {
        precondition(dy.count == input.count, "GELU.backward: gradient shape mismatch")
        var dx = dy
        input.withBuffer { x in
            gate.withBuffer { sig in
                dx.withMutableBuffer { g in
                    for i in g.indices {
                        let v = x[i], s = sig[i]
                        // d/dx [x σ(2u)] = σ + x · 2σ(1-σ) · du/dx
                        g[i] *= s + v * 2 * s * (1 - s) * Self.k0 * (1 + 3 * Self.k1 * v * v)
                    }
                }
            }
        }
        return dx
    }

    private static let k0: Float = 0.797_884_56  // sqrt(2/pi)
    private static let k1: Float = 0.044715
}

/// The rectifier `max(0, x)`.
public final class ReLU {
    private var input = Matrix(rows: 0, cols: 0)

    /// A stateless-but-for-backward activation.
    public init() {}

    /// Elementwise ReLU; remembers the input for `backward`.
    public func forward(_ x: Matrix) -> Matrix {
        input = x
        return apply(x)
    }

    /// Elementwise ReLU without remembering the input (inference).
    public func apply(_ x: Matrix) -> Matrix {
        var y = x
        y.withMutableBuffer { buf in
            for i in buf.indices where buf[i] < 0 { buf[i] = 0 }
        }
        return y
    }

    /// `dx = dy` where `x > 0`, else 0.
    public func backward(_ dy: Matrix) -> Matrix {
        precondition(dy.count == input.count, "ReLU.backward: gradient shape mismatch")
        var dx = dy
        input.withBuffer { x in
            dx.withMutableBuffer { g in
                for i in g.indices where x[i] <= 0 { g[i] = 0 }
            }
        }
        return dx
    }
}
