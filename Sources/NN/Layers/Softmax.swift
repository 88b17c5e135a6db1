/// Row-wise softmax with its backward; also the kernels attention uses on raw score rows.
public final class Softmax {
    private var output = Matrix(rows: 0, cols: 0)

    /// A stateless-but-for-backward layer.
    public init() {}

    /// Softmax of each row; remembers the output for `backward`.
    public func forward(_ x: Matrix) -> Matrix {
        var y = x
        y.withMutableBuffer { buf in
            guard let base = buf.baseAddress else { return }
            for r in 0..<x.rows { Softmax.inPlace(base + r * x.cols, count: x.cols) }
        }
        output = y
        return y
    }

    /// `dx = y * (dy - Σ dy*y)` per row.
    public func backward(_ dy: Matrix) -> Matrix {
        precondition(dy.rows == output.rows && dy.cols == output.cols, "Softmax.backward: gradient shape mismatch")
        var dx = dy
        let n = output.cols
        output.withBuffer { y in
            dx.withMutableBuffer { g in
                guard let yb = y.baseAddress, let gb = g.baseAddress else { return }
                for r in 0..<output.rows {
                    Softmax.backwardInPlace(probabilities: yb + r * n, gradient: gb + r * n, count: n)
                }
            }
        }
        return dx
    }

    /// Replaces `count` scores at `row` by their softmax (max-subtracted for stability).
    @inline(__always)
    static func inPlace(_ row: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        var m = row[0]
        for j in 1..<max(count, 1) where row[j] > m { m = row[j] }
        var sum: Float = 0
        for j in 0..<count {
            let e = fastExp(row[j] - m)
            row[j] = e
            sum += e
        }
        let inv = 1 / sum
        for j in 0..<count { row[j] *= inv }
    }

    /// Turns `gradient` (dL/dy) into dL/dx in place, given the softmax output `probabilities`.
    @inline(__always)
    static func backwardInPlace(
        probabilities p: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>, count: Int
    ) {
        var dot: Float = 0
        for j in 0..<count { dot += g[j] * p[j] }
        for j in 0..<count { g[j] = p[j] * (g[j] - dot) }
    }
}
