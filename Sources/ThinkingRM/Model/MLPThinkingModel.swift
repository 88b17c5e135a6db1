import Foundation
import NN

/// The default thinking reward model: sparse input (hashed n-grams + dense features) through
/// `SparseLinear -> ReLU -> Linear` to one logit; the score is its sigmoid, in [0,1].
///
/// This class is the trainable form (it owns `Parameter`s and backward state, one training loop
/// at a time); `scorer()` gives an immutable, thread-safe copy for scoring.
public final class MLPThinkingModel: ParameterContainer {
    /// Featuriser settings (n-gram buckets, dense feature scaling).
    public let settings: RMFeaturizerSettings
    /// Hidden width.
    public let hidden: Int
    /// Inverse document frequency per n-gram bucket when `settings.tfidf` (else empty); fixed
    /// by the training rows, not trained.
    public var idf: [Float] = []
    /// The linear n-gram term added to the logit, when trained with one (`NGramLinearTerm`).
    public var ngramLinear: NGramLinearTerm?
    let first: SparseLinear
    let relu = ReLU()
    let second: Linear

    /// A freshly initialised model; the same seed gives the same weights.
    public init(settings: RMFeaturizerSettings, hidden: Int = 32, seed: UInt64 = 1) {
        var rng = SeededRandom(seed: seed)
        self.settings = settings
        self.hidden = hidden
        first = SparseLinear(inputSize: settings.inputSize, outputSize: hidden, initStd: 0.05, rng: &rng)
        second = Linear(inputSize: hidden, outputSize: 1, rng: &rng)
    }

    /// Logits `[rows, 1]` for a batch; remembers state for `backward`.
    func forward(_ x: SparseRows) -> Matrix {
        second.forward(relu.forward(first.forward(x)))
    }

    /// Adds every gradient given dLoss/dLogits `[rows, 1]`.
    func backward(_ dLogits: Matrix) {
        first.backward(relu.backward(second.backward(dLogits)))
    }

    /// `first.*`, `second.*`.
    public func namedParameters() -> [NamedParameter] {
        first.namedParameters().prefixed("first") + second.namedParameters().prefixed("second")
    }

    /// An immutable copy of the weights for scoring from any thread.
    public func scorer() -> MLPScorer {
        MLPScorer(
            settings: settings, idf: idf.isEmpty ? nil : idf, hidden: hidden, w1: first.weight.value.storage,
            b1: first.bias.value.storage,
            w2: second.weight.value.storage, b2: second.bias?.value.storage.first ?? 0, ngramLinear: ngramLinear)
    }
}

/// The MLP's forward pass on plain arrays: no shared mutable state, so any number of threads can
/// score with one instance (each with its own `RMFeaturizer`).
public struct MLPScorer: Sendable {
    /// Featuriser settings the weights were trained with.
    public let settings: RMFeaturizerSettings
    /// N-gram bucket weights (TF-IDF), when the settings use them.
    let idf: [Float]?
    let hidden: Int
    let w1: [Float], b1: [Float], w2: [Float], b2: Float
    let ngramLinear: NGramLinearTerm?

    /// A featuriser matching these weights (one per thread).
    public func makeFeaturizer() -> RMFeaturizer {
        RMFeaturizer(settings: settings, idf: idf)
    }

    /// The logit for one featurised row: the MLP's, plus the linear n-gram term when there is one.
    public func logit(_ row: [SparseEntry]) -> Float {
        guard let ngramLinear else { return mlpLogit(row) }
        return mlpLogit(row) + ngramLinear.mix * ngramLinear.value(row)
    }

    private func mlpLogit(_ row: [SparseEntry]) -> Float {
        let h = hidden
        if h == 16 { return logit16(row) }
        if h % 16 == 0 { return logitVectors(row, chunks: h / 16) }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: h) { acc in
            for c in 0..<h { acc[c] = b1[c] }
            w1.withUnsafeBufferPointer { w in
                for e in row {
                    let base = Int(e.index) * h
                    guard base >= 0, base + h <= w.count else { continue }
                    for c in 0..<h { acc[c] += e.value * w[base + c] }
                }
            }
            var z = b2
            for c in 0..<h where acc[c] > 0 { z += acc[c] * w2[c] }
            return z
        }
    }

    /// `logit` for the default width, one 16-lane vector per weight row: scoring is bound by
    /// fetching those rows, and the scalar loop re-checked the accumulator for aliasing on every
    /// lane. Each lane sums in the same order as the scalar loop, so the result is the same.
    private func logit16(_ row: [SparseEntry]) -> Float {
        var acc = SIMD16<Float>()
        b1.withUnsafeBytes { acc = $0.loadUnaligned(as: SIMD16<Float>.self) }
        w1.withUnsafeBytes { w in
            let rows = w.count / MemoryLayout<SIMD16<Float>>.stride
            for e in row {
                let i = Int(e.index)
                guard i >= 0, i < rows else { continue }
                acc +=
                    e.value
                    * w.loadUnaligned(fromByteOffset: i * MemoryLayout<SIMD16<Float>>.stride, as: SIMD16<Float>.self)
            }
        }
        var z = b2
        for c in 0..<16 where acc[c] > 0 { z += acc[c] * w2[c] }
        return z
    }

    /// `logit16` for a width of several 16-lane vectors (seed members side by side,
    /// `MLPThinkingModel.averaging`): each weight row is that many adjacent vectors.
    private func logitVectors(_ row: [SparseEntry], chunks: Int) -> Float {
        let lane = MemoryLayout<SIMD16<Float>>.stride
        return withUnsafeTemporaryAllocation(of: SIMD16<Float>.self, capacity: chunks) { acc in
            b1.withUnsafeBytes { b in
                for j in 0..<chunks { acc[j] = b.loadUnaligned(fromByteOffset: j * lane, as: SIMD16<Float>.self) }
            }
            w1.withUnsafeBytes { w in
                let stride = chunks * lane
                let rows = w.count / stride
                for e in row {
                    let i = Int(e.index)
                    guard i >= 0, i < rows else { continue }
                    for j in 0..<chunks {
                        acc[j] +=
                            e.value * w.loadUnaligned(fromByteOffset: i * stride + j * lane, as: SIMD16<Float>.self)
                    }
                }
            }
            var z = b2
            for j in 0..<chunks {
                for c in 0..<16 where acc[j][c] > 0 { z += acc[j][c] * w2[j * 16 + c] }
            }
            return z
        }
    }

    /// The score in [0,1] for one featurised row.
    public func score(_ row: [SparseEntry]) -> Double {
        1 / (1 + exp(-Double(logit(row))))
    }
}
