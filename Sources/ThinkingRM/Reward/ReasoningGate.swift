import Foundation

/// Why a response is degenerate as reasoning: text a policy can learn to emit to please a learned
/// judge (tag soup, a fragment repeated back to back, an empty think block, an answer with no
/// work) while it reasons about nothing.
public enum Degeneracy: String, Sendable, CaseIterable {
    /// No stated calculation, at most one number the question does not give, and fewer than
    /// `ReasoningGate.minimumWords` distinct words: nothing is derived or said, or a bare answer
    /// comes from nowhere.
    case noWork = "no_work"
    /// Short fragments repeated back to back ("/t/t/t/t", "</answer></answer></answer>") cover
    /// much of the text.
    case fragmentRepetition = "fragment_repetition"
    /// A `<think>` block holds no letter or digit.
    case emptyThink = "empty_think"
}

/// The gate on the thinking score: a degenerate response keeps only `factor` of the model's
/// score. A learned judge only ranks text like its training rows; used as a reward, a policy
/// finds text unlike any of them that the judge scores high (reward hacking), so what reasoning
/// must contain at the least is checked by rule, outside the model.
public enum ReasoningGate {
    /// The share of the model's score a degenerate response keeps (the order among degenerate
    /// responses is kept, so a policy still sees which is less bad).
    public static let factor = 0.01
    /// Share of the non-space bytes inside repeated fragments above which a response is degenerate.
    public static let repetitionLimit = 0.3
    /// Distinct words (two letters or more, tags left out) that count as work on their own, so
    /// reasoning without numbers (orderings, logic, a choice among options) passes.
    public static let minimumWords = 8

    /// The thinking score of `response` given the model's `score`.
    public static func apply(_ score: Double, question: String?, response: String) -> Double {
        reasons(question: question, response: response).isEmpty ? score : score * factor
    }

    /// What makes `response` degenerate as reasoning for `question` (empty when nothing does).
    public static func reasons(question: String?, response: String) -> [Degeneracy] {
        var out: [Degeneracy] = []
        if !hasWork(question: question, response: response) { out.append(.noWork) }
        if repeatedFragmentShare(response) > repetitionLimit { out.append(.fragmentRepetition) }
        if hasEmptyThink(response) { out.append(.emptyThink) }
        return out
    }

    /// True when the response states a calculation, writes at least two numbers (or one twice)
    /// that the question does not give, or says `minimumWords` distinct words.
    static func hasWork(question: String?, response: String) -> Bool {
        if !CalculationScanner.scan(response).isEmpty { return true }
        let given = Set(ReasoningFeatures.numbers(in: question ?? ""))
        if ReasoningFeatures.numbers(in: response).lazy.filter({ !given.contains($0) }).prefix(2).count >= 2 {
            return true
        }
        return distinctWords(response) >= minimumWords
    }

    /// Distinct lower-cased words of two letters or more outside `<tag>` / `</tag>` markup.
    static func distinctWords(_ text: String) -> Int {
        var words = Set<String>(), word = "", inTag = false
        for c in text + " " {
            if c == "<" { inTag = true; word = ""; continue }
            if inTag {
                if c == ">" || c.isWhitespace { inTag = false }
                if c == ">" { continue }
            }
            if c.isLetter && !inTag {
                word.append(contentsOf: c.lowercased())
            } else {
                if word.count >= 2 { words.insert(word) }
                word = ""
            }
        }
        return words.count
    }

    /// Share of the non-space bytes of `text` that lie in a run where a fragment of 1 to 16 bytes
    /// occurs at least three times back to back and the run spans at least 6 bytes.
    static func repeatedFragmentShare(_ text: String) -> Double {
        let b = text.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard b.count >= 6 else { return 0 }
        var covered = [Bool](repeating: false, count: b.count)
        for p in 1...16 where p < b.count {
            var run = 0
            for j in p...b.count {
                if j < b.count && b[j] == b[j - p] {
                    run += 1
                    continue
                }
                // The run b[j - run ..< j] equals the bytes p earlier: the span is run + p bytes.
                if run >= 2 * p && run + p >= 6 { for k in (j - run - p)..<j { covered[k] = true } }
                run = 0
            }
        }
        return Double(covered.lazy.filter { $0 }.count) / Double(b.count)
    }

    /// True when a `<think>` block is closed with no letter or digit inside.
    static func hasEmptyThink(_ text: String) -> Bool {
        var rest = text[...]
        while let open = rest.range(of: "<think>") {
            guard let close = rest[open.upperBound...].range(of: "</think>") else { return false }
            if !rest[open.upperBound..<close.lowerBound].contains(where: { $0.isLetter || $0.isNumber }) { return true }
            rest = rest[close.upperBound...]
        }
        return false
    }
}
