/// A bidirectional transformer encoder with mean pooling: token ids to one `[batch, dim]` vector
/// per sequence (the body of a reward model; put a `Linear` head on top).
public final class TransformerEncoder: ParameterContainer {
    /// The shape it was built with (`vocabSize` and `maxSeqLen` bound the input).
    public let config: TransformerConfig
    let embedding: TokenAndPositionEmbedding
    /// The blocks, first to last.
    public let blocks: [TransformerBlock]
    /// Norm before pooling.
    public let finalNorm: LayerNorm
    let pooling = MeanPooling()

    /// A freshly initialised encoder; the same seed gives the same weights.
    public init(config: TransformerConfig, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        self.config = config
        embedding = TokenAndPositionEmbedding(
            vocabSize: config.vocabSize, maxSeqLen: config.maxSeqLen, dim: config.dim, rng: &rng)
        blocks = (0..<config.layers).map { _ in
            TransformerBlock(dim: config.dim, heads: config.heads, hidden: config.hidden, causal: false, rng: &rng)
        }
        finalNorm = LayerNorm(dim: config.dim)
    }

    /// Pooled features `[batch, dim]` for padded `tokens` (`batch * seqLen`, sequence-major);
    /// `lengths[b]` valid tokens per sequence (default all). Saves state for `backward`.
    public func forward(tokens: [Int32], batch: Int, seqLen: Int, lengths: [Int]? = nil) -> Matrix {
        precondition(
            tokens.count == batch * seqLen && seqLen <= config.maxSeqLen, "TransformerEncoder: bad token layout")
        var x = embedding.forward(tokens, batch: batch, seqLen: seqLen)
        for block in blocks { x = block.forward(x, batch: batch, seqLen: seqLen, lengths: lengths) }
        return pooling.forward(finalNorm.forward(x), batch: batch, seqLen: seqLen, lengths: lengths)
    }

    /// Adds every parameter's gradient given `dPooled` `[batch, dim]` for the last `forward`.
    public func backward(_ dPooled: Matrix) {
        var g = finalNorm.backward(pooling.backward(dPooled))
        for block in blocks.reversed() { g = block.backward(g) }
        embedding.backward(g)
    }

    /// `embedding.*`, `blocks.N.*`, `finalNorm.*`.
    public func namedParameters() -> [NamedParameter] {
        var list = embedding.namedParameters().prefixed("embedding")
        for (i, block) in blocks.enumerated() { list += block.namedParameters().prefixed("blocks.\(i)") }
        return list + finalNorm.namedParameters().prefixed("finalNorm")
    }
}
