/// Layer normalisation over each row: `y = (x - mean) / sqrt(var + eps) * gain + shift`.
public final class LayerNorm: ParameterContainer {
    /// Per-feature scale, `[1, dim]`, initially ones.
    public let gain: Parameter
    /// Per-feature offset, `[1, dim]`, initially zeros.
    public let shift: Parameter
    /// Added to the variance for stability.
    public let epsilon: Float
    // Saved for backward: the normalised input and 1/std per row.
    private var normalized = Matrix(rows: 0, cols: 0)
    private var inverseStd: [Float] = []

    /// Feature width.
    public var dim: Int { gain.value.cols }

    /// A layer norm over `dim` features.
    public init(dim: Int, epsilon: Float = 1e-5) {
        gain = Parameter(Matrix(rows: 1, cols: dim, repeating: 1), decays: false)
        shift = Parameter(Matrix(rows: 1, cols: dim), decays: false)
        self.epsilon = epsilon
    }

    /// Normalises each row of `[N, dim]`; remembers what `backward` needs.
    public func forward(_ x: Matrix) -> Matrix { run(x, save: true) }

    /// The forward computation without saving state (inference).
    public func apply(_ x: Matrix) -> Matrix { run(x, save: false) }

    private func run(_ x: Matrix, save: Bool) -> Matrix {
        let d = dim
        precondition(x.cols == d, "LayerNorm: input has \(x.cols) columns, expected \(d)")
        var y = Matrix(uninitializedRows: x.rows, cols: d)
        var xhat = save ? Matrix(uninitializedRows: x.rows, cols: d) : Matrix(rows: 0, cols: 0)
        var rstd = [Float](repeating: 0, count: save ? x.rows : 0)
        x.withBuffer { src in
            gain.value.withBuffer { g in
                shift.value.withBuffer { b in
                    y.withMutableBuffer { out in
                        xhat.withMutableBuffer { xh in
                            for r in 0..<x.rows {
                                let o = r * d
                                var mean: Float = 0
                                for c in 0..<d { mean += src[o + c] }
                                mean /= Float(d)
                                var variance: Float = 0
                                for c in 0..<d {
                                    let t = src[o + c] - mean
                                    variance += t * t
                                }
                                let inv = 1 / (variance / Float(d) + epsilon).squareRoot()
                                for c in 0..<d {
                                    let n = (src[o + c] - mean) * inv
                                    out[o + c] = n * g[c] + b[c]
                                    if save { xh[o + c] = n }
                                }
                                if save { rstd[r] = inv }
                            }
                        }
                    }
                }
            }
        }
        if save {
            normalized = xhat
            inverseStd = rstd
        }
        return y
    }

    /// Adds gain/shift gradients and returns `dx`.
    public func backward(_ dy: Matrix) -> Matrix {
        let d = dim, rows = normalized.rows
        precondition(dy.rows == rows && dy.cols == d, "LayerNorm.backward: gradient shape mismatch")
        var dx = Matrix(uninitializedRows: rows, cols: d)
        dy.withBuffer { g in
            normalized.withBuffer { xh in
                gain.value.withBuffer { gamma in
                    gain.grad.withMutableBuffer { dgamma in
                        shift.grad.withMutableBuffer { dbeta in
                            dx.withMutableBuffer { out in
                                for r in 0..<rows {
                                    let o = r * d
                                    // dxhat = dy * gamma; dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat))
                                    var sum1: Float = 0, sum2: Float = 0
                                    for c in 0..<d {
                                        let dxh = g[o + c] * gamma[c]
                                        sum1 += dxh
                                        sum2 += dxh * xh[o + c]
                                        dgamma[c] += g[o + c] * xh[o + c]
                                        dbeta[c] += g[o + c]
                                    }
                                    let m1 = sum1 / Float(d), m2 = sum2 / Float(d), inv = inverseStd[r]
                                    for c in 0..<d {
                                        out[o + c] = inv * (g[o + c] * gamma[c] - m1 - xh[o + c] * m2)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx
    }

    /// `gain` and `shift`.
    public func namedParameters() -> [NamedParameter] {
        [NamedParameter("gain", gain), NamedParameter("shift", shift)]
    }
}
