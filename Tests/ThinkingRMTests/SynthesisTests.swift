import Rewards
import Testing

@testable import ThinkingRM

/// The synthetic data: determinism, correct solutions that are correct, and flaws that show.
@Suite struct SynthesisTests {
    @Test func sameSeedSameRowsOtherSeedOtherRows() {
        let a = RMSynthesizer(seed: 42).examples(count: 300)
        #expect(a == RMSynthesizer(seed: 42).examples(count: 300))
        #expect(a != RMSynthesizer(seed: 43).examples(count: 300))
        #expect(RMSynthesizer(seed: 42).pairs(count: 200) == RMSynthesizer(seed: 42).pairs(count: 200))
        #expect(a.count == 300)
    }

    @Test func rowsAreValidAndScoresSpanTheGrid() {
        let rows = RMSynthesizer(seed: 5).examples(count: 3000)
        let text = String(decoding: RMWriter.jsonl(rows), as: UTF8.self)
        let reloaded = RMDataset.parseExamples(text)
        #expect(reloaded.errors.isEmpty)
        #expect(reloaded.rows == rows)
        let bins = Set(rows.map { Int(($0.score * 10).rounded()) })
        #expect(bins == Set(0...10))
        #expect(rows.allSatisfy { RMRubric.round($0.score) == $0.score })
        // Small number ranges let a few problems repeat; most must be distinct.
        #expect(Set(rows.map(\.question)).count >= 3000 / 5 * 9 / 10)
    }

    @Test func pairsPreferTheBetterResponse() {
        let synth = RMSynthesizer(seed: 8)
        let g = synth.group(0)
        let scores = Dictionary(g.responses.map { ($0.text, $0.score) }, uniquingKeysWith: { a, _ in a })
        for p in synth.pairs(count: 4) where p.question == g.problem.question {
            #expect((scores[p.chosen] ?? 0) > (scores[p.rejected] ?? 1))
        }
    }

    @Test func everyKindAndStyleIsUsed() {
        let synth = RMSynthesizer(seed: 1)
        #expect(Set((0..<20).map { synth.problem($0).kind }) == Set(ProblemKind.allCases))
    }

    /// Correct solutions state only true calculations and answer with the value they computed.
    @Test(arguments: ProblemKind.allCases)
    func correctSolutionsAreCorrect(_ kind: ProblemKind) {
        for i in 0..<60 {
            var rng = SplitMix64(seed: UInt64(i) &+ 1000)
            let problem = RMSynthesizer.problem(kind: kind, &rng)
            for style in SolutionStyle.allCases {
                let text = SolutionWriter.write(problem, style: style, flaws: [], rng: &rng)
                let f = ReasoningFeatures(response: text)
                #expect(f.falseCalculations == 0, "\(text)")
                #expect(f.calculations >= 1, "\(text)")
                #expect(f.answerMatchesWork == 1, "\(text)")
            }
        }
    }

    /// Each flaw lowers the score, changes the text, and leaves the trace the features look for.
    @Test(arguments: Flaw.allCases)
    func everyFlawLowersTheScoreAndShows(_ flaw: Flaw) {
        #expect(RMRubric.score([FlawApplication(flaw)]) < 1)
        #expect(RMRubric.score([FlawApplication(flaw, heavy: true)]) <= RMRubric.score([FlawApplication(flaw)]))
        for i in 0..<40 {
            var seedRng = SplitMix64(seed: UInt64(i) &* 7919)
            let kind = ProblemKind.allCases[i % ProblemKind.allCases.count]
            let problem = RMSynthesizer.problem(kind: kind, &seedRng)
            let style = SolutionStyle.allCases[i % SolutionStyle.allCases.count]
            var r1 = seedRng, r2 = seedRng
            let good = SolutionWriter.write(problem, style: style, flaws: [], rng: &r1)
            let bad = SolutionWriter.write(
                problem, style: style, flaws: [FlawApplication(flaw, heavy: i % 3 == 0)], rng: &r2)
            #expect(bad != good)
            let g = ReasoningFeatures(response: good), b = ReasoningFeatures(response: bad)
            switch flaw {
            case .arithmeticSlip: #expect(b.uncorrectedFalseCalculations >= 1, "\(bad)")
            case .correctedSlip:
                #expect(b.corrections >= 1 && b.falseCalculations >= 1, "\(bad)")
                #expect(b.uncorrectedFalseCalculations == 0, "\(bad)")
            case .wrongMethod: #expect(b.falseCalculations == 0, "\(bad)")
            case .unjustifiedJump: #expect(b.calculations < g.calculations, "\(bad)")
            case .contradiction, .tangent: #expect(b.words > g.words, "\(bad)")
            case .repetition:
                #expect(
                    b.repeatedNGramRatio > g.repeatedNGramRatio || b.repeatedLineRatio > g.repeatedLineRatio, "\(bad)")
            case .languageMixing: #expect(b.scriptMixing > 0 || b.foreignWordShare > 0, "\(bad)")
            case .hedging: #expect(b.hedgeRate > 0, "\(bad)")
            case .answerNotFollowing: #expect(b.answerMatchesWork == 0, "\(bad)")
            }
        }
    }

    @Test func rubricSubtractsClampsAndRounds() {
        #expect(RMRubric.score([]) == 1)
        #expect(RMRubric.score([FlawApplication(.hedging)]) == 0.9)
        #expect(RMRubric.score([FlawApplication(.arithmeticSlip), FlawApplication(.tangent, heavy: true)]) == 0.3)
        #expect(
            RMRubric.score([
                FlawApplication(.wrongMethod), FlawApplication(.answerNotFollowing), FlawApplication(.languageMixing),
            ]) == 0)
        #expect(RMRubric.score([FlawApplication(.languageMixing)]) == 0.7)
    }
}
