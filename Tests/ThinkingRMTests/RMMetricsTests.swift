import Testing

@testable import ThinkingRM

/// The evaluation metrics on cases small enough to compute by hand.
@Suite struct RMMetricsTests {
    @Test func pearsonMatchesHandComputation() {
        // x = 1,2,3 ; y = 2,4,7: means 2 and 13/3; sxy = 5, sxx = 2, syy = 38/3.
        let r = RMMetrics.pearson([1, 2, 3], [2, 4, 7])
        #expect(abs(r - 5 / (2 * 38.0 / 3).squareRoot()) < 1e-12)
        #expect(RMMetrics.pearson([1, 1, 1], [1, 2, 3]) == 0)
    }

    @Test func ranksAverageTies() {
        #expect(RMMetrics.ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
    }

    @Test func spearmanWithTies() {
        // Predicted ranks [1, 2.5, 2.5, 4], gold ranks [1, 2, 3, 4]: Pearson of the ranks.
        let m = RMMetrics(predicted: [0.1, 0.5, 0.5, 0.9], gold: [0, 0.2, 0.4, 1], questions: ["q", "q", "q", "q"])
        let expected = RMMetrics.pearson([1, 2.5, 2.5, 4], [1, 2, 3, 4])
        #expect(abs(m.spearman - expected) < 1e-12)
        #expect(abs(expected - 0.9486832980505138) < 1e-12)
    }

    @Test func pairwiseAccuracyCountsOnlyWithinQuestionPairsAndTiesAsHalf() {
        // Question a: gold 1 > 0.5 > 0 ; predictions order (0.9, 0.9, 0.1): pairs (1,2) tie -> 0.5,
        // (1,3) right, (2,3) right. Question b: gold 0.4 vs 0.4 is no pair; both 0.4 vs 1 pairs are
        // ordered wrong. Cross-question pairs never count. 5 pairs, 2.5 agree.
        let m = RMMetrics(
            predicted: [0.9, 0.9, 0.1, 0.8, 0.7, 0.2], gold: [1, 0.5, 0, 0.4, 0.4, 1],
            questions: ["a", "a", "a", "b", "b", "b"])
        #expect(m.pairs == 5)
        #expect(m.pairwiseAccuracy == 2.5 / 5)
        #expect(m.questions == 2 && m.rows == 6)
        #expect(abs(m.mae - (0.1 + 0.4 + 0.1 + 0.4 + 0.3 + 0.8) / 6) < 1e-12)
    }

    @Test func reliabilityTableBinsPredictions() {
        let t = RMReliability(predicted: [0.05, 0.15, 0.95], gold: [0, 0.5, 1], binCount: 5)
        #expect(t.bins.count == 2)
        #expect(t.bins[0].count == 2 && abs(t.bins[0].meanPredicted - 0.1) < 1e-12 && t.bins[0].meanGold == 0.25)
        #expect(abs(t.expectedCalibrationError - (2 * 0.15 + 0.05) / 3) < 1e-12)
    }
}
