import Foundation
import Rewards
import Testing

@testable import ThinkingRM

/// Judging real solutions: the work features, the GSM8K degrader, the equality-chain check, the
/// step judge's splitting, group agreement, and the figures `rm eval` reports.
@Suite struct RealReasoningTests {
    static let question =
        "Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?"
    static let reference =
        "Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18 every day at the farmer’s market.\n#### 18"

    @Test func annotationsAreReadWithTheCopyThatFollows() {
        let work = WorkStepScanner.scan("He has 3 * 4 = <<3*4=12>>12 apples.\nThen 12 + 5 = <<12+5=17>>71 in all.")
        #expect(work.count == 2)
        #expect(work[0].operands == [3, 4] && work[0].result == 12 && work[0].shown == 12 && work[0].isTrue == true)
        #expect(work[1].shown == 71 && work[1].line == 1)
        // Without annotations the stated calculations are the work.
        let plain = WorkStepScanner.scan("First 3 * 4 = 13.")
        #expect(plain.count == 1 && plain[0].isTrue == false && plain[0].shown == nil)
    }

    @Test func workFeaturesSeeNumberWordsUnusedResultsAndSlips() {
        let good = "Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18.\nA: 18"
        let f = WorkFeatures(
            question: Self.question, work: WorkStepScanner.scan(good),
            responseNumbers: ReasoningFeatures.numbers(in: good), answer: 18)
        #expect(
            f.questionQuantitiesUsed == 1 && f.unusedResults == 0 && f.shownMismatches == 0 && f.answerIsLastResult == 1
        )
        // "four" is a quantity of the question; ignoring it and leaving a result unused shows.
        let bad = "She eats 16 - 3 = <<16-3=13>>13.\nShe bakes 16 * 2 = <<16*2=32>>23.\nA: 23.5"
        let g = WorkFeatures(
            question: Self.question, work: WorkStepScanner.scan(bad),
            responseNumbers: ReasoningFeatures.numbers(in: bad), answer: 23.5)
        #expect(g.questionQuantitiesUsed < 1 && g.questionQuantitiesUnused >= 1)
        #expect(g.unusedResults == 1 && g.shownMismatches == 1 && g.answerNotWhole == 1 && g.answerIsLastResult == 0)
        #expect(WorkFeatures.names.count == g.values.count)
    }

    @Test(arguments: SolutionFlaw.allCases)
    func everyFlawHasAKnownFirstErrorAndConsistentWork(_ flaw: SolutionFlaw) throws {
        let solution = try #require(AnnotatedSolution(Self.reference))
        let degrader = SolutionDegrader()
        #expect(degrader.original(solution).steps.last == "A: 18")
        var made: DegradedSolution?
        for seed in 0..<40 where made == nil {
            var rng = SplitMix64(seed: UInt64(seed))
            made = degrader.degrade(solution, question: Self.question, flaw: flaw, rng: &rng)
        }
        let d = try #require(made, "no \(flaw) in 40 seeds")
        #expect(d.flaw == flaw && d.firstError >= 0 && d.firstError < d.steps.count)
        #expect(d.response != degrader.original(solution).response)
        if flaw != .irrelevantStep && flaw != .droppedStep { #expect(d.steps.last != "A: 18") }
        // Annotations stay true arithmetic after the flaw, as a calculator-using model writes them.
        for step in WorkStepScanner.annotations(d.response) { #expect(step.isTrue != false, "\(d.response)") }
    }

    @Test func synthesizerIsDeterministicAndWritesStepRows() throws {
        let synth = SolutionSynthesizer(seed: 3)
        let a = try #require(synth.group(index: 0, question: Self.question, answer: Self.reference))
        #expect(a == synth.group(index: 0, question: Self.question, answer: Self.reference))
        #expect(a.solutions[0].firstError == -1 && a.solutions[0].score == 1 && a.solutions.count >= 2)
        let text = String(decoding: SolutionSynthesizer.jsonl([a], pairs: false), as: UTF8.self)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rk-steps-\(getpid()).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = try RMTrainingRows.load(path: path)
        #expect(rows.stepped == a.solutions.count)
        // The original adds its sound prefixes at 1; a flawed one adds prefixes up to its error.
        #expect(rows.examples.count > a.solutions.count)
        let firstLine = a.solutions[0].steps[0]
        let prefixes = rows.examples.filter { $0.response == firstLine }
        #expect(!prefixes.isEmpty && prefixes.allSatisfy { $0.score == 1 })
        #expect(
            rows.examples.contains { $0.score == 0 && !$0.response.contains("A: ") && !$0.response.contains("####") })
    }

    @Test func chainCheckRecomputesNestedArithmetic() {
        let check = ChainCalculationCheck()
        #expect(check.falseLinks(in: "Let's calculate A = (-9 - 5 - 0) = (-9 - 5) = -14.") == 0)
        #expect(check.falseLinks(in: "C = ((3 * 4 * 5) * (7 - -7 * 4)) = ((3 * 4 * 5) * (7 - 28)) = -1260.") >= 1)
        #expect(check.falseLinks(in: "We have 2x = 10, so x = 5.") == 0)
        #expect(StepJudge.firstFalseCalculation(["2 + 2 = 4", "3 * 3 = 10", "1 + 1 = 3"]) == 1)
    }

    @Test func responsesSplitIntoSteps() {
        #expect(StepJudge.split("a\n\nb\n c") == ["a", "b", " c"])
        #expect(
            StepJudge.split("Intro\n### Step 1: x\nmore\n### Step 2: y\n### The final answer is: 3") == [
                "Intro", "### Step 1: x\nmore", "### Step 2: y\n### The final answer is: 3",
            ])
    }

    @Test func groupAgreementCountsEquivalentFinalAnswers() {
        let g = GroupAgreement(thinkingWeight: 1)
        let responses = ["so 18\nA: 18", "A: 18.0", "A: 26", "no number here"]
        // Each response is compared with the other three.
        let agreement = g.agreement(responses)
        #expect(zip(agreement, [1.0 / 3, 1.0 / 3, 0, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
        let combined = g.scores(responses: responses, thinking: [1, 0, 1, 1])
        #expect(zip(combined, [2.0 / 3, 1.0 / 6, 0.5, 0.5]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func rankingAndFirstErrorMetricsByHand() {
        // Group a: correct 0.9 over wrong 0.2 (right); group b: wrong 0.8 over correct 0.3 (wrong) and a tie.
        let m = RMRankingMetrics(
            scores: [0.9, 0.2, 0.8, 0.3, 0.8], labels: [1, 0, 0, 1, 1], groups: ["a", "a", "b", "b", "b"])
        #expect(m.groups == 2 && m.pairs == 3)
        #expect(abs(m.pairwiseAccuracy - 1.5 / 3) < 1e-12)
        #expect(abs(m.bestOfN - (1 + 0.5) / 2) < 1e-12)
        #expect(abs(m.random - (0.5 + 2.0 / 3) / 2) < 1e-12 && m.oracle == 1)
        let f = RMFirstErrorMetrics(predicted: [2, 1, -1, -1, 0], labeled: [2, 3, -1, -1, -1])
        #expect(
            f.erroneous == 2 && f.correct == 3 && f.erroneousAccuracy == 0.5 && abs(f.correctAccuracy - 2.0 / 3) < 1e-12
        )
        #expect(abs(f.f1 - 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3)) < 1e-12)
    }

    @Test func evalRowsReadEveryLayout() throws {
        let text = """
            {"qid": 4, "question": "Q1", "response": "A: 3", "is_correct": true}
            {"qid": 4, "question": "Q1", "response": "A: 5", "is_correct": false}
            {"input": "(1 + 2) =", "steps": ["1 + 2 = 3", "So the answer is 3"], "mistake_index": null}
            {"idx": "p7", "question": "Q2", "modified_process": ["a", "b", "c"], "original_process": ["a", "d"], "error_steps": [2, 3]}
            {"idx": "p7", "question": "Q2", "modified_process": ["a", "e"], "original_process": ["a", "d"], "error_steps": []}
            {"question": "Q3", "response": "x", "score": 0.4, "label": "an answer, not a step"}
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rk-eval-\(getpid()).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = try RMDataset.loadEvalRows(path: path)
        #expect(rows.count == 7)
        #expect(rows[0].group == "4" && rows[0].label == 1 && rows[1].label == 0)
        #expect(rows[2].firstError == -1 && rows[2].label == 1 && rows[2].response == "1 + 2 = 3\nSo the answer is 3")
        #expect(rows[3].firstError == 1 && rows[3].label == 0)
        #expect(rows[4].steps == ["a", "d"] && rows[4].firstError == -1)
        #expect(rows[5].firstError == -1 && rows[5].steps == ["a", "e"])
        #expect(rows[6].label == 0.4 && rows[6].firstError == nil)
        try "{\"question\": \"Q\", \"steps\": [\"a\"], \"mistake_index\": \"two\"}\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: RMDataError.self) { try RMDataset.loadEvalRows(path: path) }
    }

    @Test func defaultThinkingRewardSaysHowToBuildTheModel() throws {
        let options = RewardOptions(rewardName: "thinking", values: [])
        let reward = try DefaultThinkingReward(options: options, path: "/nonexistent/thinking.rkck")
        #expect(try reward.score(Trajectory(response: "x", rewards: ["thinking": 0.25])).value == 0.25)
        do {
            _ = try reward.score(Trajectory(response: "x"))
            Issue.record("scored without a model")
        } catch {
            #expect(error.message.contains("make thinking-model"))
        }
    }
}
