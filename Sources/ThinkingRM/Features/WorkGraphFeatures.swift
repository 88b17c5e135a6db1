import Foundation

/// Features of the graph a solution's computations form: each computation's operands come from
/// the question or from earlier results, and the final answer depends on some of them. A sound
/// solution to a word problem usually feeds every number the question gives into its answer,
/// once each; real models' wrong methods leave numbers off that path, computations the answer
/// never uses, a number of the question used twice, or a fractional count.
public struct WorkGraphFeatures: Sendable, Equatable {
    /// Question numbers that do not feed the final answer through the computations (capped at 5).
    public var quantitiesOffPath = 0.0
    /// The same as a share of the question's distinct numbers (0 when it has none).
    public var offPathShare = 0.0
    /// Computations the final answer does not depend on (capped at 4).
    public var deadComputations = 0.0
    /// Uses of question numbers as operands beyond the times the question writes them (capped at 4).
    public var quantityReuse = 0.0
    /// Results before the last that are not whole numbers (capped at 3).
    public var fractionalResults = 0.0
    /// 1 when the question asks "how many" and the final answer is not a whole number.
    public var fractionalCount = 0.0

    /// The names of `values`, in order.
    public static let names = [
        "graph_quantities_off_path", "graph_off_path_share", "graph_dead_computations",
        "graph_quantity_reuse", "graph_fractional_results", "graph_fractional_count",
    ]

    /// The features in `names` order.
    public var values: [Double] {
        [quantitiesOffPath, offPathShare, deadComputations, quantityReuse, fractionalResults, fractionalCount]
    }

    /// Features of `work` (the response's computations, in order) against `question`; `answer`
    /// is the response's final answer value.
    public init(question: String, work: [WorkStep], answer: Double?) {
        let written = ReasoningFeatures.numbers(in: question).map(QuestionFeatures.key)
        var times: [Int64: Int] = [:]
        for k in written { times[k, default: 0] += 1 }
        if let answer, answer != answer.rounded(), Self.asksHowMany(question) {
            fractionalCount = 1
        }
        guard !work.isEmpty else {
            quantitiesOffPath = Double(min(times.count, 5))
            offPathShare = times.isEmpty ? 0 : 1
            return
        }
        // Each computation: the question numbers it reads and the earlier computations it reads.
        var producer: [Int64: Int] = [:]
        var leaves: [[Int64]] = [], parents: [[Int]] = []
        var uses: [Int64: Int] = [:]
        var fractional = 0
        for (i, step) in work.enumerated() {
            var l: [Int64] = [], p: [Int] = []
            for x in step.operands {
                let k = QuestionFeatures.key(abs(x))
                if let j = producer[k] { p.append(j) } else if times[k] != nil { l.append(k); uses[k, default: 0] += 1 }
            }
            leaves.append(l)
            parents.append(p)
            producer[QuestionFeatures.key(step.result)] = i
            if i < work.count - 1, step.result != step.result.rounded() { fractional += 1 }
        }
        // The answer's computation: the last one giving the answer, else the last one.
        var root = work.count - 1
        if let answer, let j = producer[QuestionFeatures.key(answer)] { root = j }
        var reached = Set<Int>(), fed = Set<Int64>(), stack = [root]
        while let i = stack.popLast() {
            guard reached.insert(i).inserted else { continue }
            fed.formUnion(leaves[i])
            stack += parents[i]
        }
        let off = times.keys.filter { !fed.contains($0) }.count
        quantitiesOffPath = Double(min(off, 5))
        offPathShare = times.isEmpty ? 0 : Double(off) / Double(times.count)
        deadComputations = Double(min(work.count - reached.count, 4))
        quantityReuse = Double(min(uses.reduce(0) { $0 + max(0, $1.value - (times[$1.key] ?? 1)) }, 4))
        fractionalResults = Double(min(fractional, 3))
    }

    /// Whether `question` contains "how many" in any ASCII case (a byte search: Foundation's
    /// case-insensitive `range(of:)` cost more than the rest of these features).
    static func asksHowMany(_ question: String) -> Bool {
        let needle = Array("how many".utf8)
        var copy = question
        return copy.withUTF8 { b in
            guard b.count >= needle.count else { return false }
            for start in 0...(b.count - needle.count) {
                var k = 0
                while k < needle.count,
                    (b[start + k] >= 0x41 && b[start + k] <= 0x5A ? b[start + k] | 0x20 : b[start + k]) == needle[k]
                { k += 1 }
                if k == needle.count { return true }
            }
            return false
        }
    }
}
