/// A causal transformer language model: embeddings, pre-LN blocks, a final norm and a linear head
/// to vocabulary logits. Trains on full sequences and decodes incrementally with a `KVCache`.
public final class TransformerLM: ParameterContainer {
    /// The shape it was built with.
    public let config: TransformerConfig
    let embedding: TokenAndPositionEmbedding
    /// The blocks, first to last.
    public let blocks: [TransformerBlock]
    /// Norm before the head.
    public let finalNorm: LayerNorm
    /// `dim -> vocabSize` logits.
    public let head: Linear

    /// A freshly initialised model; the same seed gives the same weights.
    public init(config: TransformerConfig, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        self.config = config
        embedding = TokenAndPositionEmbedding(
            vocabSize: config.vocabSize, maxSeqLen: config.maxSeqLen, dim: config.dim, rng: &rng)
        blocks = (0..<config.layers).map { _ in
            TransformerBlock(dim: config.dim, heads: config.heads, hidden: config.hidden, causal: true, rng: &rng)
        }
        finalNorm = LayerNorm(dim: config.dim)
        head = Linear(inputSize: config.dim, outputSize: config.vocabSize, initStd: 0.02, rng: &rng)
    }

    /// Logits `[batch * seqLen, vocabSize]` for `tokens` (sequence-major, `batch * seqLen` ids);
    /// row `b * seqLen + t` predicts the token after position `t`. Saves state for `backward`.
    public func forward(tokens: [Int32], batch: Int, seqLen: Int) -> Matrix {
        precondition(tokens.count == batch * seqLen && seqLen <= config.maxSeqLen, "TransformerLM: bad token layout")
        var x = embedding.forward(tokens, batch: batch, seqLen: seqLen)
        for block in blocks { x = block.forward(x, batch: batch, seqLen: seqLen) }
        return head.forward(finalNorm.forward(x))
    }

    /// Adds every parameter's gradient given `dLogits` for the last `forward`.
    public func backward(_ dLogits: Matrix) {
        var g = finalNorm.backward(head.backward(dLogits))
        for block in blocks.reversed() { g = block.backward(g) }
        embedding.backward(g)
    }

    /// An empty cache for decoding `batch` sequences of up to `capacity` (default `maxSeqLen`) tokens.
    public func makeCache(batch: Int, capacity: Int? = nil) -> KVCache {
        let cap = min(capacity ?? config.maxSeqLen, config.maxSeqLen)
        return KVCache(layers: config.layers, batch: batch, capacity: cap, dim: config.dim)
    }

    /// Feeds `newTokens` more tokens per sequence (`tokens` is `[batch * newTokens]`,
    /// sequence-major) and returns their logits `[batch * newTokens, vocabSize]`; use it once with
    /// the prompts (prefill), then with one sampled token per sequence per step. Advances `cache`
    /// by `validCounts[b]` for sequence `b` (default `newTokens`): prompts of different lengths are
    /// right-padded to `newTokens`, and the next-token logits of sequence `b` are then in row
    /// `b * newTokens + validCounts[b] - 1`; the padding is overwritten by the following steps.
    public func forwardCached(tokens: [Int32], newTokens: Int, cache: KVCache, validCounts: [Int]? = nil) -> Matrix {
        precondition(
            tokens.count == cache.batch * newTokens, "TransformerLM: expected \(cache.batch * newTokens) tokens")
        precondition(
            cache.layerCount == blocks.count && cache.dim == config.dim, "TransformerLM: cache built for another model")
        let counts = validCounts ?? [Int](repeating: newTokens, count: cache.batch)
        precondition(
            counts.count == cache.batch && counts.allSatisfy { $0 >= 0 && $0 <= newTokens },
            "TransformerLM: validCounts must be in 0...newTokens, one per sequence")
        var x = embedding.apply(tokens, seqLen: newTokens, offsets: cache.lengths)
        for (i, block) in blocks.enumerated() {
            x = block.forwardCached(x, newTokens: newTokens, cache: cache, layer: i)
        }
        cache.advance(by: counts)
        return head.apply(finalNorm.apply(x))
    }

    /// `embedding.*`, `blocks.N.*`, `finalNorm.*`, `head.*`.
    public func namedParameters() -> [NamedParameter] {
        var list = embedding.namedParameters().prefixed("embedding")
        for (i, block) in blocks.enumerated() { list += block.namedParameters().prefixed("blocks.\(i)") }
        return list + finalNorm.namedParameters().prefixed("finalNorm") + head.namedParameters().prefixed("head")
    }
}
