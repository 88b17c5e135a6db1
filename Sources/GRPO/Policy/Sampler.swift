import Foundation
import NN

/// How to draw tokens: temperature (0 = greedy) and nucleus (top-p) truncation.
public struct SamplingSettings: Sendable, Equatable {
    /// Softmax temperature; 0 picks the most likely token.
    public var temperature: Float
    /// Keep the smallest set of tokens whose probability reaches this (1 = no truncation).
    public var topP: Float
    /// Most response tokens per sequence (fewer when the model's length limit comes first).
    public var maxNewTokens: Int

    /// Settings.
    public init(temperature: Float = 1, topP: Float = 1, maxNewTokens: Int = 64) {
        self.temperature = temperature
        self.topP = topP
        self.maxNewTokens = maxNewTokens
    }
}

/// One generated response.
public struct Generation: Sendable, Equatable {
    /// Response ids, ending with EOS unless the length limit cut it off.
    public var tokens: [Int32]
    /// log p(token) under the policy at temperature 1 (the "old" log-probabilities of PPO).
    public var logProbs: [Float]
}

/// Batched decoding with a KV cache: every prompt is prefilled once, then one token per step for
/// all sequences together. Deterministic for a given `SeededRandom` state.
public enum Sampler {
    /// Generates one response per prompt (prompt ids as `CharTokenizer.promptIDs` makes them).
    public static func generate(
        _ policy: Policy, prompts: [[Int32]], settings: SamplingSettings, rng: inout SeededRandom
    ) -> [Generation] {
        let batch = prompts.count
        guard batch > 0 else { return [] }
        let maxLen = policy.config.maxSeqLen
        let lengths = prompts.map { min($0.count, maxLen - 1) }
        let width = lengths.max() ?? 1
        let limits = lengths.map { max(0, min(settings.maxNewTokens, maxLen - $0)) }
        // Every sequence fits: prompt + limit <= min(maxLen, width + maxNewTokens).
        let cache = policy.model.makeCache(batch: batch, capacity: min(maxLen, width + settings.maxNewTokens))
        var input = [Int32](repeating: CharTokenizer.pad, count: batch * width)
        for (b, p) in prompts.enumerated() { for t in 0..<lengths[b] { input[b * width + t] = p[t] } }
        var logits = policy.model.forwardCached(tokens: input, newTokens: width, cache: cache, validCounts: lengths)
        var rows = (0..<batch).map { $0 * width + lengths[$0] - 1 }
        var out = [Generation](repeating: Generation(tokens: [], logProbs: []), count: batch)
        var done = limits.map { $0 == 0 }
        while !done.allSatisfy({ $0 }) {
            var next = [Int32](repeating: CharTokenizer.pad, count: batch)
            for b in 0..<batch where !done[b] {
                let (token, logProb) = draw(logits, row: rows[b], settings: settings, rng: &rng)
                out[b].tokens.append(token)
                out[b].logProbs.append(logProb)
                next[b] = token
                if token == CharTokenizer.eos || out[b].tokens.count >= limits[b] { done[b] = true }
            }
            if done.allSatisfy({ $0 }) { break }
            // Finished sequences are fed padding and do not advance, so a long prompt that reached
            // its limit never cuts the others short; their cache rows are never read again.
            logits = policy.model.forwardCached(
                tokens: next, newTokens: 1, cache: cache, validCounts: done.map { $0 ? 0 : 1 })
            rows = Array(0..<batch)
        }
        return out
    }

    /// A token from one row of logits and its log-probability at temperature 1.
    static func draw(_ logits: Matrix, row: Int, settings: SamplingSettings, rng: inout SeededRandom) -> (Int32, Float)
    {
        let v = logits.cols
        return logits.withBuffer { buf -> (Int32, Float) in
            let base = row * v
            var best = 0
            for c in 1..<v where buf[base + c] > buf[base + best] { best = c }
            let maxLogit = buf[base + best]
            var sum: Float = 0
            for c in 0..<v { sum += exp(buf[base + c] - maxLogit) }
            let logSum = log(sum)
            func logProb(_ c: Int) -> Float { buf[base + c] - maxLogit - logSum }
            if settings.temperature <= 0 { return (Int32(best), logProb(best)) }
            let invT = 1 / settings.temperature
            var weights = (0..<v).map { Double(exp((buf[base + $0] - maxLogit) * invT)) }
            let total = weights.reduce(0, +)
            if settings.topP < 1 {
                // Nucleus: keep the most likely tokens until their share reaches top-p.
                let order = (0..<v).sorted { weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }
                var kept = 0.0, cut = v
                for (i, c) in order.enumerated() {
                    kept += weights[c]
                    if kept >= Double(settings.topP) * total { cut = i + 1; break }
                }
                for c in order[cut...] { weights[c] = 0 }
            }
            var u = rng.nextUnitDouble() * weights.reduce(0, +)
            for c in 0..<v where weights[c] > 0 {
                u -= weights[c]
                if u < 0 { return (Int32(c), logProb(c)) }
            }
            return (Int32(best), logProb(best))
        }
    }
}
