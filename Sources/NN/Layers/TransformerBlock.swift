/// A pre-LN transformer block: `h = x + MHA(LN1(x))`, `y = h + W2·GELU(W1·LN2(h))`.
public final class TransformerBlock: ParameterContainer {
    /// Norm before attention.
    public let norm1: LayerNorm
    /// Self-attention.
    public let attention: MultiHeadAttention
    /// Norm before the MLP.
    public let norm2: LayerNorm
    /// MLP expansion, `dim -> hidden`.
    public let fc1: Linear
    /// MLP activation.
    public let activation = GELU()
    /// MLP contraction, `hidden -> dim`.
    public let fc2: Linear

    /// A block of width `dim` with `heads` heads and an MLP of `hidden` units (default `4 * dim`).
    public init(dim: Int, heads: Int, hidden: Int? = nil, causal: Bool, initStd: Float = 0.02, rng: inout SeededRandom)
    {
        norm1 = LayerNorm(dim: dim)
        attention = MultiHeadAttention(dim: dim, heads: heads, causal: causal, initStd: initStd, rng: &rng)
        norm2 = LayerNorm(dim: dim)
        fc1 = Linear(inputSize: dim, outputSize: hidden ?? 4 * dim, initStd: initStd, rng: &rng)
        fc2 = Linear(inputSize: hidden ?? 4 * dim, outputSize: dim, initStd: initStd, rng: &rng)
    }

    /// `[batch * seqLen, dim]` to the same shape; `lengths` masks padded keys (see `MultiHeadAttention`).
    public func forward(_ x: Matrix, batch: Int, seqLen: Int, lengths: [Int]? = nil) -> Matrix {
        var h = attention.forward(norm1.forward(x), batch: batch, seqLen: seqLen, lengths: lengths)
        h.add(x)
        var y = fc2.forward(activation.forward(fc1.forward(norm2.forward(h))))
        y.add(h)
        return y
    }

    /// Adds parameter gradients and returns `dx` for the last `forward`.
    public func backward(_ dy: Matrix) -> Matrix {
        var dh = norm2.backward(fc1.backward(activation.backward(fc2.backward(dy))))
        dh.add(dy)
        var dx = norm1.backward(attention.backward(dh))
        dx.add(dh)
        return dx
    }

    /// Incremental causal step for `newTokens` positions per sequence using (and filling) layer
    /// `layer` of `cache`; inference only.
    public func forwardCached(_ x: Matrix, newTokens: Int, cache: KVCache, layer: Int) -> Matrix {
        var h = attention.forwardCached(norm1.apply(x), newTokens: newTokens, cache: cache, layer: layer)
        h.add(x)
        var y = fc2.apply(activation.apply(fc1.apply(norm2.apply(h))))
        y.add(h)
        return y
    }

    /// `norm1.*`, `attention.*`, `norm2.*`, `fc1.*`, `fc2.*`.
    public func namedParameters() -> [NamedParameter] {
        norm1.namedParameters().prefixed("norm1") + attention.namedParameters().prefixed("attention")
            + norm2.namedParameters().prefixed("norm2") + fc1.namedParameters().prefixed("fc1")
            + fc2.namedParameters().prefixed("fc2")
    }
}
