import Testing

@testable import NN

/// Small end-to-end runs: the pieces together must actually learn.
@Suite struct TrainingSanityTests {
    @Test func mlpLearnsXOR() {
        var rng = SeededRandom(seed: 1)
        let fc1 = Linear(inputSize: 2, outputSize: 8, rng: &rng)
        let act = GELU()
        let fc2 = Linear(inputSize: 8, outputSize: 1, rng: &rng)
        let params = fc1.namedParameters() + fc2.namedParameters()
        let x = Matrix(rows: 4, cols: 2, values: [0, 0, 0, 1, 1, 0, 1, 1])
        let y = Matrix(rows: 4, cols: 1, values: [0, 1, 1, 0])
        let opt = AdamW(learningRate: 0.05, weightDecay: 0)
        var loss: Float = 1
        for _ in 0..<400 {
            for p in params { p.parameter.zeroGrad() }
            let logits = fc2.forward(act.forward(fc1.forward(x)))
            let result = BinaryCrossEntropy.withLogits(logits, targets: y)
            loss = result.value
            _ = fc1.backward(act.backward(fc2.backward(result.gradient)), needInputGradient: false)
            GradientClipping.clip(params.map(\.parameter), maxNorm: 5)
            opt.step(params.map(\.parameter))
        }
        #expect(loss < 0.05)
        let logits = fc2.apply(act.apply(fc1.apply(x)))
        #expect(logits.storage.map { $0 > 0 } == [false, true, true, false])
    }

    @Test func tinyLMLearnsARepeatingPattern() {
        // "abcabc...": after a warm-up the next character is fully determined.
        let config = TransformerConfig(vocabSize: 3, dim: 16, heads: 2, layers: 1, maxSeqLen: 8)
        let model = TransformerLM(config: config, seed: 2)
        let params = model.parameters()
        let opt = AdamW(learningRate: 0.01)
        let sequences: [[Int32]] = [
            [0, 1, 2, 0, 1, 2, 0, 1, 2], [1, 2, 0, 1, 2, 0, 1, 2, 0], [2, 0, 1, 2, 0, 1, 2, 0, 1],
        ]
        let inputs = sequences.flatMap { $0.prefix(8) }
        let targets = sequences.flatMap { $0.dropFirst() }
        var loss: Float = 10
        for _ in 0..<150 {
            model.zeroGrad()
            let result = CrossEntropy.compute(
                logits: model.forward(tokens: inputs, batch: 3, seqLen: 8), targets: targets)
            loss = result.value
            model.backward(result.gradient)
            opt.step(params)
        }
        #expect(loss < 0.05)
    }

    @Test func sparseLinearRankerLearnsWithBradleyTerry() {
        // Feature 0 marks a good response, feature 1 a bad one; the ranker must order them.
        var rng = SeededRandom(seed: 3)
        let layer = SparseLinear(inputSize: 4, outputSize: 1, rng: &rng)
        var chosen = SparseRows(), rejected = SparseRows()
        for i in 0..<8 {
            chosen.appendRow([(Int32(0), Float(1)), (Int32(2 + i % 2), Float(1))])
            rejected.appendRow([(Int32(1), Float(1)), (Int32(3 - i % 2), Float(1))])
        }
        let opt = AdamW(learningRate: 0.1, weightDecay: 0)
        var loss: Float = 1
        for _ in 0..<100 {
            layer.zeroGrad()
            let c = layer.forward(chosen)
            let r = layer.apply(rejected)
            let result = BradleyTerry.compute(chosen: c, rejected: r)
            loss = result.value
            layer.backward(result.dChosen)
            _ = layer.forward(rejected)
            layer.backward(result.dRejected)
            opt.step(layer.parameters())
        }
        #expect(loss < 0.05)
    }
}

/// The pieces a GRPO trainer strings together: KV-cached sampling, per-token log-probs of the
/// sampled tokens, advantage-weighted backward.
@Suite struct PolicyGradientSanityTests {
    @Test func reinforceRaisesTheRewardedTokensProbability() {
        let config = TransformerConfig(vocabSize: 4, dim: 16, heads: 2, layers: 1, maxSeqLen: 6)
        let model = TransformerLM(config: config, seed: 5)
        let opt = AdamW(learningRate: 0.02, weightDecay: 0)
        var rng = SeededRandom(seed: 6)
        let batch = 16, generated = 5
        func rewardedFraction() -> Double {
            // Greedy-free estimate: mean probability of token 2 after the start token.
            let logits = model.forward(tokens: [0], batch: 1, seqLen: 1)
            return Double(Softmax().forward(logits).storage[2])
        }
        let before = rewardedFraction()
        for _ in 0..<40 {
            // Roll out: start token 0, then sample `generated` tokens per sequence.
            let cache = model.makeCache(batch: batch)
            var sequences = [[Int32]](repeating: [0], count: batch)
            var logits = model.forwardCached(tokens: [Int32](repeating: 0, count: batch), newTokens: 1, cache: cache)
            for step in 0..<generated {
                let next = (0..<batch).map { Sampling.sample(logits: logits, row: $0, temperature: 1, rng: &rng) }
                for b in 0..<batch { sequences[b].append(next[b]) }
                if step < generated - 1 { logits = model.forwardCached(tokens: next, newTokens: 1, cache: cache) }
            }
            // Reward: how many 2s; advantage: reward minus the batch mean.
            let rewards = sequences.map { Float($0.dropFirst().filter { $0 == 2 }.count) }
            let mean = rewards.reduce(0, +) / Float(batch)
            // Train on all sampled positions: input tokens 0..<generated, targets 1...generated.
            let inputs = sequences.flatMap { $0.prefix(generated) }
            let targets = sequences.flatMap { $0.dropFirst() }
            model.zeroGrad()
            let lp = TokenLogProbs(
                logits: model.forward(tokens: inputs, batch: batch, seqLen: generated), targets: targets)
            // Loss = -Σ A_b logp / tokens, so dLoss/dlogp = -A_b / tokens.
            let upstream = (0..<(batch * generated)).map {
                -(rewards[$0 / generated] - mean) / Float(batch * generated)
            }
            model.backward(lp.gradient(upstream))
            opt.step(model.parameters())
        }
        let after = rewardedFraction()
        #expect(before < 0.4)
        #expect(after > 0.8, "p(token 2) went from \(before) to \(after)")
    }
}
