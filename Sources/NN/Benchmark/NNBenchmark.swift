/// Throughput measurement of a causal transformer training step (forward, cross-entropy,
/// backward), for comparing against other implementations of the same model.
public enum NNBenchmark {
    /// Timings of one benchmark run.
    public struct Result: Sendable, CustomStringConvertible {
        /// Tokens per step (`batch * seqLen`).
        public let tokensPerStep: Int
        /// Mean seconds of forward + loss.
        public let forwardSeconds: Double
        /// Mean seconds of backward.
        public let backwardSeconds: Double
        /// Mean seconds of an AdamW step.
        public let optimizerSeconds: Double

        /// Forward + backward tokens per second (the usual figure).
        public var tokensPerSecond: Double { Double(tokensPerStep) / (forwardSeconds + backwardSeconds) }
        /// Tokens per second including the optimiser step.
        public var trainingTokensPerSecond: Double {
            Double(tokensPerStep) / (forwardSeconds + backwardSeconds + optimizerSeconds)
        }

        /// A one-line summary.
        public var description: String {
            func ms(_ s: Double) -> String { String(Int((s * 1000).rounded())) + " ms" }
            return "forward \(ms(forwardSeconds)), backward \(ms(backwardSeconds)), adamw \(ms(optimizerSeconds)); "
                + "fwd+bwd \(Int(tokensPerSecond.rounded())) tokens/s, with optimiser \(Int(trainingTokensPerSecond.rounded())) tokens/s"
        }
    }

    /// Runs `warmup` untimed and `steps` timed training steps of `TransformerLM(config)` on random
    /// tokens of shape `batch x seqLen`.
    public static func transformerTrainingStep(config: TransformerConfig, batch: Int, seqLen: Int,
                                               steps: Int = 10, warmup: Int = 2, seed: UInt64 = 1) -> Result {
        let model = TransformerLM(config: config, seed: seed)
        let params = model.parameters()
        let optimizer = AdamW(learningRate: 1e-4)
        var rng = SeededRandom(seed: seed &+ 1)
        let tokens = (0..<(batch * seqLen)).map { _ in Int32(rng.nextInt(below: config.vocabSize)) }
        let targets = (0..<(batch * seqLen)).map { _ in Int32(rng.nextInt(below: config.vocabSize)) }
        let clock = ContinuousClock()
        var forward = Duration.zero, backward = Duration.zero, optimizing = Duration.zero
        for step in 0..<(warmup + steps) {
            let t0 = clock.now
            let loss = CrossEntropy.compute(logits: model.forward(tokens: tokens, batch: batch, seqLen: seqLen), targets: targets)
            let t1 = clock.now
            model.zeroGrad()
            model.backward(loss.gradient)
            let t2 = clock.now
            optimizer.step(params)
            let t3 = clock.now
            if step >= warmup {
                forward += t1 - t0
                backward += t2 - t1
                optimizing += t3 - t2
            }
        }
        func seconds(_ d: Duration) -> Double {
            (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) / Double(max(steps, 1))
        }
        return Result(tokensPerStep: batch * seqLen, forwardSeconds: seconds(forward),
                      backwardSeconds: seconds(backward), optimizerSeconds: seconds(optimizing))
    }

    /// Rows per second scored by a hashed-feature MLP (`SparseLinear` → ReLU → `Linear` to one
    /// score) in inference mode: the thinking reward model's fast path.
    public static func sparseMLPScoring(features: Int = 1 << 18, hidden: Int = 256, entriesPerRow: Int = 400,
                                        batch: Int = 256, batches: Int = 20, seed: UInt64 = 1) -> Double {
        var rng = SeededRandom(seed: seed)
        let first = SparseLinear(inputSize: features, outputSize: hidden, rng: &rng)
        let act = ReLU()
        let head = Linear(inputSize: hidden, outputSize: 1, rng: &rng)
        var rows = SparseRows()
        for _ in 0..<batch {
            rows.appendRow((0..<entriesPerRow).map { _ in (Int32(rng.nextInt(below: features)), Float(1)) })
        }
        let clock = ContinuousClock()
        var checksum: Float = 0
        let elapsed = clock.measure {
            for _ in 0..<batches { checksum += head.apply(act.apply(first.apply(rows))).storage[0] }
        }
        precondition(checksum.isFinite, "sparse MLP produced a non-finite score")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Double(batch * batches) / seconds
    }
}
