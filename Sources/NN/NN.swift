/// The neural-network core shared by the thinking reward model and the GRPO trainer.
///
/// - Data: `Matrix` (row-major Float32); a batch of sequences is one `[batch * seqLen, dim]`
///   matrix. GEMMs go through OpenBLAS (`GEMM`).
/// - Layers keep what `backward` needs from their last `forward`; call them in pairs. `backward`
///   adds into `Parameter.grad` (so micro-batches accumulate) and returns the input gradient.
///   `apply` / `forwardCached` are inference paths that save nothing.
/// - Models: `TransformerLM` (causal, KV-cached decoding, `Sampling`), `TransformerEncoder`
///   (bidirectional + mean pooling); `SparseLinear` for hashed-feature MLPs.
/// - Training: losses return `LossResult` (value + gradient), `TokenLogProbs` gives per-token
///   log-probs and their backward for policy-gradient losses, `AdamW` + `GradientClipping`.
/// - Persistence: `Checkpoint` / `CheckpointFile` (versioned, CRC-32, atomic writes).
/// - Speed: `NNBenchmark` (the NNBenchmarks target in Benchmarks/), run by the `nn-bench`
///   executable; executables may also set `GEMM.threadCount` and call
///   `AllocatorTuning.keepFreedMemoryForReuse()` (both process-wide).
public enum NN {
    /// The checkpoint format version this build writes.
    public static var checkpointVersion: UInt32 { CheckpointFile.currentVersion }
}
