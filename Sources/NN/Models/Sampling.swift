/// Draws the next token from a row of logits: temperature scaling, optional top-k, greedy at
/// temperature 0. Deterministic for a given `SeededRandom` state.
public enum Sampling {
    /// A token id drawn from `softmax(logits[row] / temperature)` restricted to the `topK` largest.
    public static func sample(
        logits: Matrix, row: Int, temperature: Float, topK: Int? = nil, rng: inout SeededRandom
    ) -> Int32 {
        precondition(
            row >= 0 && row < logits.rows && logits.cols > 0, "Sampling: row \(row) outside \(logits.rows) rows")
        let v = logits.cols, base = row * v
        return logits.withBuffer { buf -> Int32 in
            var best = 0
            for c in 1..<v where buf[base + c] > buf[base + best] { best = c }
            if temperature <= 0 { return Int32(best) }
            // Threshold for top-k: the k-th largest logit (ties may admit a few more).
            var threshold = -Float.infinity
            if let k = topK, k > 0, k < v {
                threshold = (0..<v).map { buf[base + $0] }.sorted(by: >)[k - 1]
            }
            let maxLogit = buf[base + best], invT = 1 / temperature
            var weights = [Float](repeating: 0, count: v)
            var total: Double = 0
            for c in 0..<v where buf[base + c] >= threshold {
                let w = fastExp((buf[base + c] - maxLogit) * invT)
                weights[c] = w
                total += Double(w)
            }
            var u = rng.nextUnitDouble() * total
            for c in 0..<v where weights[c] > 0 {
                u -= Double(weights[c])
                if u < 0 { return Int32(c) }
            }
            return Int32(best)  // only reachable through rounding at the very end of the range
        }
    }
}
