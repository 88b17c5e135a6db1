import Foundation
import Testing

@testable import GRPO

/// The comparison of methods over seeds: per-seed gains, mean and standard error, the noise test
/// of gain differences, and the mean curve.
struct RunComparisonTests {
    /// A log with held-out accuracy `evals` at steps 0, 10, 20... and `frac_zero_std` `zero` on
    /// every training step.
    static func log(_ evals: [Double], zero: Double, n: Int = 300) -> [StepLog] {
        var lines: [StepLog] = []
        for (i, e) in evals.enumerated() {
            if i > 0 {
                var step = StepLog(step: i * 10 - 5)
                step.rewardMean = 0.5
                step.fracZeroStd = zero
                lines.append(step)
            }
            var line = StepLog(step: i * 10)
            line.evalAccuracy = e
            line.evalN = n
            lines.append(line)
        }
        return lines
    }

    @Test func summaryHasMeanAndStandardErrorOverSeeds() throws {
        let c = RunComparison(runs: [
            ("a", Self.log([0.3, 0.4], zero: 0.2)), ("b", Self.log([0.3, 0.3, 0.35], zero: 0.6)),
            ("a", Self.log([0.3, 0.6], zero: 0.4)),
        ])
        let rows = c.summaries
        #expect(rows.map(\.name) == ["a", "b"])
        let a = try #require(rows.first)
        #expect(a.gains.count == 2 && abs(a.gains[0] - 0.1) < 1e-12 && abs(a.gains[1] - 0.3) < 1e-12)
        #expect(abs(a.gain.mean - 0.2) < 1e-12)
        // Sample standard deviation of {0.1, 0.3} is 0.1414; over sqrt(2) seeds 0.1.
        #expect(abs(a.gain.standardError - 0.1) < 1e-12)
        #expect(abs(a.fracZeroStd.mean - 0.3) < 1e-12)
        #expect(a.steps == 10...10 && rows[1].steps == 20...20)
        #expect(rows[1].gain.standardError == 0 && rows[1].gain.n == 1)
    }

    /// "strong" reaching each seed's end accuracy, "weak" 20 points below it, from the same start.
    static func strongAndWeak(_ seeds: [[Double]], n: Int) -> [(name: String, log: [StepLog])] {
        var runs: [(name: String, log: [StepLog])] = []
        for s in seeds { runs.append((name: "strong", log: Self.log(s, zero: 0.1, n: n))) }
        for s in seeds { runs.append((name: "weak", log: Self.log([s[0], s[1] - 0.2], zero: 0.1, n: n))) }
        return runs
    }

    @Test func differenceExceedsNoiseOnlyWhenLargerThanTwiceItsStandardError() {
        let seeds = [[0.2, 0.5], [0.2, 0.52], [0.2, 0.48]]
        let far = RunComparison(runs: Self.strongAndWeak(seeds, n: 100_000))
        #expect(far.differences.count == 1 && far.differences[0].exceedsNoise)
        #expect(abs(far.differences[0].value - 0.2) < 1e-9)
        // The same difference measured on 30 problems is within the evaluation's noise.
        let near = RunComparison(runs: Self.strongAndWeak(seeds, n: 30))
        #expect(!near.differences[0].exceedsNoise)
    }

    @Test func meanCurveUsesStepsEverySeedHas() {
        let curve = RunComparison.meanCurve(
            [Self.log([0.2, 0.4], zero: 0), Self.log([0.4, 0.6, 0.8], zero: 0)], \.evalAccuracy)
        #expect(curve.count == 2)
        #expect(curve.map(\.0) == [0, 10])
        #expect(abs(curve[1].1 - 0.5) < 1e-12)
    }

    @Test func pageDrawsHeldOutAccuracyPerMethod() {
        let c = RunComparison(runs: [
            ("r1", Self.log([0.3, 0.4], zero: 0.2)), ("sharegrpo", Self.log([0.3, 0.35], zero: 0.5)),
        ])
        let page = c.html(title: "t")
        #expect(page.contains("held-out greedy accuracy"))
        #expect(page.contains(">r1</text>") && page.contains(">sharegrpo</text>"))
        #expect(page.contains("<table>") && !page.contains("| ---"))
        #expect(c.markdown.contains("| r1 - sharegrpo | +5.0 |"))
    }
}
