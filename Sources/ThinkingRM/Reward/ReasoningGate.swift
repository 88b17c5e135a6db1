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
    /// Every check reads the UTF-8 bytes once: the gate runs on every score, next to the model.
    public static func reasons(question: String?, response: String) -> [Degeneracy] {
        var text = response
        return text.withUTF8 { bytes in
            var out: [Degeneracy] = []
            if !hasWork(question: question, response: bytes) { out.append(.noWork) }
            if repeatedFragmentShare(bytes) > repetitionLimit { out.append(.fragmentRepetition) }
            if hasEmptyThink(bytes) { out.append(.emptyThink) }
            return out
        }
    }

    /// True when the response says `minimumWords` distinct words, writes at least two numbers
    /// (or one twice) that the question does not give, or states a calculation (cheapest first).
    static func hasWork(question: String?, response: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasDistinctWords(response, atLeast: minimumWords) { return true }
        let given = Set(ReasoningFeatures.numbers(in: question ?? ""))
        if ReasoningFeatures.numbers(in: response).lazy.filter({ !given.contains($0) }).prefix(2).count >= 2 {
            return true
        }
        return !CalculationScanner.assemble(CalculationScanner.tokens(response)).isEmpty
    }

    /// True when `bytes` hold `n` distinct lower-cased words of two letters or more outside
    /// `<tag>` / `</tag>` markup (a tag runs from `<` to `>` or the next space). Words are told
    /// apart by the FNV-1a hash of their lower-cased scalars; counting stops at `n`.
    static func hasDistinctWords(_ bytes: UnsafeBufferPointer<UInt8>, atLeast n: Int) -> Bool {
        var seen: [UInt64] = []
        var hash = FNV1a.offset, letters = 0, inTag = false
        func endWord() {
            if letters >= 2 && !seen.contains(hash) { seen.append(hash) }
            hash = FNV1a.offset
            letters = 0
        }
        var iterator = bytes.makeIterator(), decoder = UTF8()
        while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalar = s
            case .error: scalar = "\u{FFFD}"
            case .emptyInput:
                endWord()
                return seen.count >= n
            }
            if scalar == "<" {
                // A word running into a tag is dropped, not counted ("answ<answer>").
                inTag = true
                hash = FNV1a.offset
                letters = 0
                continue
            }
            if inTag {
                if scalar == ">" || scalar.properties.isWhitespace { inTag = false }
                if scalar == ">" { continue }
            }
            if !inTag && isLetter(scalar) {
                if scalar.isASCII {
                    hash = FNV1a.step(hash, UInt8(scalar.value) | 0x20)
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        hash = FNV1a.fold(hash, UInt64(lower.value))
                    }
                }
                letters += 1
            } else if letters > 0 && isMark(scalar) {
                continue  // a combining accent stays inside its letter's word
            } else {
                endWord()
                if seen.count >= n { return true }
            }
        }
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        return s.properties.isAlphabetic && !isMark(s)
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Share of the non-space bytes of `text` that lie in a run where a fragment of 1 to 16 bytes
    /// occurs at least three times back to back and the run spans at least 6 bytes.
    static func repeatedFragmentShare(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        let b = text.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard b.count >= 6 else { return 0 }
        return b.withUnsafeBufferPointer { b in
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
    }

    /// True when a `<think>` block is closed with no letter or digit inside.
    static func hasEmptyThink(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let open = Array("<think>".utf8), close = Array("</think>".utf8)
        var from = 0
        while let start = find(open, in: b, from: from) {
            guard let end = find(close, in: b, from: start + open.count) else { return false }
            let inside = String(decoding: UnsafeBufferPointer(rebasing: b[(start + open.count)..<end]), as: UTF8.self)
            if !inside.contains(where: { $0.isLetter || $0.isNumber }) { return true }
            from = end + close.count
        }
        return false
    }

    /// The first index at or after `from` where `needle` starts in `b`.
    private static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, b.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= b.count {
            if b[i] == first && b[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
