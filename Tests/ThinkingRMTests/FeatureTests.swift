import Testing

@testable import ThinkingRM

/// Reasoning features and hashed n-grams on hand-made texts.
@Suite struct FeatureTests {
    struct CalcCase: CustomTestStringConvertible, Sendable {
        let text: String
        let calculations: Int
        let falseOnes: Int
        var testDescription: String { text }
    }

    static let calcCases: [CalcCase] = [
        .init(text: "7 × 12 = 84", calculations: 1, falseOnes: 0),
        .init(text: "7 * 12 = 86", calculations: 1, falseOnes: 1),
        .init(text: "$40 - $16 = $24 in change", calculations: 1, falseOnes: 0),
        .init(text: "$7 \\times 8 = 56$ and $56 \\div 8 = 7$", calculations: 2, falseOnes: 0),
        .init(text: "80 × 25 / 100 = 20, then 80 - 20 = 60", calculations: 2, falseOnes: 0),
        .init(text: "2 + 3 × 4 = 14", calculations: 1, falseOnes: 0),
        .init(text: "2 + 3 × 4 = 20", calculations: 1, falseOnes: 1),
        .init(text: "10 / 3 = 3.33", calculations: 1, falseOnes: 0),
        .init(text: "10 / 3 = 3.5", calculations: 1, falseOnes: 1),
        .init(text: "1,200 + 300 = 1,500", calculations: 1, falseOnes: 0),
        .init(text: "5 - 8 = -3", calculations: 1, falseOnes: 0),
        .init(text: "Solve 3x + 2 = 11 so 3x = 9", calculations: 0, falseOnes: 0),
        .init(text: "2^3 + 1 = 9", calculations: 0, falseOnes: 0),
        .init(text: "4 × 5 = 2 × 10", calculations: 0, falseOnes: 0),
        .init(text: "Step 2: 3 x 4 = 12 apples", calculations: 1, falseOnes: 0),
        .init(text: "total = 12 + 3 = 15", calculations: 1, falseOnes: 0),
        // A result followed by an operator reads as an identity, so only the last link is judged.
        .init(text: "12 + 3 = 16 + 4 = 20", calculations: 1, falseOnes: 0),
        .init(text: "12 + 3 = 16, and 16 + 4 = 20", calculations: 2, falseOnes: 1),
        .init(text: "25% of 80 = 20", calculations: 0, falseOnes: 0),
        // A percent sign before "=" or at the end is a unit.
        .init(text: "7/20 x 100% = 35%.", calculations: 1, falseOnes: 0),
        .init(text: "3/20 x 100% = 20%", calculations: 1, falseOnes: 1),
        // Prose arithmetic between numbers.
        .init(text: "3 times 4 is 12, and 12 plus 5 makes 18", calculations: 2, falseOnes: 1),
        .init(text: "20 divided by 4 equals 5", calculations: 1, falseOnes: 0),
        .init(text: "The answer is 12 times better", calculations: 0, falseOnes: 0),
        .init(text: "7 ÷ 0 = 1", calculations: 1, falseOnes: 0),
    ]

    @Test(arguments: calcCases)
    func statedCalculationsAreFoundAndJudged(_ c: CalcCase) {
        let f = ReasoningFeatures(response: c.text)
        #expect(f.calculations == c.calculations)
        #expect(f.falseCalculations == c.falseOnes)
    }

    @Test func aSlipRestatedCorrectlyLaterIsCorrected() {
        let fixed = ReasoningFeatures(response: "7 × 8 = 54. Wait, 7 × 8 = 56, not 54. So 56 + 4 = 60.")
        #expect(fixed.falseCalculations == 1 && fixed.uncorrectedFalseCalculations == 0)
        let kept = ReasoningFeatures(response: "7 × 8 = 54. So 54 + 4 = 58.")
        #expect(kept.falseCalculations == 1 && kept.uncorrectedFalseCalculations == 1)
    }

    @Test func malformedCalculationsCannotBeJudged() {
        let empty = StatedCalculation(operands: [], operators: [], stated: 1, decimals: 0)
        let ragged = StatedCalculation(operands: [1, 2], operators: [], stated: 3, decimals: 0)
        #expect(empty.value == nil && ragged.value == nil)
        #expect(NumericCalculationChecker().isTrue(ragged) == nil)
        let approx = StatedCalculation(
            operands: [22, 7], operators: [.divide], stated: 3.14, decimals: 2, approximate: true)
        #expect(NumericCalculationChecker().isTrue(approx) == true)
    }

    @Test func trueShareCountsOnlyJudgedCalculations() {
        let f = ReasoningFeatures(response: "3 + 4 = 7. Then 7 × 6 = 42. Then 42 - 2 = 41. Answer: 41")
        #expect(f.calculations == 3)
        #expect(abs(f.trueCalculationShare - 2.0 / 3.0) < 1e-9)
        #expect(ReasoningFeatures(response: "No numbers here at all.").trueCalculationShare == 1)
    }

    @Test func finalAnswerIsComparedWithTheLastComputedValue() {
        #expect(ReasoningFeatures(response: "8 × 2 = 16\n40 - 16 = 24\nThe answer is 24.").answerMatchesWork == 1)
        #expect(ReasoningFeatures(response: "8 × 2 = 16\n40 - 16 = 24\nThe answer is 34.").answerMatchesWork == 0)
        #expect(ReasoningFeatures(response: "It is 24.").answerMatchesWork == 0.5)
    }

