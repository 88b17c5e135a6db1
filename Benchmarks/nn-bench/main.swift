// Measures training-step throughput of the NN target's causal transformer.
// Usage: swift run -c release nn-bench [batch seqLen dim layers heads vocab steps]
import Foundation
import NN
import NNBenchmarks

// NN_BENCH_DEFAULT_MALLOC=1 measures with glibc's default trimming, for comparison.
if ProcessInfo.processInfo.environment["NN_BENCH_DEFAULT_MALLOC"] == nil {
    AllocatorTuning.keepFreedMemoryForReuse()
}

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
func arg(_ i: Int, _ fallback: Int) -> Int { i < args.count ? args[i] : fallback }
let batch = arg(0, 16), seqLen = arg(1, 128), dim = arg(2, 128), layers = arg(3, 4), heads = arg(4, 4)
let vocab = arg(5, 96), steps = arg(6, 10)
let config = TransformerConfig(vocabSize: vocab, dim: dim, heads: heads, layers: layers, maxSeqLen: seqLen)
print("TransformerLM d\(dim) L\(layers) H\(heads) vocab \(vocab), batch \(batch) x seq \(seqLen), \(steps) steps")
print(NNBenchmark.transformerTrainingStep(config: config, batch: batch, seqLen: seqLen, steps: steps))
let decodeConfig = TransformerConfig(vocabSize: vocab, dim: dim, heads: heads, layers: layers, maxSeqLen: 256)
let decoded = NNBenchmark.cachedDecoding(config: decodeConfig, batch: batch, prompt: 64, newTokens: 192)
print(
    "KV-cache sampling, batch \(batch), prompt 64 + 192 new tokens: \(Int(decoded.perSecond.rounded())) tokens/s, "
        + "\(Int(decoded.perCPUSecond.rounded())) per CPU-second")
for hidden in [64, 256] {
    let scored = NNBenchmark.sparseMLPScoring(hidden: hidden)
    print("hashed n-gram MLP (2^18 features -> \(hidden) -> 1, 400 entries per row): \(Int(scored.rounded())) rows/s")
}
