import Foundation
import Verify

/// Reasoning features of one response: how much it repeats itself, whether it mixes languages,
/// whether the calculations it states are true, how much it hedges, whether its final answer is
/// the value its work arrived at, and its shape (steps, length). Each is a plain number with a
/// name (`names`), so a model can take `values` and an explanation can print them.
public struct ReasoningFeatures: Sendable, Equatable {
    /// Share of word 4-grams that already occurred earlier in the response.
    public var repeatedNGramRatio = 0.0
    /// Share of non-empty lines that repeat an earlier line exactly.
    public var repeatedLineRatio = 0.0
    /// Share of letters outside the dominant script (`ScriptMix.mixing`).
    public var scriptMixing = 0.0
    /// Share of words that are function words of another Latin-script language.
    public var foreignWordShare = 0.0
    /// Number of stated calculations `a op b = c`.
    public var calculations = 0
    /// Number of them the checker finds false.
    public var falseCalculations = 0
    /// False calculations the response does not restate correctly later ("7 × 8 = 54 ... wait,
    /// 7 × 8 = 56"): a corrected slip is error identification, an uncorrected one is an error.
    public var uncorrectedFalseCalculations = 0
    /// Share of judged calculations that are true (1 when there are none: nothing is wrong).
    public var trueCalculationShare = 1.0
    /// Hedging markers per 100 words.
    public var hedgeRate = 0.0
    /// Self-correction markers ("wait", "actually", "let me check").
    public var corrections = 0
    /// 1 if the final answer equals the last computed value, 0 if it differs, 0.5 if either is missing.
    public var answerMatchesWork = 0.5
    /// 1 if a final answer is anchored ("Answer:", `\boxed{}`, `<answer>`), 0.5 if only guessed
    /// from the last line, 0 if the last line has no number.
    public var hasFinalAnswer = 0.0
    /// Lines that look like steps ("Step 2:", "3.", "- ").
    public var steps = 0
    /// Non-empty lines.
    public var lines = 0
    /// Words.
    public var words = 0
    /// UTF-8 bytes.
    public var bytes = 0
    /// The stated calculations found, in order (kept for `QuestionFeatures`, not a model input).
    public var statedCalculations: [StatedCalculation] = []
    /// The final answer's value (anchored, else the last number of the last line), if any.
    public var finalAnswerValue: Double?

    /// The names of `values`, in order.
    public static let names = [
        "repeated_ngram_ratio", "repeated_line_ratio", "script_mixing", "foreign_word_share",
        "log_calculations", "false_calculations", "uncorrected_false_calculations", "true_calculation_share",
        "hedge_rate", "corrections",
        "answer_matches_work", "has_final_answer", "log_steps", "log_lines", "log_words", "log_bytes",
    ]

    /// The features as numbers of similar scale (counts are log-scaled), in `names` order.
    public var values: [Double] {
        [
            repeatedNGramRatio, repeatedLineRatio, scriptMixing, foreignWordShare,
            log1p(Double(calculations)), Double(min(falseCalculations, 5)),
            Double(min(uncorrectedFalseCalculations, 5)), trueCalculationShare,
            min(hedgeRate, 10) / 10, Double(min(corrections, 5)), answerMatchesWork, hasFinalAnswer,
            log1p(Double(steps)), log1p(Double(lines)), log1p(Double(words)), log1p(Double(bytes)),
        ]
    }

    /// The features of `response`; `checker` judges stated calculations (swap in the full math
    /// verifier when it lands), `extractor` finds the final answer.
    public init(
        response: String, checker: some CalculationChecker = NumericCalculationChecker(),
        extractor: AnswerExtractor = AnswerExtractor()
    ) {
        bytes = response.utf8.count
        scanWords(response)
        scanLines(response)
        let mix = ScriptMix(response)
        scriptMixing = mix.mixing

        let calcs = CalculationScanner.scan(response)
        statedCalculations = calcs
        calculations = calcs.count
        var judged = 0, truths = 0
        let verdicts = calcs.map { checker.isTrue($0) }
        for (k, c) in calcs.enumerated() {
            guard let ok = verdicts[k] else { continue }
            judged += 1
            if ok { truths += 1; continue }
            falseCalculations += 1
            let fixed = calcs[(k + 1)...].indices.contains { j in
                verdicts[j] == true && calcs[j].operands == c.operands && calcs[j].operators == c.operators
            }
            if !fixed { uncorrectedFalseCalculations += 1 }
        }
        if judged > 0 { trueCalculationShare = Double(truths) / Double(judged) }

        // Anchored answers first; otherwise the last number of the last line ("The answer is 24."),
        // which is a guess, so it only half counts as having a final answer.
        var value: Double? = nil
        if let answer = extractor.extract(from: response).answer {
            hasFinalAnswer = 1
            value = Self.numbers(in: answer).first
        } else if let last = Self.lastLineNumbers(response).last {
            hasFinalAnswer = 0.5
            value = last
        }
        finalAnswerValue = value
        if let value, let last = calcs.last {
            answerMatchesWork = abs(value - last.stated) <= 1e-6 * max(1, abs(value)) ? 1 : 0
        }
    }

