/// How well scores rank the responses of each group by their outcome labels: within-group
/// pairwise accuracy, and best-of-N (the label of the top-scored response per group) against a
/// random pick and an oracle. The figures a GRPO reward needs: it only has to order a group.
public struct RMRankingMetrics: Sendable, Equatable, Codable {
    /// Groups with at least two responses.
    public var groups: Int
    /// Within-group pairs whose labels differ.
    public var pairs: Int
    /// Share of those pairs the scores order like the labels; a tie in score counts 0.5.
    public var pairwiseAccuracy: Double
    /// Mean label of the top-scored response per group (ties: the mean over the tied ones).
    public var bestOfN: Double
    /// Mean label of a random pick per group (the group's mean label).
    public var random: Double
    /// Mean best label per group (an oracle's pick).
    public var oracle: Double

    /// Metrics of `scores` against `labels`, rows grouped by `groups` (groups of one are skipped).
    public init(scores: [Double], labels: [Double], groups keys: [String]) {
        precondition(scores.count == labels.count && labels.count == keys.count, "RMRankingMetrics: lengths differ")
        var byGroup: [String: [Int]] = [:]
        for (i, k) in keys.enumerated() { byGroup[k, default: []].append(i) }
        var total = 0, agree = 0.0, counted = 0
        var best = 0.0, random = 0.0, oracle = 0.0
        for indices in byGroup.values where indices.count >= 2 {
            counted += 1
            for (a, i) in indices.enumerated() {
                for j in indices[(a + 1)...] where labels[i] != labels[j] {
                    total += 1
                    let p = scores[i] - scores[j], g = labels[i] - labels[j]
                    if p == 0 { agree += 0.5 } else if (p > 0) == (g > 0) { agree += 1 }
                }
            }
            let top = indices.map { scores[$0] }.max() ?? 0
            let picked = indices.filter { scores[$0] == top }
            best += picked.reduce(0) { $0 + labels[$1] } / Double(picked.count)
            random += indices.reduce(0) { $0 + labels[$1] } / Double(indices.count)
            oracle += indices.map { labels[$0] }.max() ?? 0
        }
        groups = counted
        pairs = total
        pairwiseAccuracy = total == 0 ? 0.5 : agree / Double(total)
        let n = Double(max(1, counted))
        bestOfN = best / n
        self.random = random / n
        self.oracle = oracle / n
    }
}

/// ProcessBench's measure of first-error detection: accuracy on erroneous responses (the
/// predicted first wrong step equals the labelled one), accuracy on correct responses (predicted
/// none), and their harmonic mean F1.
public struct RMFirstErrorMetrics: Sendable, Equatable, Codable {
    /// Responses with a labelled wrong step.
    public var erroneous: Int
    /// Responses labelled all correct.
    public var correct: Int
    /// Share of erroneous responses whose first wrong step is found exactly.
    public var erroneousAccuracy: Double
    /// Share of correct responses judged to have no wrong step.
    public var correctAccuracy: Double
    /// Harmonic mean of the two accuracies (0 when either is 0).
    public var f1: Double

    /// Metrics of `predicted` first errors against `labeled` ones (-1 = none).
    public init(predicted: [Int], labeled: [Int]) {
        precondition(predicted.count == labeled.count, "RMFirstErrorMetrics: lengths differ")
        var e = 0, c = 0, eHit = 0, cHit = 0
        for (p, l) in zip(predicted, labeled) {
            if l < 0 { c += 1; if p < 0 { cHit += 1 } } else { e += 1; if p == l { eHit += 1 } }
        }
        erroneous = e
        correct = c
        erroneousAccuracy = e == 0 ? 0 : Double(eHit) / Double(e)
        correctAccuracy = c == 0 ? 0 : Double(cHit) / Double(c)
        let sum = erroneousAccuracy + correctAccuracy
        f1 = sum == 0 ? 0 : 2 * erroneousAccuracy * correctAccuracy / sum
    }

    @available(*, deprecated, renamed: "init(predicted:labeled:)")
    public init(predicted: [Int], labelled: [Int]) { self.init(predicted: predicted, labeled: labelled) }
}
