import NN

/// AdamW applied only to the rows of a weight that the batch touched (the "lazy Adam" of sparse
/// embeddings). The MLP's first layer has 2^18 rows; a dense AdamW step would touch all of them
/// for the few thousand a batch uses. Untouched rows keep their moments and skip weight decay.
enum LazyRowAdam {
    /// Updates rows `touched` of `p` from their gradient, then zeroes those gradient rows.
    /// `step` is the 1-based optimiser step (shared with the dense AdamW, for bias correction).
    static func step(
        _ p: Parameter, touched: [Int32], learningRate lr: Float, step: Int,
        beta1 b1: Float = 0.9, beta2 b2: Float = 0.999, epsilon eps: Float = 1e-8, weightDecay: Float = 0
    ) {
        let cols = p.value.cols
        let t = Float(step)
        let c1 = 1 - pow(b1, t), c2 = 1 - pow(b2, t)
        let decay = 1 - lr * weightDecay
        p.grad.withMutableBuffer { g in
            p.firstMoment.withMutableBuffer { m in
                p.secondMoment.withMutableBuffer { v in
                    p.value.withMutableBuffer { w in
                        for row in touched {
                            let base = Int(row) * cols
                            for i in base..<(base + cols) {
                                let gi = g[i]
                                m[i] = b1 * m[i] + (1 - b1) * gi
                                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                                w[i] = w[i] * decay - lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                                g[i] = 0
                            }
                        }
                    }
                }
            }
        }
    }

    /// The distinct row indices of `rows`, sorted.
    static func touchedRows(_ rows: [[SparseEntry]]) -> [Int32] {
        var all: [Int32] = []
        all.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for r in rows { for e in r { all.append(e.index) } }
        all.sort()
        var out: [Int32] = []
        out.reserveCapacity(all.count)
        for x in all where out.last != x { out.append(x) }
        return out
    }
}

private func pow(_ x: Float, _ y: Float) -> Float {
    var r: Float = 1
    var k = 0
    while Float(k) < y { r *= x; k += 1 }
    return r
}
