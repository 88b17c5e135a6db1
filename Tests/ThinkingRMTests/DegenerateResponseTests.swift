import Foundation
import Rewards
import Testing

@testable import ThinkingRM

/// The degenerate family of `rm synth --gsm8k --degenerate`: every kind is made, scored 0 with a
/// first wrong step inside the response, the same under the same seed; and a model trained with
/// the family ranks degenerate text of other kinds below sound solutions more often than without.
@Suite struct DegenerateResponseTests {
    /// GSM8K-style problems with annotated solutions, made by program (two steps each).
    static func problems(_ n: Int, seed: UInt64) -> [(question: String, answer: String)] {
        var rng = SplitMix64(seed: seed)
        let names = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana"]
        let things = ["apples", "stamps", "marbles", "books", "cards", "shells"]
        return (0..<n).map { _ -> (question: String, answer: String) in
            let (who, what) = (rng.pick(names), rng.pick(things))
            let a = rng.int(5...60), b = rng.int(2...9), c = rng.int(1...20)
            if rng.chance(0.5) {
                let (s, r) = (a + c, a + c - b)
                return (
                    "\(who) has \(a) \(what). A friend gives \(who) \(c) more, and then \(who) loses \(b) of them. How many \(what) does \(who) have now?",
                    "After the gift \(who) has \(a) + \(c) = <<\(a)+\(c)=\(s)>>\(s) \(what).\nAfter losing some, \(who) has \(s) - \(b) = <<\(s)-\(b)=\(r)>>\(r) \(what).\n#### \(r)"
                )
            }
            let (s, r) = (a * b, a * b + c)
            return (
                "\(who) buys \(b) boxes of \(what) with \(a) \(what) in each box, and finds \(c) more at home. How many \(what) does \(who) have in all?",
                "The boxes hold \(b) * \(a) = <<\(b)*\(a)=\(s)>>\(s) \(what).\nWith the ones at home that is \(s) + \(c) = <<\(s)+\(c)=\(r)>>\(r) \(what).\n#### \(r)"
            )
        }
    }

    @Test(arguments: DegenerateKind.allCases)
    func everyKindIsMadeLabelledZeroAndDeterministic(_ kind: DegenerateKind) throws {
        let writer = DegenerateWriter(answerPrefix: "#### ")
        for (i, p) in Self.problems(30, seed: 4).enumerated() {
            let solution = try #require(AnnotatedSolution(p.answer))
            var a = SplitMix64(seed: UInt64(i)), b = SplitMix64(seed: UInt64(i))
            let made = writer.write(kind, solution: solution, question: p.question, rng: &a)
            let again = writer.write(kind, solution: solution, question: p.question, rng: &b)
            #expect(made == again)
            #expect(made.degenerate == kind && made.flaw == nil && made.score == 0)
            #expect(made.firstError >= 0 && made.firstError < made.steps.count, "\(made)")
            #expect(made.response != SolutionDegrader().original(solution).response)
            // Only the repeated line keeps all the work; the others lack some or all of it.
            if kind != .repeatedLine {
                #expect(WorkStepScanner.annotations(made.response).count < solution.lines.count, "\(made.response)")
            }
        }
    }

