/// Multi-head scaled dot-product self-attention over a batch of sequences laid out as
/// `[batch * seqLen, dim]`; causal (each position sees itself and the past) or bidirectional.
///
/// Q, K and V come from one fused projection `[dim, 3 * dim]`; every per-head matmul is a
/// `cblas_sgemm` on strided blocks of that matrix, so heads are never copied out.
public final class MultiHeadAttention: ParameterContainer {
    /// Fused Q/K/V projection, `dim -> 3 * dim` (columns: all of Q, then K, then V).
    public let qkv: Linear
    /// Output projection, `dim -> dim`.
    public let output: Linear
    /// Number of heads; `dim` must be a multiple.
    public let heads: Int
    /// Whether position `i` is kept from attending to positions after it.
    public let causal: Bool

    // Saved by forward for backward.
    private var qkvOut = Matrix(rows: 0, cols: 0)
    private var probs = Matrix(rows: 0, cols: 0)  // [batch * heads * seqLen, seqLen]
    private var batch = 0, seqLen = 0
    private var lengths: [Int] = []
    // Reused scratch (also by cached decoding, in its own file).
    var scratch = Matrix(rows: 0, cols: 0)

    /// Model width.
    public var dim: Int { output.outputSize }
    /// Width of one head.
    public var headDim: Int { dim / heads }

    /// An attention layer with normal(0, initStd) projections.
    public init(dim: Int, heads: Int, causal: Bool, initStd: Float = 0.02, rng: inout SeededRandom) {
        precondition(
            heads > 0 && dim % heads == 0, "MultiHeadAttention: dim \(dim) is not a multiple of heads \(heads)")
        qkv = Linear(inputSize: dim, outputSize: 3 * dim, initStd: initStd, rng: &rng)
        output = Linear(inputSize: dim, outputSize: dim, initStd: initStd, rng: &rng)
        self.heads = heads
        self.causal = causal
    }

    /// Number of keys query `i` of a sequence of valid length `len` may see.
    @inline(__always) private func visibleKeys(query i: Int, length len: Int) -> Int {
        causal ? min(i + 1, len) : len
    }

    /// Query rows per block in causal attention: a block only multiplies against the keys up to
    /// its last row, which skips most of the masked upper triangle (about 3/8 of the work at
    /// seqLen 128). Internal so tests can force several blocks on short sequences.
    var queryBlock = 32

    /// Query row blocks `(first, end, keyEnd)` of a sequence of valid length `len`: rows
    /// `first..<end` only see keys `0..<keyEnd`.
    private func blocks(seqLen t: Int, length len: Int) -> [(first: Int, end: Int, keyEnd: Int)] {
        guard causal else { return [(0, t, len)] }
        return stride(from: 0, to: t, by: queryBlock).map { first in
            let end = min(first + queryBlock, t)
            return (first, end, min(end, len))
        }
    }

    /// Attends within each sequence. `lengths[b]` (default `seqLen`) masks padded keys at the end
    /// of sequence `b`; padded query rows still produce (ignorable) outputs.
    public func forward(_ x: Matrix, batch: Int, seqLen: Int, lengths: [Int]? = nil) -> Matrix {
        precondition(x.rows == batch * seqLen, "MultiHeadAttention: \(x.rows) rows is not \(batch) x \(seqLen)")
        let lens = lengths ?? [Int](repeating: seqLen, count: batch)
        precondition(
            lens.count == batch && lens.allSatisfy { $0 >= 1 && $0 <= seqLen },
            "MultiHeadAttention: lengths must be in 1...seqLen")
        self.batch = batch
        self.seqLen = seqLen
        self.lengths = lens
        qkvOut = qkv.forward(x)
        let d = dim, dh = headDim, t = seqLen, ld = 3 * d
        let scale = 1 / Float(dh).squareRoot()
        // Only the entries inside each block's key range are written and later read back.
        probs.ensureShape(rows: batch * heads * t, cols: t)
        var context = Matrix(uninitializedRows: batch * t, cols: d)
        qkvOut.withBuffer { qb in
            probs.withMutableBuffer { pb in
                context.withMutableBuffer { cb in
                    guard let q0 = qb.baseAddress, let p0 = pb.baseAddress, let c0 = cb.baseAddress else { return }
                    for b in 0..<batch {
                        let rowBlocks = blocks(seqLen: t, length: lens[b])
                        for h in 0..<heads {
                            let q = q0 + b * t * ld + h * dh, k = q + d, v = q + 2 * d
                            let p = p0 + (b * heads + h) * t * t, out = c0 + b * t * d + h * dh
                            for blk in rowBlocks {
                                let m = blk.end - blk.first, n = blk.keyEnd
                                GEMM.raw(
                                    transposeA: false, transposeB: true, m: m, n: n, k: dh, alpha: scale,
                                    a: q + blk.first * ld, lda: ld, b: k, ldb: ld, beta: 0, c: p + blk.first * t, ldc: t
                                )
                                for i in blk.first..<blk.end {
                                    let row = p + i * t, visible = visibleKeys(query: i, length: lens[b])
                                    Softmax.inPlace(row, count: visible)
                                    for j in visible..<n { row[j] = 0 }
                                }
                                GEMM.raw(
                                    transposeA: false, transposeB: false, m: m, n: dh, k: n, alpha: 1,
                                    a: p + blk.first * t, lda: t, b: v, ldb: ld, beta: 0, c: out + blk.first * d, ldc: d
                                )
                            }
                        }
                    }
                }
            }
        }
        return output.forward(context)
    }

