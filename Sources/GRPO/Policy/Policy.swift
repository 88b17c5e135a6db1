import Foundation
import NN

/// The shape of a policy: a small causal transformer over `CharTokenizer` ids.
public struct PolicyConfig: Codable, Sendable, Equatable {
    /// Model width.
    public var dim: Int
    /// Attention heads.
    public var heads: Int
    /// Transformer blocks.
    public var layers: Int
    /// Longest prompt + response, in characters plus specials.
    public var maxSeqLen: Int

    /// The default: small enough for CPU RL in minutes, big enough to add two-digit numbers;
    /// long enough for the longest problem plus its response in `format`.
    public static func standard(for format: ResponseFormat) -> PolicyConfig {
        PolicyConfig(dim: 96, heads: 4, layers: 3, maxSeqLen: format == .mulberry ? 256 : 160)
    }

    /// A configuration.
    public init(dim: Int, heads: Int, layers: Int, maxSeqLen: Int) {
        self.dim = dim
        self.heads = heads
        self.layers = layers
        self.maxSeqLen = maxSeqLen
    }

    /// The transformer shape it stands for.
    public var transformer: TransformerConfig {
        TransformerConfig(
            vocabSize: CharTokenizer.vocabSize, dim: dim, heads: heads, layers: layers, maxSeqLen: maxSeqLen)
    }
}

/// A policy: the language model and its tokenizer. A class because training updates it in place.
public final class Policy {
    /// The shape.
    public let config: PolicyConfig
    /// The network.
    public let model: TransformerLM
    /// The tokenizer.
    public let tokenizer = CharTokenizer()

    /// A freshly initialised policy; the same seed gives the same weights.
    public init(config: PolicyConfig, seed: UInt64) {
        self.config = config
        model = TransformerLM(config: config.transformer, seed: seed)
    }

    /// A policy with the same shape and a copy of this one's weights (the frozen reference).
    public func copy() -> Policy {
        let other = Policy(config: config, seed: 0)
        for (a, b) in zip(model.parameters(), other.model.parameters()) { b.value = a.value }
        return other
    }
}
