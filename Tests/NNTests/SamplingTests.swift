import Testing

@testable import NN

@Suite struct SamplingTests {
    static let logits = Matrix(rows: 2, cols: 4, values: [0, 2, 1, -1, 3, 0, 0, 0])

    @Test func zeroTemperatureIsGreedy() {
        var rng = SeededRandom(seed: 1)
        #expect(Sampling.sample(logits: Self.logits, row: 0, temperature: 0, rng: &rng) == 1)
        #expect(Sampling.sample(logits: Self.logits, row: 1, temperature: 0, rng: &rng) == 0)
    }

    @Test func frequenciesFollowTheSoftmax() {
        var rng = SeededRandom(seed: 2)
        var counts = [0, 0, 0, 0]
        let n = 20_000
        for _ in 0..<n { counts[Int(Sampling.sample(logits: Self.logits, row: 0, temperature: 1, rng: &rng))] += 1 }
        let probs = Softmax().forward(Self.logits.rowSlice(0..<1)).storage
        for c in 0..<4 { #expect(abs(Double(counts[c]) / Double(n) - Double(probs[c])) < 0.015) }
    }

    @Test func topKExcludesTheRest() {
        var rng = SeededRandom(seed: 3)
        let drawn = Set(
            (0..<500).map { _ in Sampling.sample(logits: Self.logits, row: 0, temperature: 2, topK: 2, rng: &rng) })
        #expect(drawn == [1, 2])
    }

    @Test func sameSeedSameSamples() {
        var a = SeededRandom(seed: 4), b = SeededRandom(seed: 4)
        let xs = (0..<50).map { _ in Sampling.sample(logits: Self.logits, row: 0, temperature: 1, rng: &a) }
        #expect(xs == (0..<50).map { _ in Sampling.sample(logits: Self.logits, row: 0, temperature: 1, rng: &b) })
    }
}
