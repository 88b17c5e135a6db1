/// Mean over the valid positions of each sequence: `[batch * seqLen, D]` to `[batch, D]`.
///
/// `lengths[b]` (default `seqLen`) positions of sequence `b` count; padding after them is ignored.
public final class MeanPooling {
    private var seqLen = 0
    private var lengths: [Int] = []

    /// A parameter-free pooling layer.
    public init() {}

    /// Pools each sequence; remembers the layout for `backward`.
    public func forward(_ x: Matrix, batch: Int, seqLen: Int, lengths: [Int]? = nil) -> Matrix {
        precondition(x.rows == batch * seqLen, "MeanPooling: \(x.rows) rows is not \(batch) x \(seqLen)")
        let lens = lengths ?? [Int](repeating: seqLen, count: batch)
        precondition(
            lens.count == batch && lens.allSatisfy { $0 >= 1 && $0 <= seqLen },
            "MeanPooling: lengths must be in 1...seqLen")
        self.seqLen = seqLen
        self.lengths = lens
        let d = x.cols
        var y = Matrix(rows: batch, cols: d)
        x.withBuffer { src in
            y.withMutableBuffer { out in
                for b in 0..<batch {
                    let inv = 1 / Float(lens[b])
                    for t in 0..<lens[b] {
                        let o = (b * seqLen + t) * d
                        for c in 0..<d { out[b * d + c] += src[o + c] }
                    }
                    for c in 0..<d { out[b * d + c] *= inv }
                }
            }
        }
        return y
    }

    /// Spreads `dy[b] / length[b]` over the valid positions; padding gets zero.
    public func backward(_ dy: Matrix) -> Matrix {
        let batch = lengths.count, d = dy.cols
        precondition(dy.rows == batch, "MeanPooling.backward: gradient shape mismatch")
        var dx = Matrix(rows: batch * seqLen, cols: d)
        dy.withBuffer { g in
            dx.withMutableBuffer { out in
                for b in 0..<batch {
                    let inv = 1 / Float(lengths[b])
                    for t in 0..<lengths[b] {
                        let o = (b * seqLen + t) * d
                        for c in 0..<d { out[o + c] = g[b * d + c] * inv }
                    }
                }
            }
        }
        return dx
    }
}