    /// Adds projection gradients and returns `dx` for the last `forward`.
    public func backward(_ dy: Matrix) -> Matrix {
        let dContext = output.backward(dy)
        let d = dim, dh = headDim, t = seqLen, ld = 3 * d
        let scale = 1 / Float(dh).squareRoot()
        // Zeroed: dK and dV accumulate over query blocks.
        var dqkv = Matrix(rows: batch * t, cols: ld)
        scratch.ensureShape(rows: t, cols: t)
        qkvOut.withBuffer { qb in
            probs.withBuffer { pb in
                dContext.withBuffer { gb in
                    dqkv.withMutableBuffer { db in
                        scratch.withMutableBuffer { sb in
                            guard let q0 = qb.baseAddress, let p0 = pb.baseAddress, let g0 = gb.baseAddress,
                                let d0 = db.baseAddress, let s0 = sb.baseAddress
                            else { return }
                            for b in 0..<batch {
                                let rowBlocks = blocks(seqLen: t, length: lengths[b])
                                for h in 0..<heads {
                                    let q = q0 + b * t * ld + h * dh, k = q + d, v = q + 2 * d
                                    let dq = d0 + b * t * ld + h * dh, dk = dq + d, dv = dq + 2 * d
                                    let p = p0 + (b * heads + h) * t * t
                                    let dOut = g0 + b * t * d + h * dh
                                    for blk in rowBlocks {
                                        let m = blk.end - blk.first, n = blk.keyEnd
                                        let pBlock = p + blk.first * t, ds = s0 + blk.first * t
                                        let dOutBlock = dOut + blk.first * d
                                        // dV[0..<n] += Pᵀ dO
                                        GEMM.raw(
                                            transposeA: true, transposeB: false, m: n, n: dh, k: m, alpha: 1,
                                            a: pBlock, lda: t, b: dOutBlock, ldb: d, beta: 1, c: dv, ldc: ld)
                                        // dP = dO Vᵀ, then through the softmax (masked P are 0, so dS is 0 there)
                                        GEMM.raw(
                                            transposeA: false, transposeB: true, m: m, n: n, k: dh, alpha: 1,
                                            a: dOutBlock, lda: d, b: v, ldb: ld, beta: 0, c: ds, ldc: t)
                                        for i in blk.first..<blk.end {
                                            let visible = visibleKeys(query: i, length: lengths[b])
                                            let row = s0 + i * t
                                            Softmax.backwardInPlace(
                                                probabilities: p + i * t, gradient: row, count: visible)
                                            for j in visible..<n { row[j] = 0 }
                                        }
                                        // S = scale * Q Kᵀ: dQ = scale * dS K, dK += scale * dSᵀ Q
                                        GEMM.raw(
                                            transposeA: false, transposeB: false, m: m, n: dh, k: n, alpha: scale,
                                            a: ds, lda: t, b: k, ldb: ld, beta: 0, c: dq + blk.first * ld, ldc: ld)
                                        GEMM.raw(
                                            transposeA: true, transposeB: false, m: n, n: dh, k: m, alpha: scale,
                                            a: ds, lda: t, b: q + blk.first * ld, ldb: ld, beta: 1, c: dk, ldc: ld)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return qkv.backward(dqkv)
    }

    /// `qkv.*` and `output.*`.
    public func namedParameters() -> [NamedParameter] {
        qkv.namedParameters().prefixed("qkv") + output.namedParameters().prefixed("output")
    }
}
