import Foundation
import NN

/// Prompt + response pairs laid out for one full forward pass of the LM: right-padded to the
/// longest, with targets only on response tokens (EOS included), so the loss and its gradient
/// touch nothing else.
public struct SequenceBatch {
    /// `[batch * seqLen]` ids, sequence-major.
    public let tokens: [Int32]
    /// One target per logits row: the next token where it is a response token, else -1.
    public let targets: [Int32]
    /// Number of sequences.
    public let batch: Int
    /// Padded length.
    public let seqLen: Int
    /// For each sequence, the logits rows that predict its response tokens, in order.
    public let responseRows: [[Int]]

    /// Lays out `prompts[i] + responses[i]`, cutting prompts to `maxSeqLen - 1` ids (as `Sampler`
    /// does) and responses that overflow `maxSeqLen`.
    public init(prompts fullPrompts: [[Int32]], responses: [[Int32]], maxSeqLen: Int) {
        precondition(fullPrompts.count == responses.count, "SequenceBatch: one response per prompt")
        let prompts = fullPrompts.map { Array($0.prefix(maxSeqLen - 1)) }
        let cut = zip(prompts, responses).map { p, r in Array(r.prefix(max(0, maxSeqLen - p.count))) }
        let seqLen = min(maxSeqLen, max(2, zip(prompts, cut).map { $0.count + $1.count }.max() ?? 2))
        var tokens = [Int32](repeating: CharTokenizer.pad, count: prompts.count * seqLen)
        var targets = [Int32](repeating: -1, count: prompts.count * seqLen)
        var rows: [[Int]] = []
        for (b, (p, r)) in zip(prompts, cut).enumerated() {
            let full = p + r
            for (t, id) in full.enumerated() { tokens[b * seqLen + t] = id }
            var mine: [Int] = []
            for j in r.indices {
                let row = b * seqLen + p.count + j - 1
                targets[row] = r[j]
                mine.append(row)
            }
            rows.append(mine)
        }
        self.tokens = tokens
        self.targets = targets
        self.batch = prompts.count
        self.seqLen = seqLen
        self.responseRows = rows
    }

    /// Number of response tokens.
    public var responseTokenCount: Int { responseRows.reduce(0) { $0 + $1.count } }

    /// Runs `model` forward (saving state for `backward`) and returns the log-probabilities of
    /// every response token, grouped by sequence.
    public func forward(_ model: TransformerLM) -> (TokenLogProbs, [[Double]]) {
        let lp = TokenLogProbs(logits: model.forward(tokens: tokens, batch: batch, seqLen: seqLen), targets: targets)
        return (lp, responseRows.map { rows in rows.map { Double(lp.logProbs[$0]) } })
    }

    /// Pushes dLoss/dlogp (grouped like `forward`'s output) back through `model`.
    public func backward(_ model: TransformerLM, logProbs: TokenLogProbs, gradients: [[Double]]) {
        var upstream = [Float](repeating: 0, count: targets.count)
        for (rows, g) in zip(responseRows, gradients) { for (row, v) in zip(rows, g) { upstream[row] = Float(v) } }
        model.backward(logProbs.gradient(upstream))
    }

    /// Mean entropy (nats) of the policy's next-token distribution over response tokens.
    public func meanEntropy(_ logProbs: TokenLogProbs) -> Double {
        let v = logProbs.probabilities.cols
        var total = 0.0, count = 0
        logProbs.probabilities.withBuffer { p in
            for rows in responseRows {
                for row in rows {
                    var h = 0.0
                    for c in 0..<v where p[row * v + c] > 0 {
                        h -= Double(p[row * v + c]) * log(Double(p[row * v + c]))
                    }
                    total += h
                    count += 1
                }
            }
        }
        return count == 0 ? 0 : total / Double(count)
    }
}
