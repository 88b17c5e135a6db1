/// A batch of sparse rows in compressed form: row `r` holds `(indices[k], values[k])` for
/// `k in offsets[r]..<offsets[r+1]`. The input of `SparseLinear` (hashed n-gram features).
public struct SparseRows: Sendable, Equatable {
    /// Row start positions into `indices`/`values`; `rowCount + 1` entries, first 0.
    public private(set) var offsets: [Int]
    /// Column index of each stored entry.
    public private(set) var indices: [Int32]
    /// Value of each stored entry.
    public private(set) var values: [Float]

    /// An empty batch.
    public init() { offsets = [0]; indices = []; values = [] }

    /// Number of rows.
    public var rowCount: Int { offsets.count - 1 }

    /// Appends one row of `(index, value)` entries; repeated indices add up.
    public mutating func appendRow<S: Sequence>(_ entries: S) where S.Element == (Int32, Float) {
        for (i, v) in entries {
            indices.append(i)
            values.append(v)
        }
        offsets.append(indices.count)
    }

    /// Removes all rows, keeping capacity for reuse.
    public mutating func removeAll() {
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
        indices.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }
}

/// An embedding-bag style first layer: `y[r] = b + Σ_k values[k] * W[indices[k]]`, the same as a
/// `Linear` on a one-hot-ish input of width `inputSize` but costing only the stored entries.
public final class SparseLinear: ParameterContainer {
    /// Weight, `[inputSize, outputSize]`; row `i` is feature `i`'s vector.
    public let weight: Parameter
    /// Bias, `[1, outputSize]`.
    public let bias: Parameter
    private var input = SparseRows()

    /// Number of input features (the hash space).
    public var inputSize: Int { weight.value.rows }
    /// Output width.
    public var outputSize: Int { weight.value.cols }

    /// A layer with normal(0, initStd) weights (default 0.02) and zero bias.
    public init(inputSize: Int, outputSize: Int, initStd: Float = 0.02, rng: inout SeededRandom) {
        weight = Parameter(.randomNormal(rows: inputSize, cols: outputSize, std: initStd, using: &rng))
        bias = Parameter(Matrix(rows: 1, cols: outputSize), decays: false)
    }

    /// `rowCount` sparse rows to `[rowCount, outputSize]`; remembers the input for `backward`.
    public func forward(_ x: SparseRows) -> Matrix {
        input = x
        return apply(x)
    }

    /// The forward computation without remembering the input (inference).
    public func apply(_ x: SparseRows) -> Matrix {
        let n = outputSize, features = inputSize
        var y = Matrix(uninitializedRows: x.rowCount, cols: n)
        weight.value.withBuffer { w in
            bias.value.withBuffer { b in
                y.withMutableBuffer { out in
                    guard let w0 = w.baseAddress, let b0 = b.baseAddress, let o0 = out.baseAddress else { return }
                    for r in 0..<x.rowCount {
                        let row = o0 + r * n
                        row.update(from: b0, count: n)
                        for k in x.offsets[r]..<x.offsets[r + 1] {
                            let idx = Int(x.indices[k])
                            precondition(
                                idx >= 0 && idx < features, "SparseLinear: feature \(idx) outside 0..<\(features)")
                            // Pointer-based so it vectorises; see `axpy`.
                            axpy(n, x.values[k], w0 + idx * n, row)
                        }
                    }
                }
            }
        }
        return y
    }

    /// Adds gradients for the touched weight rows and the bias; sparse input has no gradient.
    public func backward(_ dy: Matrix) {
        let n = outputSize
        precondition(dy.rows == input.rowCount && dy.cols == n, "SparseLinear.backward: gradient shape mismatch")
        dy.withBuffer { g in
            weight.grad.withMutableBuffer { dw in
                guard let g0 = g.baseAddress, let dw0 = dw.baseAddress else { return }
                for r in 0..<input.rowCount {
                    for k in input.offsets[r]..<input.offsets[r + 1] {
                        axpy(n, input.values[k], g0 + r * n, dw0 + Int(input.indices[k]) * n)
                    }
                }
            }
            bias.grad.withMutableBuffer { db in
                for r in 0..<input.rowCount {
                    for c in 0..<n { db[c] += g[r * n + c] }
                }
            }
        }
    }

    /// `weight` and `bias`.
    public func namedParameters() -> [NamedParameter] {
        [NamedParameter("weight", weight), NamedParameter("bias", bias)]
    }
}
