import Foundation

/// Features of how a solution's computations hang together with its question: a result copied
/// wrongly into the text, quantities of the question (digits or number words) never used,
/// intermediate results never used again, an answer that is negative, fractional or far larger
/// than anything the question mentions. Models that write word-problem solutions with true
/// arithmetic leave their mistakes in these traces rather than in false calculations.
public struct WorkFeatures: Sendable, Equatable {
    /// Computations whose shown copy differs from their result (capped at 3).
    public var shownMismatches = 0.0
    /// Computations whose result is false (capped at 3).
    public var falseResults = 0.0
    /// Operands that are neither question quantities, earlier results nor small constants (capped at 4).
    public var unsupportedOperands = 0.0
    /// Results other than the last that no later computation uses (capped at 4).
    public var unusedResults = 0.0
    /// Share of the question's quantities (digits, number words, percentages) the work uses.
    public var questionQuantitiesUsed = 1.0
    /// Question quantities the work never uses (capped at 5).
    public var questionQuantitiesUnused = 0.0
    /// 1 when the final answer is not a whole number.
    public var answerNotWhole = 0.0
    /// 1 when the final answer is negative.
    public var answerNegative = 0.0
    /// log10 of (1 + |answer|) / (1 + the largest question quantity).
    public var answerScale = 0.0
    /// 1 when the final answer is the last computation's result.
    public var answerIsLastResult = 0.0
    /// Computations minus question quantities.
    public var workMinusQuantities = 0.0

    /// The names of `values`, in order.
    public static let names = [
        "work_shown_mismatches", "work_false_results", "work_unsupported_operands", "work_unused_results",
        "question_quantities_used", "question_quantities_unused", "answer_not_whole", "answer_negative",
        "answer_scale", "answer_is_last_result", "work_minus_quantities",
    ]

    /// The features in `names` order.
    public var values: [Double] {
        [
            shownMismatches, falseResults, unsupportedOperands, unusedResults, questionQuantitiesUsed,
            questionQuantitiesUnused, answerNotWhole, answerNegative, answerScale, answerIsLastResult,
            workMinusQuantities,
        ]
    }

    /// Features of `work` (the response's computations) against `question`; `answer` is the
    /// response's final answer value and `responseNumbers` every number it writes.
    public init(question: String, work: [WorkStep], responseNumbers: [Double], answer: Double?) {
        let given = QuestionQuantities.of(question)
        var known = given
        var seen = Set(responseNumbers.map(QuestionFeatures.key))
        var usedResults = Set<Int64>()
        var results: [Int64] = []
        var mismatches = 0, falses = 0, unsupported = 0
        for step in work {
            if let shown = step.shown, abs(shown - step.result) > 1e-4 * max(1, abs(step.result)) { mismatches += 1 }
            if step.isTrue == false { falses += 1 }
            for x in step.operands {
                let k = QuestionFeatures.key(x)
                seen.insert(k)
                if results.contains(k) { usedResults.insert(k) }
                if !known.contains(k) && !Self.isConstant(x) { unsupported += 1 }
            }
            let r = QuestionFeatures.key(step.result)
            results.append(r)
            known.insert(r)
        }
        shownMismatches = Double(min(mismatches, 3))
        falseResults = Double(min(falses, 3))
        unsupportedOperands = Double(min(unsupported, 4))
        unusedResults = Double(min(results.dropLast().filter { !usedResults.contains($0) }.count, 4))
        if !given.isEmpty {
            let used = given.filter { seen.contains($0) }.count
            questionQuantitiesUsed = Double(used) / Double(given.count)
            questionQuantitiesUnused = Double(min(given.count - used, 5))
        }
        let a = answer ?? 0
        answerNotWhole = a == a.rounded() ? 0 : 1
        answerNegative = a < 0 ? 1 : 0
        let largest = given.map { abs(Double($0) / 10_000) }.max() ?? 1
        answerScale = log10((1 + abs(a)) / (1 + largest))
        if let last = results.last, let answer { answerIsLastResult = last == QuestionFeatures.key(answer) ? 1 : 0 }
        workMinusQuantities = Double(work.count - given.count)
    }

    /// Constants a solution may bring in without the question giving them.
    static func isConstant(_ x: Double) -> Bool {
        (x >= 0 && x <= 10 && x == x.rounded()) || [100, 60, 12, 24, 7, 52, 365, 1000, 0.5, 0.01].contains(x)
    }
}

/// The quantities a question gives: its numbers, number words ("three", "half", "dozen") and
/// percentages as fractions, compared to 4 decimals.
enum QuestionQuantities {
    static let words: [String: Double] = {
        var out: [String: Double] = [:]
        let units = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        for (i, w) in units.enumerated() { out[w] = Double(i) }
        for (w, v) in [
            ("thirty", 30.0), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
            ("ninety", 90), ("hundred", 100), ("half", 0.5), ("twice", 2), ("double", 2), ("triple", 3),
            ("thrice", 3), ("quarter", 0.25), ("third", 3), ("dozen", 12),
        ] { out[w] = v }
        return out
    }()

    static func of(_ question: String) -> Set<Int64> {
        var out = Set(ReasoningFeatures.numbers(in: question).map(QuestionFeatures.key))
        // Words are runs of letters, lower-cased; every number word is ASCII, so a word with any
        // other letter is only skipped. Read by scalar: iterating Characters was most of the cost.
        var word: [UInt8] = [], ascii = true
        func flush() {
            if ascii, !word.isEmpty, let v = words[String(decoding: word, as: UTF8.self)] {
                out.insert(QuestionFeatures.key(v))
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
        }
        for s in question.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { word.append(UInt8(v | 0x20)) } else { flush() }
            } else if Character(s).isLetter {
                ascii = false
                word.append(0x80)
            } else {
                flush()
            }
        }
        flush()
        // "20%" also appears as 0.2 in the work.
        var number = ""
        for s in question.unicodeScalars {
            if ("0"..."9").contains(s) || s == "." { number.unicodeScalars.append(s); continue }
            if s == "%", let v = Double(number) { out.insert(QuestionFeatures.key(v / 100)) }
            number = ""
        }
        return out
    }
}
