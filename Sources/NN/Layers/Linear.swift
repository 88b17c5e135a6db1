/// A fully connected layer `y = x W + b` over rows: `x` is `[N, inputSize]`, `W` is
/// `[inputSize, outputSize]`.
///
/// `forward` remembers its input for the next `backward`, so call them in pairs.
public final class Linear: ParameterContainer {
    /// Weight, `[inputSize, outputSize]`.
    public let weight: Parameter
    /// Bias, `[1, outputSize]`, or nil.
    public let bias: Parameter?
    private var input = Matrix(rows: 0, cols: 0)

    /// Input width.
    public var inputSize: Int { weight.value.rows }
    /// Output width.
    public var outputSize: Int { weight.value.cols }

    /// A layer with normal(0, initStd) weights (default `1/sqrt(inputSize)`) and zero bias.
    public init(inputSize: Int, outputSize: Int, bias: Bool = true, initStd: Float? = nil, rng: inout SeededRandom) {
        let std = initStd ?? 1 / Float(inputSize).squareRoot()
        weight = Parameter(.randomNormal(rows: inputSize, cols: outputSize, std: std, using: &rng))
        self.bias = bias ? Parameter(Matrix(rows: 1, cols: outputSize), decays: false) : nil
    }

    /// `[N, inputSize]` to `[N, outputSize]`.
    public func forward(_ x: Matrix) -> Matrix {
        input = x
        return apply(x)
    }

    /// The forward computation without remembering the input (inference).
    public func apply(_ x: Matrix) -> Matrix {
        precondition(x.cols == inputSize, "Linear: input has \(x.cols) columns, expected \(inputSize)")
        var y = Matrix(uninitializedRows: x.rows, cols: outputSize)
        if let bias {
            bias.value.withBuffer { b in
                y.withMutableBuffer { out in
                    let n = outputSize
                    for r in 0..<x.rows {
                        let base = r * n
                        for c in 0..<n { out[base + c] = b[c] }
                    }
                }
            }
            GEMM.multiply(x, weight.value, into: &y, beta: 1)
        } else {
            GEMM.multiply(x, weight.value, into: &y)
        }
        return y
    }

    /// Adds `dW = xᵀ dy` and `db = Σ dy` to the gradients and returns `dx = dy Wᵀ`.
    @discardableResult
    public func backward(_ dy: Matrix, needInputGradient: Bool = true) -> Matrix {
        precondition(dy.rows == input.rows && dy.cols == outputSize, "Linear.backward: gradient shape mismatch")
        GEMM.multiply(input, transposeA: true, dy, into: &weight.grad, beta: 1)
        if let bias {
            dy.withBuffer { g in
                bias.grad.withMutableBuffer { db in
                    let n = outputSize
                    for r in 0..<dy.rows {
                        let base = r * n
                        for c in 0..<n { db[c] += g[base + c] }
                    }
                }
            }
        }
        guard needInputGradient else { return Matrix(rows: 0, cols: 0) }
        return GEMM.product(dy, weight.value, transposeB: true)
    }

    /// `weight` and `bias`.
    public func namedParameters() -> [NamedParameter] {
        var list = [NamedParameter("weight", weight)]
        if let bias { list.append(NamedParameter("bias", bias)) }
        return list
    }
}
