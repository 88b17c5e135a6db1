/// How well predicted scores match gold scores: MAE, Pearson, Spearman (average ranks for ties),
/// and within-question pairwise accuracy, the figure that matters for GRPO (a reward only has to
/// order a question's responses).
public struct RMMetrics: Sendable, Equatable, Codable {
    /// Rows evaluated.
    public var rows: Int
    /// Distinct questions.
    public var questions: Int
    /// Within-question pairs with different gold scores.
    public var pairs: Int
    /// Mean absolute error.
    public var mae: Double
    /// Pearson correlation (0 when either side is constant).
    public var pearson: Double
    /// Spearman rank correlation, ties given their average rank.
    public var spearman: Double
    /// Share of within-question pairs with different gold scores that the prediction orders the
    /// same way; a tie in prediction counts 0.5. 0.5 when there are no pairs.
    public var pairwiseAccuracy: Double

    /// Metrics of `predicted` against `gold`, rows grouped into questions by `questions`.
    public init(predicted: [Double], gold: [Double], questions keys: [String]) {
        precondition(predicted.count == gold.count && gold.count == keys.count, "RMMetrics: lengths differ")
        rows = gold.count
        var byQuestion: [String: [Int]] = [:]
        for (i, k) in keys.enumerated() { byQuestion[k, default: []].append(i) }
        questions = byQuestion.count
        mae = rows == 0 ? 0 : zip(predicted, gold).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(rows)
        pearson = Self.pearson(predicted, gold)
        spearman = Self.pearson(Self.ranks(predicted), Self.ranks(gold))
        var total = 0, agree = 0.0
        for indices in byQuestion.values {
            for (a, i) in indices.enumerated() {
                for j in indices[(a + 1)...] where gold[i] != gold[j] {
                    total += 1
                    let p = predicted[i] - predicted[j], g = gold[i] - gold[j]
                    if p == 0 { agree += 0.5 } else if (p > 0) == (g > 0) { agree += 1 }
                }
            }
        }
        pairs = total
        pairwiseAccuracy = total == 0 ? 0.5 : agree / Double(total)
    }

    /// Pearson correlation; 0 when a side has no variance.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        guard sxx > 0, syy > 0 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }

    /// 1-based ranks; tied values share the mean of the ranks they span.
    public static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var out = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j { out[order[k]] = rank }
            i = j + 1
        }
        return out
    }
}

/// A reliability table: predictions binned by value, with the mean prediction and mean gold
/// score per bin. A calibrated model has the two close in every bin.
public struct RMReliability: Sendable, Equatable, Codable {
    /// One bin.
    public struct Bin: Sendable, Equatable, Codable {
        /// Lower edge of the predicted-score range.
        public var lower: Double
        /// Upper edge.
        public var upper: Double
        /// Rows whose prediction falls here.
        public var count: Int
        /// Their mean prediction.
        public var meanPredicted: Double
        /// Their mean gold score.
        public var meanGold: Double
    }

    /// Bins with at least one row, lowest first.
    public var bins: [Bin]
    /// Expected calibration error: the row-weighted mean |meanPredicted - meanGold|.
    public var expectedCalibrationError: Double

    /// A table with `binCount` equal-width bins over [0,1].
    public init(predicted: [Double], gold: [Double], binCount: Int = 5) {
        var sums = [(n: Int, p: Double, g: Double)](repeating: (0, 0, 0), count: binCount)
        for (p, g) in zip(predicted, gold) {
            let b = min(binCount - 1, max(0, Int(p * Double(binCount))))
            sums[b].n += 1; sums[b].p += p; sums[b].g += g
        }
        bins = sums.enumerated().compactMap { b, s in
            s.n == 0
                ? nil
                : Bin(
                    lower: Double(b) / Double(binCount), upper: Double(b + 1) / Double(binCount), count: s.n,
                    meanPredicted: s.p / Double(s.n), meanGold: s.g / Double(s.n))
        }
        let total = max(1, predicted.count)
        expectedCalibrationError =
            bins.reduce(0) { $0 + Double($1.count) * abs($1.meanPredicted - $1.meanGold) } / Double(total)
    }
}
