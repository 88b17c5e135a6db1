import Foundation
import TestSupport
import Testing

@testable import Rewards

/// Share-GRPO expansion must keep every question's answer: checked on hand-written word problems by
/// re-reading the quantities from every variant and recomputing the answer.
@Suite struct QuestionExpanderTests {
    struct Problem: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let prompt: String
        let answer: String
        let quantities: [String: Double]?
        let formula: String?
        var testDescription: String { id }
    }

    static let problems: [Problem] = (try? Fixture.load("expand_word_problems.jsonl")) ?? []

    /// Every (number, following word) pair, number words read as numbers, as a sorted list.
    static func numberFacts(_ text: String) -> [String] {
        let tokens = Token.split(text).filter { $0.text != " " && $0.text != "\n" }
        var facts: [String] = []
        for (i, t) in tokens.enumerated() {
            let value = t.isNumber ? Int(t.text) : (t.isWord ? NumberWords.value(of: t.text) : nil)
            guard let value else { continue }
            facts.append("\(value) \(i + 1 < tokens.count ? tokens[i + 1].text.lowercased() : "")")
        }
        return facts.sorted()
    }

    /// The number right before `noun` (digits or a number word).
    static func quantity(before noun: String, in text: String) -> Double? {
        let tokens = Token.split(text).filter { $0.text != " " && $0.text != "\n" }
        for i in 1..<max(1, tokens.count) where tokens[i].text.lowercased() == noun {
            if tokens[i - 1].isNumber, let v = Double(tokens[i - 1].text) { return v }
            if let v = NumberWords.value(of: tokens[i - 1].text) { return Double(v) }
        }
        return nil
    }

    /// `a + b` or `a * b` over named quantities (all the fixture needs).
    static func evaluate(_ formula: String, _ q: [String: Double]) -> Double? {
        let parts = formula.split(separator: " ")
        guard parts.count == 3, let a = q[String(parts[0])], let b = q[String(parts[2])] else { return nil }
        return parts[1] == "+" ? a + b : parts[1] == "*" ? a * b : nil
    }

    @Test func fixtureIsLoaded() {
        #expect(Self.problems.count >= 20)
        #expect(Self.problems.filter { $0.formula != nil }.count >= 12)
    }

    @Test(arguments: problems)
    func everyVariantKeepsTheAnswer(_ p: Problem) throws {
        for seed in [1, 2, 3, 4, 5] as [UInt64] {
            let variants = QuestionExpander(count: 4, seed: seed, hint: seed == 5).variants(
                of: .init(prompt: p.prompt, answer: p.answer), index: 0)
            #expect(variants.count == 4)
            #expect(variants[0].question.prompt == p.prompt && variants[0].rewrites == ["original"])
            #expect(Set(variants.map(\.question.prompt)).count == 4, "variants must differ")
            for v in variants.dropFirst() {
                #expect(v.question.answer == p.answer)
                // The same numbers, each still attached to the same word.
                #expect(
                    Self.numberFacts(v.question.prompt) == Self.numberFacts(p.prompt),
                    "\(v.rewrites): \(v.question.prompt)")
                // The question stays the last sentence of the problem text.
                #expect(v.question.prompt.contains("?"))
                if let formula = p.formula, let nouns = p.quantities?.keys {
                    var read: [String: Double] = [:]
                    for noun in nouns { read[noun] = Self.quantity(before: noun, in: v.question.prompt) }
                    let recomputed = try #require(Self.evaluate(formula, read), "\(v.question.prompt)")
                    #expect(recomputed == Double(p.answer), "\(v.rewrites): \(v.question.prompt)")
                }
            }
        }
    }

    @Test func rewritesActuallyHappen() {
        var kinds: Set<String> = []
        for (i, p) in Self.problems.enumerated() {
            for v in QuestionExpander(count: 4, seed: 9).variants(
                of: .init(prompt: p.prompt, answer: p.answer), index: i)
            {
                kinds.formUnion(v.rewrites)
            }
        }
        #expect(kinds.isSuperset(of: ["instruction", "reorder", "numbers", "connectives"]))
    }

    @Test func numbersInFormulasMoneyAndDecimalsAreLeftAlone() {
        var rng = SplitMix64(seed: 1)
        #expect(Rewrites.restateNumbers("Compute 3+4 and $5 and 2.5 and 1,200 and 7%.", rng: &rng) == nil)
        var rng2 = SplitMix64(seed: 2)
        // No number word to turn into digits ("one" never is), so digits become words; "one" stays.
        #expect(
            Rewrites.restateNumbers("She has 3 cats. No one has 20.", rng: &rng2)
                == "She has three cats. No one has twenty.")
        #expect(Rewrites.restateNumbers("Three cats sat.", rng: &rng2) == "3 cats sat.")
    }

    @Test func statementsThatReferBackAreNotMoved() {
        var rng = SplitMix64(seed: 1)
        #expect(
            Rewrites.reorderStatements("Jill has 16 stickers. She gives 6 stickers away. How many are left?", rng: &rng)
                == nil)
        #expect(
            Rewrites.reorderStatements("Tom has 3 apples. Ann has 4 pears. How many fruits are there?", rng: &rng)
                == "Ann has 4 pears. Tom has 3 apples. How many fruits are there?")
    }

    @Test func optionsShuffleWithTheAnswerLetter() throws {
        let q = QuestionExpander.Question(
            prompt: "Which gas do plants absorb?\n(A) Oxygen (B) Carbon dioxide (C) Nitrogen (D) Helium",
            answer: "B", options: ["Oxygen", "Carbon dioxide", "Nitrogen", "Helium"])
        for seed in 1...20 as ClosedRange<UInt64> {
            var rng = SplitMix64(seed: seed)
            let s = try #require(Rewrites.shuffleOptions(q, rng: &rng))
            let letter = try #require(s.answer?.first)
            let index = try #require(Rewrites.letters.firstIndex(of: letter))
            #expect(s.options?[index] == "Carbon dioxide")
            #expect(s.prompt.contains("(\(letter)) Carbon dioxide"))
            #expect(s.options != q.options)
        }
        // Options the prompt does not list cannot be relabelled, so they are not shuffled.
        var rng = SplitMix64(seed: 1)
        #expect(
            Rewrites.shuffleOptions(.init(prompt: "Pick one.", answer: "A", options: ["x", "y"]), rng: &rng) == nil)
    }

    @Test func expandRowsKeepsFieldsAndAddsGroupAndVariant() throws {
        let line =
            #"{"id":7,"question":"Tom has 3 apples. Ann has 4 pears. How many fruits?","answer":"7","extra":[1]}"#
        let out = try ExpandRows.expand(line, number: 3, with: QuestionExpander(count: 2, seed: 1)).get()
        let rows = out.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(rows.count == 2)
        #expect(rows.map { $0["variant"] as? Int } == [0, 1])
        #expect(
            rows.allSatisfy {
                $0["group"] as? String == "q3" && $0["answer"] as? String == "7" && $0["id"] as? Int == 7
            })
        #expect(rows[0]["question"] as? String == "Tom has 3 apples. Ann has 4 pears. How many fruits?")
        #expect(ExpandRows.expand(#"{"answer":"7"}"#, number: 1, with: QuestionExpander(count: 2)).isFailure)
        #expect(ExpandRows.expand(#"{"prompt":[1]}"#, number: 1, with: QuestionExpander(count: 2)).isFailure)
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { return true } else { return false } }
}
