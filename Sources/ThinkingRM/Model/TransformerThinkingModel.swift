import Foundation
import NN

/// The transformer option: the response's UTF-8 bytes as tokens through a small bidirectional
/// `TransformerEncoder`, mean-pooled, then a `Linear` head to one logit; score = sigmoid.
/// It sees only bytes (no hand-made features), so it shows what plain sequence modelling learns
/// from the synthetic data; it is much slower than the MLP.
public final class TransformerThinkingModel: ParameterContainer {
    /// The encoder's shape; `vocabSize` is 256 (bytes), `maxSeqLen` bounds the tokens read.
    public let config: TransformerConfig
    let encoder: TransformerEncoder
    let head: Linear
    // The encoder keeps backward state, so scoring from several threads takes turns.
    private let lock = NSLock()

    /// A freshly initialised model.
    public init(config: TransformerConfig, seed: UInt64 = 1) {
        var rng = SeededRandom(seed: seed &+ 17)
        self.config = config
        encoder = TransformerEncoder(config: config, seed: seed)
        head = Linear(inputSize: config.dim, outputSize: 1, rng: &rng)
    }

    /// The default shape: 2 blocks of width 64, 4 heads, 384 bytes.
    public static let defaultConfig = TransformerConfig(vocabSize: 256, dim: 64, heads: 4, layers: 2, maxSeqLen: 384)

    /// Byte tokens of `response`: all of it if it fits, else its first and last halves (the
    /// setup and the conclusion), so the final answer is always seen.
    public func tokens(_ response: String) -> [Int32] {
        let bytes = Array(response.utf8)
        let limit = config.maxSeqLen
        if bytes.isEmpty { return [0x20] }
        if bytes.count <= limit { return bytes.map { Int32($0) } }
        let head = limit / 2
        return (bytes[0..<head] + bytes[(bytes.count - (limit - head))...]).map { Int32($0) }
    }

    /// Logits `[batch, 1]` for token sequences; remembers state for `backward`.
    func forward(_ sequences: [[Int32]]) -> Matrix {
        let seqLen = sequences.map(\.count).max() ?? 1
        var flat = [Int32](repeating: 0, count: sequences.count * seqLen)
        for (b, s) in sequences.enumerated() { for (t, tok) in s.enumerated() { flat[b * seqLen + t] = tok } }
        let pooled = encoder.forward(
            tokens: flat, batch: sequences.count, seqLen: seqLen, lengths: sequences.map(\.count))
        return head.forward(pooled)
    }

    /// Adds every gradient given dLoss/dLogits.
    func backward(_ dLogits: Matrix) {
        encoder.backward(head.backward(dLogits))
    }

    /// Scores in [0,1] for `responses`, in batches of 32.
    public func scores(_ responses: [String]) -> [Double] {
        lock.lock()
        defer { lock.unlock() }
        var out: [Double] = []
        out.reserveCapacity(responses.count)
        var start = 0
        while start < responses.count {
            let end = min(start + 32, responses.count)
            let logits = forward(responses[start..<end].map(tokens))
            for i in 0..<logits.rows { out.append(1 / (1 + exp(-Double(logits[i, 0])))) }
            start = end
        }
        return out
    }

    /// `encoder.*`, `head.*`.
    public func namedParameters() -> [NamedParameter] {
        encoder.namedParameters().prefixed("encoder") + head.namedParameters().prefixed("head")
    }
}

// @unchecked: every use of the mutable layer state goes through `lock` (scoring) or a single
// training loop that owns the model.
extension TransformerThinkingModel: @unchecked Sendable {}
