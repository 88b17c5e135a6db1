/// The shape of a small transformer (LM or encoder); stored in checkpoint headers.
public struct TransformerConfig: Codable, Sendable, Equatable {
    /// Number of token ids.
    public var vocabSize: Int
    /// Model width.
    public var dim: Int
    /// Attention heads per block.
    public var heads: Int
    /// Number of blocks.
    public var layers: Int
    /// MLP hidden width.
    public var hidden: Int
    /// Longest sequence (size of the learned position table).
    public var maxSeqLen: Int

    /// A configuration; `hidden` defaults to `4 * dim`.
    public init(vocabSize: Int, dim: Int, heads: Int, layers: Int, hidden: Int? = nil, maxSeqLen: Int) {
        self.vocabSize = vocabSize
        self.dim = dim
        self.heads = heads
        self.layers = layers
        self.hidden = hidden ?? 4 * dim
        self.maxSeqLen = maxSeqLen
    }
}

/// Token plus learned position embeddings for `[batch * seqLen]` tokens.
final class TokenAndPositionEmbedding: ParameterContainer {
    let tokens: Embedding
    let positions: Embedding

    init(vocabSize: Int, maxSeqLen: Int, dim: Int, rng: inout SeededRandom) {
        tokens = Embedding(vocabSize: vocabSize, dim: dim, rng: &rng)
        positions = Embedding(vocabSize: maxSeqLen, dim: dim, rng: &rng)
    }

    private func positionIDs(seqLen: Int, offsets: [Int]) -> [Int32] {
        var ids = [Int32]()
        ids.reserveCapacity(offsets.count * seqLen)
        for offset in offsets { for t in 0..<seqLen { ids.append(Int32(offset + t)) } }
        return ids
    }

    func forward(_ ids: [Int32], batch: Int, seqLen: Int) -> Matrix {
        var x = tokens.forward(ids)
        x.add(positions.forward(positionIDs(seqLen: seqLen, offsets: [Int](repeating: 0, count: batch))))
        return x
    }

    /// Sequence `b` starts at position `offsets[b]`.
    func apply(_ ids: [Int32], seqLen: Int, offsets: [Int]) -> Matrix {
        var x = tokens.apply(ids)
        x.add(positions.apply(positionIDs(seqLen: seqLen, offsets: offsets)))
        return x
    }

    func backward(_ dy: Matrix) {
        tokens.backward(dy)
        positions.backward(dy)
    }

    func namedParameters() -> [NamedParameter] {
        tokens.namedParameters().prefixed("tokens") + positions.namedParameters().prefixed("positions")
    }
}
