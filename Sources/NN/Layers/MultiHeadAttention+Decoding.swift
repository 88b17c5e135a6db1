import CBLAS

extension MultiHeadAttention {
    /// Causal attention for `newTokens` new positions per sequence (`x` is
    /// `[cache.batch * newTokens, dim]`, sequence-major) against everything in `cache` for layer
    /// `layer` plus themselves. Sequence `b`'s new positions start at `cache.lengths[b]`. Writes
    /// their keys and values into the cache but does not advance it (the model does, after its
    /// last layer). Inference only: nothing is saved for backward.
    public func forwardCached(_ x: Matrix, newTokens n: Int, cache: KVCache, layer: Int) -> Matrix {
        precondition(causal, "MultiHeadAttention: cached decoding needs causal attention")
        precondition(cache.dim == dim && x.rows == cache.batch * n, "MultiHeadAttention: cache or input shape mismatch")
        let cap = cache.capacity, maxTotal = (cache.lengths.max() ?? 0) + n
        precondition(maxTotal <= cap, "MultiHeadAttention: \(maxTotal) positions exceed cache capacity \(cap)")
        let d = dim, dh = headDim, ld = 3 * d
        let scale = 1 / Float(dh).squareRoot()
        let fresh = qkv.apply(x)
        var context = Matrix(uninitializedRows: x.rows, cols: d)
        scratch.ensureShape(rows: n, cols: maxTotal)
        fresh.withBuffer { fb in
            cache.keys[layer].withMutableBuffer { kb in
                cache.values[layer].withMutableBuffer { vb in
                    context.withMutableBuffer { cb in
                        scratch.withMutableBuffer { sb in
                            guard let f0 = fb.baseAddress, let k0 = kb.baseAddress, let v0 = vb.baseAddress,
                                let c0 = cb.baseAddress, let s = sb.baseAddress
                            else { return }
                            for b in 0..<cache.batch {
                                let start = cache.lengths[b], total = start + n
                                for i in 0..<n {
                                    let src = f0 + (b * n + i) * ld, dst = (b * cap + start + i) * d
                                    (k0 + dst).update(from: src + d, count: d)
                                    (v0 + dst).update(from: src + 2 * d, count: d)
                                }
                                for h in 0..<heads {
                                    let q = f0 + b * n * ld + h * dh
                                    let k = k0 + b * cap * d + h * dh, v = v0 + b * cap * d + h * dh
                                    if n == 1 {
                                        // One query per sequence (a decoding step): matrix-vector
                                        // products avoid sgemm's packing overhead on 1-row inputs.
                                        cblas_sgemv(
                                            CblasRowMajor, CblasNoTrans, blasint(total), blasint(dh), scale,
                                            k, blasint(d), q, 1, 0, s, 1)
                                        Softmax.inPlace(s, count: total)
                                        cblas_sgemv(
                                            CblasRowMajor, CblasTrans, blasint(total), blasint(dh), 1,
                                            v, blasint(d), s, 1, 0, c0 + b * d + h * dh, 1)
                                        continue
                                    }
                                    GEMM.raw(
                                        transposeA: false, transposeB: true, m: n, n: total, k: dh, alpha: scale,
                                        a: q, lda: ld, b: k, ldb: d, beta: 0, c: s, ldc: total)
                                    for i in 0..<n {
                                        let row = s + i * total, visible = start + i + 1
                                        Softmax.inPlace(row, count: visible)
                                        for j in visible..<total { row[j] = 0 }
                                    }
                                    GEMM.raw(
                                        transposeA: false, transposeB: false, m: n, n: dh, k: total, alpha: 1,
                                        a: s, lda: total, b: v, ldb: d, beta: 0, c: c0 + b * n * d + h * dh, ldc: d)
                                }
                            }
                        }
                    }
                }
            }
        }
        return output.apply(context)
    }
}
