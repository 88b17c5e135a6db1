import Testing

@testable import NN

/// Masking and normalisation properties of softmax and attention.
@Suite struct AttentionTests {
    @Test func softmaxRowsSumToOne() {
        let y = Softmax().forward(GradientCheck.random(5, 7, seed: 1, std: 5))
        for r in 0..<5 {
            let sum = (0..<7).reduce(Float(0)) { $0 + y[r, $1] }
            #expect(abs(sum - 1) < 1e-5)
            #expect((0..<7).allSatisfy { y[r, $0] >= 0 })
        }
    }

    @Test func softmaxIsStableForHugeScores() {
        let y = Softmax().forward(Matrix(rows: 1, cols: 3, values: [1000, 1000, -1000]))
        #expect(abs(y.storage[0] - 0.5) < 1e-6 && y.storage[2] == 0)
    }

    @Test func causalMaskHidesTheFuture() {
        var rng = SeededRandom(seed: 2)
        let attention = MultiHeadAttention(dim: 8, heads: 2, causal: true, initStd: 0.5, rng: &rng)
        var x = GradientCheck.random(5, 8, seed: 3)
        let before = attention.forward(x, batch: 1, seqLen: 5)
        for c in 0..<8 { x[3, c] += 1; x[4, c] -= 2 }  // change positions 3 and 4 only
        let after = attention.forward(x, batch: 1, seqLen: 5)
        for r in 0..<3 { for c in 0..<8 { #expect(before[r, c] == after[r, c]) } }
        #expect((0..<8).contains { before[3, $0] != after[3, $0] })
    }

    @Test(arguments: [1, 2, 3, 7, 32])
    func queryBlockingDoesNotChangeResults(block: Int) {
        var rng = SeededRandom(seed: 8)
        let attention = MultiHeadAttention(dim: 8, heads: 2, causal: true, initStd: 0.5, rng: &rng)
        let x = GradientCheck.random(14, 8, seed: 9), dy = GradientCheck.random(14, 8, seed: 10)
        attention.queryBlock = 1000
        let reference = attention.forward(x, batch: 2, seqLen: 7, lengths: [7, 4])
        let referenceDx = attention.backward(dy)
        attention.queryBlock = block
        let blocked = attention.forward(x, batch: 2, seqLen: 7, lengths: [7, 4])
        let blockedDx = attention.backward(dy)
        #expect(zip(reference.storage, blocked.storage).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(zip(referenceDx.storage, blockedDx.storage).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test func bidirectionalAttentionSeesTheFuture() {
        var rng = SeededRandom(seed: 4)
        let attention = MultiHeadAttention(dim: 8, heads: 2, causal: false, initStd: 0.5, rng: &rng)
        var x = GradientCheck.random(4, 8, seed: 5)
        let before = attention.forward(x, batch: 1, seqLen: 4)
        x[3, 0] += 1
        let after = attention.forward(x, batch: 1, seqLen: 4)
        #expect((0..<8).contains { before[0, $0] != after[0, $0] })
    }

    @Test func paddingDoesNotLeakIntoEncoderOutput() {
        let config = TransformerConfig(vocabSize: 9, dim: 8, heads: 2, layers: 2, maxSeqLen: 6)
        let encoder = TransformerEncoder(config: config, seed: 6)
        let a = encoder.forward(tokens: [1, 2, 3, 0, 0, 0, 4, 5, 6, 7, 8, 1], batch: 2, seqLen: 6, lengths: [3, 6])
        let b = encoder.forward(tokens: [1, 2, 3, 8, 7, 5, 4, 5, 6, 7, 8, 1], batch: 2, seqLen: 6, lengths: [3, 6])
        #expect(a == b)
        let alone = encoder.forward(tokens: [1, 2, 3], batch: 1, seqLen: 3)
        for c in 0..<8 { #expect(abs(alone[0, c] - a[0, c]) < 1e-5) }
    }

    @Test func sequencesInABatchAreIndependent() {
        let config = TransformerConfig(vocabSize: 9, dim: 8, heads: 2, layers: 2, maxSeqLen: 4)
        let model = TransformerLM(config: config, seed: 7)
        let both = model.forward(tokens: [1, 2, 3, 4, 5, 6, 7, 8], batch: 2, seqLen: 4)
        let second = model.forward(tokens: [5, 6, 7, 8], batch: 1, seqLen: 4)
        for i in 0..<second.count { #expect(abs(both.storage[36 + i] - second.storage[i]) < 1e-5) }
    }
}