    @Test func synthesizerAddsTheFamilyByShareAndLeavesTheRestUnchanged() throws {
        let problems = Self.problems(200, seed: 5)
        let plain = SolutionSynthesizer(seed: 3)
        let withFamily = SolutionSynthesizer(seed: 3, degeneratePerProblem: 0.5)
        var kinds = Set<DegenerateKind>()
        var added = 0
        for (i, p) in problems.enumerated() {
            let a = try #require(plain.group(index: i, question: p.question, answer: p.answer))
            let b = try #require(withFamily.group(index: i, question: p.question, answer: p.answer))
            #expect(b == withFamily.group(index: i, question: p.question, answer: p.answer))
            // The flawed versions are those of the plain synthesiser; at most one degenerate is added.
            #expect(Array(b.solutions.prefix(a.solutions.count)) == a.solutions)
            #expect(b.solutions.count - a.solutions.count <= 1)
            for d in b.solutions.dropFirst(a.solutions.count) {
                added += 1
                kinds.insert(try #require(d.degenerate))
            }
        }
        #expect(kinds == Set(DegenerateKind.allCases))
        #expect(added > 60 && added < 140)
        // Their rows carry the kind as `flaw` and train prefixes up to the first wrong step.
        let group = try #require(withFamily.group(index: 1, question: problems[1].question, answer: problems[1].answer))
        let text = String(decoding: SolutionSynthesizer.jsonl([group], pairs: false), as: UTF8.self)
        if let d = group.solutions.last?.degenerate { #expect(text.contains("\"flaw\":\"\(d.rawValue)\"")) }
    }

    /// Degenerate text the family does not write: other markup, a loop of filler or of a
    /// question sentence, the question's words shuffled, the numbers listed.
    static func heldOutKinds(question: String, answer: String, _ rng: inout SplitMix64) -> [String] {
        let chat = ["<|im_start|>", "<|im_end|>", "[INST]", "[/INST]", "</s>", "###", "**", "<step>", "</step>", "```"]
        let sentence = question.split(separator: ".").first.map(String.init) ?? question
        let numbers = ReasoningFeatures.numbers(in: question).map { SolutionNumber.text($0) }
        var words = question.split(separator: " ").map(String.init)
        for i in words.indices.reversed() { words.swapAt(i, rng.int(0...i)) }
        return [
            (0..<rng.int(8...24)).map { _ in rng.pick(chat) }.joined(),
            Array(repeating: "Let's think step by step.", count: rng.int(4...10)).joined(separator: " ")
                + "\nA: \(answer)",
            Array(repeating: sentence + ".", count: rng.int(4...8)).joined(separator: "\n") + "\nA: \(answer)",
            words.joined(separator: " ") + "\nA: \(answer)",
            numbers.joined(separator: ", ") + "\nA: \(answer)",
        ]
    }

    /// Share of held-out degenerate responses the model scores below the sound solution of their
    /// question and below 0.2 (the mark of docs/thinking-rm.md's held-out figures).
    static func orderedRight(_ model: ThinkingRewardModel, _ problems: [(question: String, answer: String)]) -> Double {
        var rng = SplitMix64(seed: 21)
        var right = 0, total = 0
        for p in problems {
            guard let solution = AnnotatedSolution(p.answer) else { continue }
            let sound = SolutionDegrader(answerPrefix: "#### ").original(solution).response
            let texts = [sound] + Self.heldOutKinds(question: p.question, answer: solution.answer, &rng)
            let s = model.modelScores(questions: Array(repeating: p.question, count: texts.count), responses: texts)
            for x in s.dropFirst() {
                total += 1
                right += x < s[0] && x < 0.2 ? 1 : 0
            }
        }
        return Double(right) / Double(total)
    }

    @Test func theFamilyTeachesTheModelAboutKindsItDoesNotWrite() throws {
        let train = Self.problems(150, seed: 6), heldOut = Self.problems(40, seed: 7)
        func trained(_ share: Double) throws -> ThinkingRewardModel {
            let synth = SolutionSynthesizer(seed: 1, degradedPerProblem: 2, degeneratePerProblem: share)
            let groups = train.enumerated().compactMap {
                synth.group(index: $0.offset, question: $0.element.question, answer: $0.element.answer)
            }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "rk-degenerate-\(getpid())-\(share).jsonl"
            ).path
            try String(decoding: SolutionSynthesizer.jsonl(groups, pairs: false), as: UTF8.self).write(
                toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let rows = try RMTrainingRows.load(path: path)
            // As `make thinking-model`: template rows too, whose sound solutions have no annotations.
            let templates = RMSynthesizer(seed: 2, degradedPerProblem: 3).examples(count: 400)
            return RMTrainer.train(rows.examples + templates, options: ModelTests.tinyOptions()).scoringModel()
        }
        let without = Self.orderedRight(try trained(0), heldOut)
        let with = Self.orderedRight(try trained(1), heldOut)
        #expect(with > without, "with the family \(with), without \(without)")
    }
}
