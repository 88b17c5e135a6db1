import Foundation
import Verify

/// Features that compare a response with its question: whether the work starts from the
/// question's numbers, whether numbers appear without work that produces them, and whether the
/// final answer is a value the work computed. Wrong methods and unjustified jumps leave traces
/// here that the response alone does not show.
public struct QuestionFeatures: Sendable, Equatable {
    /// Share of the question's distinct numbers that the response uses (1 when it has none).
    public var questionNumbersUsed = 1.0
    /// Share of calculation operands that are neither question numbers, earlier results, nor
    /// small constants (a value from nowhere: a wrong fact or a skipped step).
    public var unsupportedOperandShare = 0.0
    /// Share of the response's numbers that are neither in the question, nor operands or results
    /// of a stated calculation, nor small constants (results asserted without work).
    public var unexplainedNumberShare = 0.0
    /// 1 if the final answer equals the result of some stated calculation, 0 if it equals none,
    /// 0.5 when there is no answer or no calculation.
    public var answerIsAResult = 0.5
    /// 1 if the final answer is one of the question's own numbers (often a non-answer).
    public var answerRepeatsQuestion = 0.0
    /// Number of distinct final-answer candidates in anchored positions minus one, capped at 3.
    public var distinctResults = 0.0

    /// The names of `values`, in order.
    public static let names = [
        "question_numbers_used", "unsupported_operand_share", "unexplained_number_share",
        "answer_is_a_result", "answer_repeats_question", "log_distinct_results",
    ]

    /// The features in `names` order.
    public var values: [Double] {
        [
            questionNumbersUsed, unsupportedOperandShare, unexplainedNumberShare, answerIsAResult,
            answerRepeatsQuestion, distinctResults,
        ]
    }

    /// Features of `response` against `question`; `calculations` and `answer` come from the
    /// response's `ReasoningFeatures` pass so the text is scanned once.
    /// `responseNumbers`, when given, are the response's numbers (`ReasoningFeatures.numbers(in:)`),
    /// read once by a caller that needs them too.
    public init(
        question: String, response: String, calculations: [StatedCalculation], answer: Double?,
        responseNumbers: [Double]? = nil
    ) {
        let questionNumbers = ReasoningFeatures.numbers(in: question).map(Self.key)
        let given = Set(questionNumbers)
        let responseNumbers = responseNumbers ?? ReasoningFeatures.numbers(in: response)
        let responseKeys = Set(responseNumbers.map(Self.key))
        if !given.isEmpty {
            questionNumbersUsed = Double(given.filter { responseKeys.contains($0) }.count) / Double(given.count)
        }
        var known = given
        var operandCount = 0, unsupported = 0
        var involved = Set<Int64>()
        var results = Set<Int64>()
        for c in calculations {
            for x in c.operands {
                let k = Self.key(x)
                operandCount += 1
                if !known.contains(k) && !Self.isSmallConstant(x) { unsupported += 1 }
                involved.insert(k)
            }
            let r = Self.key(c.stated)
            known.insert(r)
            involved.insert(r)
            results.insert(r)
        }
        if operandCount > 0 { unsupportedOperandShare = Double(unsupported) / Double(operandCount) }
        if !responseNumbers.isEmpty {
            let unexplained = responseNumbers.filter { x in
                let k = Self.key(x)
                return !given.contains(k) && !involved.contains(k) && !Self.isSmallConstant(x)
            }.count
            unexplainedNumberShare = Double(unexplained) / Double(responseNumbers.count)
        }
        if let answer {
            let k = Self.key(answer)
            if !calculations.isEmpty { answerIsAResult = results.contains(k) ? 1 : 0 }
            answerRepeatsQuestion = given.contains(k) && !results.contains(k) ? 1 : 0
        }
        distinctResults = log1p(Double(results.count))
    }

    /// Numbers compared to 4 decimals, so 0.1 × 220 = 22 and "22" agree.
    static func key(_ x: Double) -> Int64 {
        let scaled = (x * 10_000).rounded()
        return scaled.isFinite && abs(scaled) < 9e18 ? Int64(scaled) : Int64.max
    }

    /// Constants a solution may bring in without the question giving them: 0-12, 100, 60, 1000.
    static func isSmallConstant(_ x: Double) -> Bool {
        (x >= 0 && x <= 12 && x == x.rounded()) || x == 100 || x == 60 || x == 1000 || x == 24 || x == 0.5
    }
}
