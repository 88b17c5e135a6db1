import Testing

@testable import NN

@Suite struct RandomTests {
    @Test func sameSeedSameStream() {
        var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7), c = SeededRandom(seed: 8)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
    }

    @Test func matchesReferenceXoshiroStream() {
        // Reference xoshiro256** seeded by SplitMix64(0); checkpoints and experiments depend on
        // this stream, so a change must be deliberate.
        var rng = SeededRandom(seed: 0)
        #expect(
            (0..<3).map { _ in rng.next() } == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
    }

    @Test func normalsHaveRoughlyUnitVariance() {
        var rng = SeededRandom(seed: 9)
        let xs = (0..<20_000).map { _ in Double(rng.nextNormal()) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
        var u = SeededRandom(seed: 10)
        #expect(
            (0..<1000).allSatisfy { _ in
                let f = u.nextUnitFloat(); return f >= 0 && f < 1
            })
    }

    @Test func boundedIntegersAreUniformAndInRange() {
        var rng = SeededRandom(seed: 11)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[rng.nextInt(below: 6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
        #expect((0..<100).allSatisfy { _ in rng.nextInt(below: 1) == 0 })
    }

    @Test func modelInitialisationIsReproducible() {
        let config = TransformerConfig(vocabSize: 5, dim: 8, heads: 2, layers: 2, maxSeqLen: 4)
        let a = TransformerLM(config: config, seed: 3).namedParameters()
        let b = TransformerLM(config: config, seed: 3).namedParameters()
        let c = TransformerLM(config: config, seed: 4).namedParameters()
        #expect(a.map(\.name) == b.map(\.name))
        #expect(zip(a, b).allSatisfy { $0.parameter.value == $1.parameter.value })
        #expect(!zip(a, c).allSatisfy { $0.parameter.value == $1.parameter.value })
        #expect(Set(a.map(\.name)).count == a.count)
    }
}