    @Test func repeatedNGramRatio() {
        let once = ReasoningFeatures(response: "the cat sat on the mat and then it slept")
        #expect(once.repeatedNGramRatio == 0)
        let twice = ReasoningFeatures(response: "a b c d e f. a b c d e f.")
        // Twelve words give nine 4-grams; the second copy repeats three whole ones (plus none across).
        #expect(twice.repeatedNGramRatio > 0.3)
        #expect(twice.repeatedNGramRatio < 0.5)
        let looped = ReasoningFeatures(response: String(repeating: "we add the two numbers again. ", count: 10))
        #expect(looped.repeatedNGramRatio > 0.8)
    }

    @Test func scriptMixingAndForeignWords() {
        #expect(ReasoningFeatures(response: "So the total is 84 pencils.").scriptMixing == 0)
        #expect(ReasoningFeatures(response: "The angle θ is π/2, so sin θ = 1.").scriptMixing == 0)
        let chinese = ReasoningFeatures(response: "So the total is 84 pencils. 所以结果是 84。")
        #expect(chinese.scriptMixing > 0.2)
        let russian = ScriptMix("First we add. Итак, получаем 84.")
        #expect(russian.cyrillic > 0 && russian.scripts() == 2)
        let spanish = ReasoningFeatures(response: "First we add them. Entonces el resultado es 84.")
        #expect(spanish.scriptMixing == 0)
        #expect(spanish.foreignWordShare > 0.2)
        #expect(ReasoningFeatures(response: "First we add them, so the result is 84.").foreignWordShare == 0)
    }

    @Test func hedgingStepsAndCorrections() {
        let f = ReasoningFeatures(
            response: "I think it is maybe 5.\nStep 1: add.\n2. multiply\n- check\nWait, let me check that.")
        #expect(f.hedgeRate > 0)
        #expect(f.steps == 3)
        #expect(f.lines == 5)
        #expect(f.corrections >= 2)
        #expect(ReasoningFeatures(response: "It is 5.").hedgeRate == 0)
        #expect(ReasoningFeatures.names.count == f.values.count)
    }

    @Test func hashedNGramsAreStableNormalisedAndSorted() {
        var a = HashedNGrams(dimension: 1 << 16)
        let text = "Step 1: 7 × 12 = 84 pencils in all."
        let v = a.features(of: text)
        #expect(!v.isEmpty)
        let norm = v.reduce(0) { $0 + $1.value * $1.value }
        #expect(abs(norm - 1) < 1e-5)
        #expect(zip(v, v.dropFirst()).allSatisfy { $0.index < $1.index })
        #expect(v.allSatisfy { $0.index >= 0 && $0.index < 1 << 16 })
        // Reusing the scratch buffer gives the same vector; so does a fresh featuriser.
        #expect(a.features(of: "something else entirely") != v)
        #expect(a.features(of: text) == v)
        var b = HashedNGrams(dimension: 1 << 16)
        #expect(b.features(of: text) == v)
        // Layout and ASCII case do not matter.
        #expect(b.features(of: "step 1:   7 × 12 = 84\npencils in all.") == v)
        #expect(b.features(of: "").isEmpty)
    }

    @Test func hashSetInsertsOnceIncludingZero() {
        var set = HashSet64(capacity: 4)
        let first = set.insert(0), again = set.insert(0)
        #expect(first && !again && set.contains(0))
        var fresh = 0
        for k in 1...8 as ClosedRange<UInt64> where set.insert(k << 40) { fresh += 1 }
        let duplicate = set.insert(3 << 40)
        #expect(fresh == 8 && !duplicate && !set.contains(99) && set.contains(5 << 40))
        // The densest text (one-letter words) must not fill the 4-gram table.
        let dense = String(repeating: "a ", count: 5000)
        #expect(ReasoningFeatures(response: dense).repeatedNGramRatio > 0.99)
    }

    @Test func fnv1aIsTheStandardHash() {
        // Published FNV-1a 64 test vectors: a saved model's indices must not drift.
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)
    }
    /// The byte scans that replaced String walks must read texts as the walks did.
    @Test(arguments: [
        "a\nb\n\n c\n", "\n\nx", "one\r\ntwo\nthree", "", "\n", "Step 1: 3 + 4 = 7\n  \t\n\u{00A0}\nA: 7 \u{00A0}",
    ])
    func lineSplittingMatchesStringSplit(_ text: String) {
        var copy = text
        let (kept, all, nonBlank) = copy.withUTF8 { b in
            (
                TextLines.ranges(b, omittingEmpty: true).map {
                    String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self)
                },
                TextLines.ranges(b, omittingEmpty: false).map {
                    String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self)
                },
                TextLines.ranges(b, omittingEmpty: true).filter {
                    TextLines.hasContent(UnsafeBufferPointer(rebasing: b[$0]))
                }.count
            )
        }
        #expect(kept == text.split(separator: "\n").map(String.init))
        #expect(all == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(nonBlank == text.split(separator: "\n").filter { $0.contains { !$0.isWhitespace } }.count)
    }

    @Test func questionWordsAndHowManyAreReadInAnyCase() {
        let q = QuestionQuantities.of("Three café owners sell HALF of a Dozen pies. How MANY are left?")
        for v in [3.0, 0.5, 12] { #expect(q.contains(QuestionFeatures.key(v))) }
        #expect(!QuestionQuantities.of("Twoé pies").contains(QuestionFeatures.key(2)))
        #expect(WorkGraphFeatures.asksHowMany("HOW many pies?") && !WorkGraphFeatures.asksHowMany("how much"))
    }
}
