import Foundation
import Testing

@testable import Rewards

@Suite struct GroupMethodsTests {
    func close(_ a: Double, _ b: Double, _ tol: Double = 1e-3) -> Bool { abs(a - b) <= tol }

    // MARK: statistics and estimators

    @Test func unbiasedStandardDeviation() {
        #expect(GroupStatistics.standardDeviation([1, 0, 0, 0]) == 0.5)
        #expect(GroupStatistics.standardDeviation([3]) == 0)
        #expect(GroupStatistics.standardDeviation([]) == 0)
    }

    @Test func grpoAdvantagesByHand() {
        // mean 0.25, unbiased std 0.5
        let a = AdvantageEstimator.grpo.advantages([1, 0, 0, 0], epsilon: 0, batchStd: 0)
        #expect(a == [1.5, -0.5, -0.5, -0.5])
        let eps = AdvantageEstimator.grpo.advantages([1, 0, 0, 0], epsilon: 1e-4, batchStd: 0)
        #expect(close(eps[0], 0.75 / 0.5001, 1e-12))
    }

    @Test func drGRPOOnlyCentres() {
        #expect(AdvantageEstimator.drGRPO.advantages([2, 0, 1], epsilon: 1e-6, batchStd: 0) == [1, -1, 0])
    }

    @Test func batchScalingUsesTheBatchStd() {
        #expect(AdvantageEstimator.batch.advantages([2, 0], epsilon: 0, batchStd: 4) == [0.25, -0.25])
    }

    @Test func groupOfOneAndAllEqualGroupsVanish() {
        for e in [AdvantageEstimator.grpo, .drGRPO, .batch] {
            #expect(e.advantages([0.7], epsilon: 1e-6, batchStd: 1) == [0])
            #expect(e.advantages([1, 1, 1], epsilon: 1e-6, batchStd: 1) == [0, 0, 0])
        }
    }

    // MARK: Share-GRPO

    /// docs/methods.md, Share-GRPO: m=2, n=6, variant A 0/6 correct, variant B 1/6 correct.
    @Test func shareGRPOWorkedExample() {
        let variants = Array(repeating: "A", count: 6) + Array(repeating: "B", count: 6)
        let rewards: [Double] = Array(repeating: 0, count: 6) + [1, 0, 0, 0, 0, 0]
        let a = ShareGRPO.advantages(variants: variants, rewards: rewards, epsilon: 1e-6)
        #expect(a.count == 12 && a.allSatisfy { $0.count == 2 })
        let bCorrect = a[6], bWrong = a[7], aResponse = a[0]
        #expect(bCorrect.map(\.promptVariant) == ["A", "B"])
        #expect(close(bCorrect[1].advantage, 5.288) && !bCorrect[1].shared)  // B's correct under B
        #expect(close(bWrong[1].advantage, -0.703))  // B's wrong under B
        #expect(close(aResponse[0].advantage, -0.295) && !aResponse[0].shared)  // A's under A
        #expect(close(bCorrect[0].advantage, 3.247) && bCorrect[0].shared)  // B's correct shared to A
    }

    @Test func shareGRPOWithUnequalVariantSizes() {
        // Variant "1" generated 2 responses, "2" generated 3; m = 2 prompt variants.
        let variants = ["1", "1", "2", "2", "2"]
        let rewards: [Double] = [1, 0, 1, 1, 0]
        let a = ShareGRPO.advantages(variants: variants, rewards: rewards, epsilon: 0)
        // Global over 10 expanded rows: mean 0.6, squares 2*(2*0.16 + 3*0.36)... computed directly:
        let expanded = rewards + rewards
        let mu = expanded.reduce(0, +) / 10
        let sigma = (expanded.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / 9).squareRoot()
        let local1 = GroupStatistics.standardDeviation([1.0, 0]),
            local2 = GroupStatistics.standardDeviation([1.0, 1, 0])
        #expect(close(a[0][0].advantage, (1 - mu) / sigma + (1 - 0.5) / local1, 1e-12))
        #expect(close(a[0][1].advantage, (1 - mu) / sigma, 1e-12))
        #expect(close(a[4][1].advantage, (0 - mu) / sigma + (0 - 2.0 / 3) / local2, 1e-12))
        #expect(ShareGRPO.promptVariants(["10", "2", "2"]) == ["2", "10"])
    }

