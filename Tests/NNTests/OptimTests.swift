import Testing

@testable import NN

@Suite struct OptimTests {
    @Test func adamWMatchesHandComputedSteps() {
        let weight = Parameter(Matrix(rows: 1, cols: 1, values: [1]))
        let bias = Parameter(Matrix(rows: 1, cols: 1, values: [1]), decays: false)
        let opt = AdamW(learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.1)
        weight.grad.storage[0] = 0.5
        bias.grad.storage[0] = 0.5
        opt.step([weight, bias])
        // m̂ = 0.5, v̂ = 0.25, update = 1: w = 1·(1 - 0.1·0.1) - 0.1 = 0.89; no decay: 0.9.
        #expect(abs(weight.value.storage[0] - 0.89) < 1e-6)
        #expect(abs(bias.value.storage[0] - 0.9) < 1e-6)
        weight.grad.storage[0] = -0.5
        opt.step([weight])
        // m = -0.005, v = 0.00049975; m̂ = -0.026316, v̂ = 0.25: w = 0.89·0.99 + 0.1·0.052632.
        #expect(abs(weight.value.storage[0] - 0.886_363_16) < 1e-5)
        #expect(opt.stepCount == 2)
    }

    @Test func clippingScalesToTheGlobalNorm() {
        let a = Parameter(Matrix(rows: 1, cols: 1)), b = Parameter(Matrix(rows: 1, cols: 1))
        a.grad.storage[0] = 3
        b.grad.storage[0] = 4
        #expect(abs(GradientClipping.clip([a, b], maxNorm: 10) - 5) < 1e-6)
        #expect(a.grad.storage[0] == 3)
        #expect(abs(GradientClipping.clip([a, b], maxNorm: 1) - 5) < 1e-6)
        #expect(abs(a.grad.storage[0] - 0.6) < 1e-5 && abs(b.grad.storage[0] - 0.8) < 1e-5)
        #expect(abs(GradientClipping.globalNorm([a, b]) - 1) < 1e-5)
    }
}

@Suite struct GradientAccumulationTests {
    @Test func backwardPassesAddUp() {
        // Micro-batching relies on backward adding into grads rather than overwriting them.
        let config = TransformerConfig(vocabSize: 5, dim: 8, heads: 2, layers: 1, maxSeqLen: 4)
        let model = TransformerLM(config: config, seed: 1)
        let a: [Int32] = [1, 2, 3, 4], b: [Int32] = [4, 3, 2, 1]
        let targets: [Int32] = [2, 3, 4, 0]
        func grads(_ batches: [[Int32]]) -> [Matrix] {
            model.zeroGrad()
            for tokens in batches {
                model.backward(
                    CrossEntropy.compute(logits: model.forward(tokens: tokens, batch: 1, seqLen: 4), targets: targets)
                        .gradient)
            }
            return model.parameters().map(\.grad)
        }
        let ga = grads([a]), gb = grads([b]), both = grads([a, b])
        for i in both.indices {
            for j in 0..<both[i].count {
                #expect(abs(both[i].storage[j] - (ga[i].storage[j] + gb[i].storage[j])) < 1e-5)
            }
        }
    }
}