    private mutating func scanWords(_ text: String) {
        // A word takes at least two bytes (letter and separator), so this never fills.
        var seen = HashSet64(capacity: text.utf8.count / 2 + 8)
        var window: [UInt64] = [0, 0, 0]
        var grams = 0, repeats = 0, hedges = 0, foreign = 0
        var previous: UInt64? = nil
        var h = FNV1a.offset, inWord = false
        func endWord(_ w: UInt64) {
            words += 1
            if MarkerWords.hedges.contains(w) { hedges += 1 }
            if MarkerWords.corrections.contains(w) { corrections += 1 }
            if MarkerWords.foreign.contains(w) { foreign += 1 }
            if let p = previous {
                let bigram = MarkerWords.pair(p, w)
                if MarkerWords.hedges.contains(bigram) { hedges += 1 }
                if MarkerWords.corrections.contains(bigram) { corrections += 1 }
            }
            previous = w
            if words >= 4 {
                var g = FNV1a.fold(FNV1a.fold(FNV1a.fold(FNV1a.offset, window[0]), window[1]), window[2])
                g = FNV1a.fold(g, w)
                grams += 1
                if !seen.insert(g) { repeats += 1 }
            }
            window[0] = window[1]; window[1] = window[2]; window[2] = w
        }
        for b in text.utf8 {
            // Letters, digits, apostrophes, hyphens and non-ASCII bytes form words; case folds.
            let isWord =
                (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 || b == 0x27
                || (b == 0x2D && inWord)
            if isWord {
                h = FNV1a.step(h, b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                inWord = true
            } else if inWord {
                endWord(h)
                h = FNV1a.offset
                inWord = false
            }
        }
        if inWord { endWord(h) }
        if grams > 0 { repeatedNGramRatio = Double(repeats) / Double(grams) }
        if words > 0 {
            hedgeRate = 100 * Double(hedges) / Double(words)
            foreignWordShare = Double(foreign) / Double(words)
        }
    }

    private mutating func scanLines(_ text: String) {
        // Lines are compared by FNV-1a hash: hashing Substrings goes through Unicode normalisation.
        var seen = HashSet64(capacity: text.utf8.count / 10 + 8)
        var repeats = 0, lines = 0, steps = 0
        var copy = text
        copy.withUTF8 { b in
            for range in TextLines.ranges(b, omittingEmpty: true) {
                var start = range.lowerBound
                while start < range.upperBound && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
                guard start < range.upperBound else { continue }
                let line = UnsafeBufferPointer(rebasing: b[start..<range.upperBound])
                lines += 1
                // Very short lines ("Answer:", "So:") legitimately recur; a repeated calculation counts.
                if line.count >= 10 {
                    var h = FNV1a.offset
                    for byte in line { h = FNV1a.step(h, byte) }
                    if !seen.insert(h) { repeats += 1 }
                }
                if Self.looksLikeStep(line) { steps += 1 }
            }
        }
        self.lines = lines
        self.steps = steps
        if lines > 0 { repeatedLineRatio = Double(repeats) / Double(lines) }
    }

    /// The numbers of the last line that is not blank (none when every line is).
    static func lastLineNumbers(_ text: String) -> [Double] {
        var copy = text
        return copy.withUTF8 { b in
            guard
                let last = TextLines.ranges(b, omittingEmpty: true).last(where: {
                    TextLines.hasContent(UnsafeBufferPointer(rebasing: b[$0]))
                })
            else { return [] }
            return numbers(in: UnsafeBufferPointer(rebasing: b[last]))
        }
    }

    private static func looksLikeStep(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let u = Array(line.prefix(6))
        guard let first = u.first else { return false }
        if first == 0x2D || first == 0x2A { return u.count > 1 && u[1] == 0x20 }  // "- " / "* "
        if first >= 0x30 && first <= 0x39 {
            var k = 1
            while k < u.count && u[k] >= 0x30 && u[k] <= 0x39 { k += 1 }
            return k < u.count && (u[k] == 0x2E || u[k] == 0x29)  // "3." / "3)"
        }
        return u.count >= 4 && (u[0] | 0x20) == 0x73 && (u[1] | 0x20) == 0x74 && (u[2] | 0x20) == 0x65
            && (u[3] | 0x20) == 0x70
    }

    /// The numbers written in `text` (commas as thousands separators, "$" ignored).
    static func numbers(in text: String) -> [Double] {
        var copy = text
        return copy.withUTF8 { numbers(in: $0) }
    }

    /// The numbers written in `bytes` (UTF-8 text).
    static func numbers(in bytes: UnsafeBufferPointer<UInt8>) -> [Double] {
        CalculationScanner.tokens(bytes).compactMap { token in
            if case let .number(v, _, _) = token { return v }
            return nil
        }
    }
}