    // MARK: Trust-GRPO

    @Test func annealingSchedules() {
        #expect(close(Annealing.exp.factor(step: 1500, T: 1500), exp(-1), 1e-12))
        #expect(Annealing.linear.factor(step: 750, T: 1500) == 0.5)
        #expect(Annealing.linear.factor(step: 3000, T: 1500) == 0)
        #expect(close(Annealing.cosine.factor(step: 750, T: 1500), 0.5, 1e-12))
        #expect(Annealing.cosine.factor(step: 0, T: 1500) == 1)
        #expect(Annealing.constant.factor(step: 99_999, T: 1) == 1)
    }

    @Test func paperTrustWhenCorrectAnswersThinkWorse() {
        // Ro: two correct, two wrong. Rt: correct 0.2, 0.4 (mu_c 0.3); wrong 0.8, 0.6 (mu_w 0.7).
        let w = TrustWeighting(GroupSpec.Trust(mode: .paper, alpha: 0.3, schedule: .constant, T: 1))
        let (r, gamma) = w.apply(outcomes: [1, 1, 0, 0], thinking: [0.2, 0.4, 0.8, 0.6], step: 0)
        #expect(close(gamma, exp(-0.4), 1e-12))
        #expect(close(r[0], 1 + exp(-0.4) * 0.3 * 0.2, 1e-12))
        #expect(close(r[2], 0 + exp(-0.4) * 0.3 * 0.8, 1e-12))
    }

    @Test func paperTrustIsOneWhenCorrectAnswersThinkBetterAndAnnealed() {
        let w = TrustWeighting(GroupSpec.Trust(mode: .paper, alpha: 0.3, schedule: .exp, T: 100))
        let (r, gamma) = w.apply(outcomes: [1, 0], thinking: [0.9, 0.1], step: 100)
        #expect(gamma == 1)
        #expect(close(r[0], 1 + 0.3 * exp(-1) * 0.9, 1e-12))
    }

    @Test func paperTrustWithOnlyOneKindOfOutcome() {
        let w = TrustWeighting(GroupSpec.Trust(mode: .paper, alpha: 0.3, schedule: .constant, T: 1))
        #expect(w.apply(outcomes: [0, 0], thinking: [0.5, 0.9], step: 0).gamma == 1)
        let allRight = w.apply(outcomes: [1, 1], thinking: [0.5, 0.9], step: 0)
        #expect(allRight.gamma == 1)
        #expect(close(allRight.rewards[1], 1 + 0.3 * 0.9, 1e-12))  // paper: thinking still counts
    }

    @Test func releasedTrustSkipsDegenerateGroups() {
        let w = TrustWeighting(GroupSpec.Trust(mode: .released, alpha: 0.3, schedule: .constant, T: 1))
        #expect(w.apply(outcomes: [1, 0.95], thinking: [0.5, 0.9], step: 0).rewards == [1, 0.95])
        #expect(w.apply(outcomes: [0, 0.1], thinking: [0.5, 0.9], step: 0).rewards == [0, 0.1])
    }

    @Test func releasedTrustGatesLowOutcomesAndUsesZeroForEmptyMeans() {
        let w = TrustWeighting(GroupSpec.Trust(mode: .released, alpha: 0.3, schedule: .constant, T: 1))
        // Ro: 1 (correct), 0.3 (wrong, gated in), 0.1 (wrong, gated out). Rt: 0.2, 0.9, 0.8.
        // mu_c = 0.2; mu_w over gated values {0.9, 0} = 0.45 -> gamma = exp(-0.25).
        let (r, gamma) = w.apply(outcomes: [1, 0.3, 0.1], thinking: [0.2, 0.9, 0.8], step: 0)
        #expect(close(gamma, exp(-0.25), 1e-12))
        #expect(close(r[0], 1 + gamma * 0.3 * 0.2, 1e-12))
        #expect(close(r[1], 0.3 + gamma * 0.3 * 0.9, 1e-12))
        #expect(r[2] == 0.1)  // Ro < 0.2: no thinking reward
        // No correct response: gamma 1, thinking still added where Ro >= 0.2.
        let none = w.apply(outcomes: [0.3, 0.4], thinking: [0.5, 0.5], step: 0)
        #expect(none.gamma == 1)
        // Correct but no wrong... degenerate unless some Ro is between 0.1 and 0.9:
        let noWrong = w.apply(outcomes: [1, 0.6], thinking: [0.1, 0.9], step: 0)
        #expect(noWrong.gamma == 1)  // mu_w of the empty set is 0 <= mu_c
    }

