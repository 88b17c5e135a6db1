import Rewards

/// A linear model on the response's n-grams alone, fitted by least squares to the training
/// grades, whose output joins the MLP's logit with weight `mix` ("wide and deep").
///
/// Inside the MLP the reasoning features explain the training rows so well that the n-gram
/// weights stay small, and responses unlike the training solutions are then judged by features
/// fitted to them; a term fitted to the n-grams on their own keeps the wording cues (hedging,
/// contradiction, unjustified jumps) that TF-IDF + ridge carries to other texts.
public struct NGramLinearTerm: Sendable, Equatable {
    /// One weight per n-gram bucket.
    public var weights: [Float]
    /// The intercept.
    public var bias: Float
    /// How much of the term's output (a predicted grade) is added to the MLP's logit.
    public var mix: Float

    /// A term; `weights.count` is the n-gram dimension it reads.
    public init(weights: [Float], bias: Float, mix: Float) {
        self.weights = weights
        self.bias = bias
        self.mix = mix
    }

    /// The predicted grade of one featurised row (entries past the n-gram block are ignored).
    public func value(_ row: [SparseEntry]) -> Float {
        var s = bias
        weights.withUnsafeBufferPointer { w in
            for e in row {
                let i = Int(e.index)
                guard i >= 0, i < w.count else { continue }
                s += e.value * w[i]
            }
        }
        return s
    }

    /// Least squares by stochastic gradient descent from zero, one row at a time: on L2-normalised
    /// rows a step below 2 is stable, and from zero the weights stay in the span of the rows
    /// (the minimum-norm solution the data allow), which is what a weak ridge penalty gives too.
    /// `order` shuffles with `seed`, so the fit is deterministic.
    public static func fit(
        _ rows: [ArraySlice<SparseEntry>], targets: [Float], dimension: Int, epochs: Int, seed: UInt64,
        mix: Float, step: Float = 0.5
    ) -> NGramLinearTerm {
        precondition(rows.count == targets.count, "NGramLinearTerm.fit: lengths differ")
        var w = [Float](repeating: 0, count: dimension)
        var b = targets.isEmpty ? 0 : targets.reduce(0, +) / Float(targets.count)
        var order = Array(rows.indices)
        var rng = SplitMix64(seed: seed)
        for epoch in 0..<max(1, epochs) {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            let lr = step / Float(1 + epoch)
            w.withUnsafeMutableBufferPointer { w in
                for i in order {
                    var p = b
                    for e in rows[i] where Int(e.index) < dimension { p += e.value * w[Int(e.index)] }
                    let g = lr * (p - targets[i])
                    for e in rows[i] where Int(e.index) < dimension { w[Int(e.index)] -= g * e.value }
                    b -= 0.01 * g
                }
            }
        }
        return NGramLinearTerm(weights: w, bias: b, mix: mix)
    }
}
