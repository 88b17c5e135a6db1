import Testing

@testable import NN

/// Incremental decoding with a KV cache must give the logits of the full causal forward.
@Suite struct KVCacheTests {
    static let config = TransformerConfig(vocabSize: 11, dim: 16, heads: 4, layers: 3, maxSeqLen: 8)
    static let tokens: [Int32] = [1, 5, 9, 2, 7, 3, 10, 0, 4, 4, 8, 6, 1, 2, 9, 5]  // 2 sequences x 8

    static func maxDiff(_ a: Matrix, _ b: Matrix) -> Float {
        zip(a.storage, b.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// Rows `range` of each sequence of a `[batch * seqLen, V]` matrix, sequence-major.
    static func rows(_ m: Matrix, batch: Int, seqLen: Int, _ range: Range<Int>) -> Matrix {
        var values = [Float]()
        for b in 0..<batch {
            values += m.rowSlice((b * seqLen + range.lowerBound)..<(b * seqLen + range.upperBound)).storage
        }
        return Matrix(rows: batch * range.count, cols: m.cols, values: values)
    }

    static func tokens(_ range: Range<Int>) -> [Int32] {
        (0..<2).flatMap { b in range.map { tokens[b * 8 + $0] } }
    }

    @Test(arguments: [0, 1, 3])
    func incrementalDecodingEqualsFullForward(prefill: Int) {
        let model = TransformerLM(config: Self.config, seed: 42)
        LayerGradientTests.randomize(model.namedParameters(), seed: 43, std: 0.2)
        let full = model.forward(tokens: Self.tokens, batch: 2, seqLen: 8)
        let cache = model.makeCache(batch: 2)
        if prefill > 0 {
            let logits = model.forwardCached(tokens: Self.tokens(0..<prefill), newTokens: prefill, cache: cache)
            #expect(Self.maxDiff(logits, Self.rows(full, batch: 2, seqLen: 8, 0..<prefill)) < 1e-4)
        }
        for t in prefill..<8 {
            let logits = model.forwardCached(tokens: Self.tokens(t..<(t + 1)), newTokens: 1, cache: cache)
            #expect(Self.maxDiff(logits, Self.rows(full, batch: 2, seqLen: 8, t..<(t + 1))) < 1e-4, "position \(t)")
        }
        #expect(cache.length == 8 && cache.remaining == 0)
    }

    @Test func resetStartsOver() {
        let model = TransformerLM(config: Self.config, seed: 44)
        let cache = model.makeCache(batch: 2, capacity: 4)
        let first = model.forwardCached(tokens: Self.tokens(0..<2), newTokens: 2, cache: cache)
        cache.reset()
        #expect(cache.length == 0)
        #expect(model.forwardCached(tokens: Self.tokens(0..<2), newTokens: 2, cache: cache) == first)
    }

    @Test func promptsOfDifferentLengthsDecodeTogether() {
        // Prompts of 3 and 5 tokens, right-padded to 5 for the prefill, then 3 shared steps; each
        // sequence must match its own unpadded full forward.
        let model = TransformerLM(config: Self.config, seed: 45)
        LayerGradientTests.randomize(model.namedParameters(), seed: 46, std: 0.2)
        let sequences: [[Int32]] = [[3, 1, 4, 1, 5, 9], [2, 7, 1, 8, 2, 8, 1, 8]]
        let promptLengths = [3, 5]
        let cache = model.makeCache(batch: 2)
        let padded = sequences[0].prefix(3) + [0, 0] + sequences[1].prefix(5)
        let prefill = model.forwardCached(tokens: Array(padded), newTokens: 5, cache: cache, validCounts: promptLengths)
        #expect(cache.lengths == [3, 5] && cache.length == nil)
        var got = [[Matrix]](repeating: [], count: 2)
        for b in 0..<2 { got[b].append(prefill.rowSlice((b * 5 + promptLengths[b] - 1)..<(b * 5 + promptLengths[b]))) }
        for step in 0..<3 {
            let next = (0..<2).map { sequences[$0][promptLengths[$0] + step] }
            let logits = model.forwardCached(tokens: next, newTokens: 1, cache: cache)
            for b in 0..<2 { got[b].append(logits.rowSlice(b..<(b + 1))) }
        }
        for b in 0..<2 {
            let len = promptLengths[b] + 3
            let full = model.forward(tokens: Array(sequences[b].prefix(len)), batch: 1, seqLen: len)
            for (k, row) in got[b].enumerated() {
                let position = promptLengths[b] - 1 + k
                #expect(
                    Self.maxDiff(row, full.rowSlice(position..<(position + 1))) < 1e-4,
                    "sequence \(b), position \(position)")
            }
        }
        #expect(cache.lengths == [6, 8])
    }
}