    // MARK: group stage

    @Test func stageGroupsByKeyAndReportsVanishing() {
        let stage = GroupStage(spec: GroupSpec(estimator: .grpo, epsilon: 0))
        let members = [
            GroupStage.Member(group: "a", total: 1), GroupStage.Member(group: "b", total: 1),
            GroupStage.Member(group: "a", total: 0), GroupStage.Member(group: "b", total: 1),
            GroupStage.Member(group: "c", total: 0.5),
        ]
        let (results, summary) = stage.run(members)
        #expect(
            results.map(\.advantage) == [
                (1 - 0.5) / GroupStatistics.standardDeviation([1, 0]), 0,
                (0 - 0.5) / GroupStatistics.standardDeviation([1, 0]), 0, 0,
            ])
        #expect(summary.groups == 3 && summary.minSize == 1 && summary.maxSize == 2)
        #expect(close(summary.fracZeroStd, 2.0 / 3, 1e-12))  // b is all-equal, c is a group of one
        #expect(results.allSatisfy { $0.trust == nil })
    }

    @Test func stageChecksWhatTheSettingsNeed() {
        let trust = GroupStage(spec: GroupSpec(trust: GroupSpec.Trust(mode: .paper)))
        #expect(trust.check(GroupStage.Member(group: "g", total: 1))?.message.contains("thinking score") == true)
        #expect(trust.check(GroupStage.Member(group: "g", total: 1, thinking: 0.4)) == nil)
        let share = GroupStage(spec: GroupSpec(estimator: .shareGRPO))
        #expect(share.check(GroupStage.Member(group: "g", total: 1))?.field == "variant")
    }

    @Test func stageReportsZeroStdBeforeAndAfterSharing() {
        let stage = GroupStage(spec: GroupSpec(estimator: .shareGRPO))
        let members =
            (0..<6).map { _ in GroupStage.Member(group: "q", variant: "A", total: 0) }
            + [1.0, 0, 0, 0, 0, 0].map { GroupStage.Member(group: "q", variant: "B", total: $0) }
        let (results, summary) = stage.run(members)
        #expect(summary.fracZeroStdBeforeSharing == 0.5)
        #expect(summary.fracZeroStd == 0)
        #expect(summary.rowsOut == 24)
        #expect(close(results[6].advantage ?? .nan, 5.288))
    }

    @Test func groupSpecParsesAndRejects() throws {
        let spec = try GroupSpec(
            try RewardSpec.parse(
                """
                rewards: [{name: format}]
                group:
                  trust: {mode: released, alpha: 0.5, schedule: cosine, T: 100}
                  advantage: {estimator: dr_grpo, epsilon: 0}
                """
            ).group!)
        #expect(
            spec
                == GroupSpec(
                    trust: .init(mode: .released, alpha: 0.5, schedule: .cosine, T: 100), estimator: .drGRPO, epsilon: 0
                ))
        #expect(throws: ConfigError("group.advantage: 'estimator' must be one of grpo, dr_grpo, batch, share_grpo")) {
            try GroupSpec(.object([("advantage", .object([("estimator", .string("ppo"))]))]))
        }
        #expect(throws: ConfigError("group: unknown key 'trusts' (known: trust, advantage)")) {
            try GroupSpec(.object([("trusts", .object([]))]))
        }
        #expect(throws: ConfigError("group.trust: 'T' must be positive, got 0.0")) {
            try GroupSpec(.object([("trust", .object([("T", .number(0))]))]))
        }
    }
}
