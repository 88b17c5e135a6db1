import NN

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        /// Mean process CPU seconds of forward + backward: unlike wall time it does not grow when
        /// other jobs share the cores, so it compares runs on a busy machine (single-threaded BLAS).
        public let cpuSeconds: Double

        /// Forward + backward tokens per CPU-second.
        public var tokensPerCPUSecond: Double { Double(tokensPerStep) / cpuSeconds }

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
                + "fwd+bwd \(Int(tokensPerSecond.rounded())) tokens/s, with optimiser \(Int(trainingTokensPerSecond.rounded())) tokens/s, "
                + "fwd+bwd per CPU-second \(Int(tokensPerCPUSecond.rounded())) tokens"
        }
    }

    /// Runs `warmup` untimed and `steps` timed training steps of `TransformerLM(config)` on random
    /// tokens of shape `batch x seqLen`.
    public static func transformerTrainingStep(
        config: TransformerConfig, batch: Int, seqLen: Int,
        steps: Int = 10, warmup: Int = 2, seed: UInt64 = 1
    ) -> Result {
        let model = TransformerLM(config: config, seed: seed)
        let params = model.parameters()
        let optimizer = AdamW(learningRate: 1e-4)
        var rng = SeededRandom(seed: seed &+ 1)
        let tokens = (0..<(batch * seqLen)).map { _ in Int32(rng.nextInt(below: config.vocabSize)) }
        let targets = (0..<(batch * seqLen)).map { _ in Int32(rng.nextInt(below: config.vocabSize)) }
        let clock = ContinuousClock()
        var forward = Duration.zero, backward = Duration.zero, optimizing = Duration.zero
        var cpu = 0.0
        for step in 0..<(warmup + steps) {
            let c0 = processCPUSeconds()
            let t0 = clock.now
            let loss = CrossEntropy.compute(
                logits: model.forward(tokens: tokens, batch: batch, seqLen: seqLen), targets: targets)
            let t1 = clock.now
            model.zeroGrad()
            model.backward(loss.gradient)
            let t2 = clock.now
            let c1 = processCPUSeconds()
            optimizer.step(params)
            let t3 = clock.now
            if step >= warmup {
                forward += t1 - t0
                backward += t2 - t1
                optimizing += t3 - t2
                cpu += c1 - c0
            }
        }
        func seconds(_ d: Duration) -> Double {
            (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) / Double(max(steps, 1))
        }
        return Result(
            tokensPerStep: batch * seqLen, forwardSeconds: seconds(forward),
            backwardSeconds: seconds(backward), optimizerSeconds: seconds(optimizing),
            cpuSeconds: cpu / Double(max(steps, 1)))
    }

    /// CPU time used by the whole process so far.
    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Rows per second scored by a hashed-feature MLP (`SparseLinear` → ReLU → `Linear` to one
    /// score) in inference mode: the thinking reward model's fast path.
    public static func sparseMLPScoring(
        features: Int = 1 << 18, hidden: Int = 256, entriesPerRow: Int = 400,
        batch: Int = 256, batches: Int = 20, seed: UInt64 = 1
    ) -> Double {
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

    /// Tokens per second generated with the KV cache: prefill `prompt` tokens for `batch`
    /// sequences, then `newTokens` single-token steps with sampling (what a GRPO rollout does).
    /// Returns wall-clock and per-CPU-second rates.
    public static func cachedDecoding(
        config: TransformerConfig, batch: Int, prompt: Int, newTokens: Int,
        seed: UInt64 = 1
    ) -> (perSecond: Double, perCPUSecond: Double) {
        let model = TransformerLM(config: config, seed: seed)
        var rng = SeededRandom(seed: seed &+ 2)
        let cache = model.makeCache(batch: batch, capacity: prompt + newTokens)
        let promptTokens = (0..<(batch * prompt)).map { _ in Int32(rng.nextInt(below: config.vocabSize)) }
        let clock = ContinuousClock()
        let cpuStart = processCPUSeconds()
        let elapsed = clock.measure {
            var logits = model.forwardCached(tokens: promptTokens, newTokens: prompt, cache: cache)
            var lastRow = prompt - 1
            for _ in 0..<newTokens {
                let next = (0..<batch).map { b in
                    Sampling.sample(logits: logits, row: b * (lastRow + 1) + lastRow, temperature: 1, rng: &rng)
                }
                logits = model.forwardCached(tokens: next, newTokens: 1, cache: cache)
                lastRow = 0
            }
        }
        let cpu = processCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (Double(batch * newTokens) / seconds, Double(batch * newTokens) / cpu)
    }
}
