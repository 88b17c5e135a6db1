/// The group step of the pipeline: totals (with Trust-GRPO weighting) and advantages for a batch
/// of scored rows, grouped by their group key. Shared by `score`, `advantages`, the server and
/// the trainer.
public struct GroupStage: Sendable {
    /// One scored row as the group step sees it.
    public struct Member: Sendable, Equatable {
        /// The group (question) id.
        public var group: String
        /// Share-GRPO: the variant that generated the response.
        public var variant: String?
        /// The total when trust weighting is off (weighted sum of every component).
        public var total: Double
        /// Outcome reward Ro: the weighted sum of every component but `thinking`.
        public var outcome: Double
        /// Thinking reward Rt, when the row has one.
        public var thinking: Double?

        /// Makes a member.
        public init(
            group: String, variant: String? = nil, total: Double, outcome: Double? = nil, thinking: Double? = nil
        ) {
            self.group = group
            self.variant = variant
            self.total = total
            self.outcome = outcome ?? total
            self.thinking = thinking
        }
    }

    /// What the group step adds to one row.
    public struct Result: Sendable, Equatable {
        /// The total reward after trust weighting.
        public var reward: Double
        /// The advantage (for `share_grpo`, the advantage under the row's own variant); nil when
        /// rows are scored without a group step.
        public var advantage: Double?
        /// The group's trust gamma, when trust weighting ran.
        public var trust: Double?
        /// `share_grpo`: one advantage per prompt variant.
        public var shared: [ShareGRPO.SharedAdvantage]?
    }

    /// Counts for the run summary.
    public struct Summary: Sendable, Equatable {
        /// Number of groups (questions).
        public var groups = 0
        /// Smallest and largest group size.
        public var minSize = 0, maxSize = 0
        /// Share of groups whose rewards are all equal (their advantages vanish).
        public var fracZeroStd = 0.0
        /// `share_grpo`: share of (question, variant) groups with equal rewards, before expansion.
        public var fracZeroStdBeforeSharing: Double?
        /// Mean trust gamma over groups, when trust weighting ran.
        public var trustMean: Double?
        /// Rows written (more than members with `share_grpo`).
        public var rowsOut = 0
    }

    /// A row the group step cannot use, by index.
    public struct MemberError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Index of the member.
        public var index: Int
        /// What is missing.
        public var message: String
        public var description: String { message }
    }

    /// The settings.
    public let spec: GroupSpec
    /// The training step, for the annealing schedule.
    public let step: Int

    /// Makes the step.
    public init(spec: GroupSpec, step: Int = 0) {
        self.spec = spec
        self.step = step
    }

    /// What the step needs of each member, as the error of a member that lacks it (it becomes an
    /// error row naming the missing field).
    public func check(_ member: Member) -> RowError? {
        if spec.trust.mode != .off && member.thinking == nil {
            return .badField(
                name: "rewards.thinking",
                problem:
                    "is missing: trust weighting needs a thinking score: add a `thinking` reward to the config or `rewards.thinking` to the row"
            )
        }
        if spec.estimator == .shareGRPO && member.variant == nil {
            return .badField(
                name: "variant",
                problem: "is missing: share_grpo needs the question variant that generated the response on every row")
        }
        return nil
    }

    /// Results for `members` (all passing `check`), in member order, with the summary.
    public func run(_ members: [Member]) -> ([Result], Summary) {
        var order: [String] = []
        var indices: [String: [Int]] = [:]
        for (i, m) in members.enumerated() {
            if indices[m.group] == nil { order.append(m.group) }
            indices[m.group, default: []].append(i)
        }
        // Totals first: trust weighting is per group.
        var totals = members.map(\.total)
        var gammas: [String: Double] = [:]
        if spec.trust.mode != .off {
            let weighting = TrustWeighting(spec.trust)
            for key in order {
                let idx = indices[key, default: []]
                let (rewards, gamma) = weighting.apply(
                    outcomes: idx.map { members[$0].outcome },
                    thinking: idx.map { members[$0].thinking ?? 0 }, step: step)
                for (i, r) in zip(idx, rewards) { totals[i] = r }
                gammas[key] = gamma
            }
        }
        let batchStd = GroupStatistics.standardDeviation(totals)
        var results = [Result](repeating: Result(reward: 0, advantage: 0), count: members.count)
        var summary = Summary()
        var zeroGroups = 0, variantGroups = 0, zeroVariantGroups = 0
        for key in order {
            let idx = indices[key, default: []]
            let rewards = idx.map { totals[$0] }
            if GroupStatistics.hasZeroSpread(rewards) { zeroGroups += 1 }
            let gamma = gammas[key]
            if spec.estimator == .shareGRPO {
                let variants = idx.map { members[$0].variant ?? "" }
                for v in Set(variants) {
                    variantGroups += 1
                    if GroupStatistics.hasZeroSpread(zip(variants, rewards).filter { $0.0 == v }.map(\.1)) {
                        zeroVariantGroups += 1
                    }
                }
                let shared = ShareGRPO.advantages(variants: variants, rewards: rewards, epsilon: spec.epsilon)
                for (n, i) in idx.enumerated() {
                    let own = shared[n].first { !$0.shared }?.advantage ?? 0
                    results[i] = Result(reward: rewards[n], advantage: own, trust: gamma, shared: shared[n])
                    summary.rowsOut += shared[n].count
                }
            } else {
                let advantages = spec.estimator.advantages(rewards, epsilon: spec.epsilon, batchStd: batchStd)
                for (n, i) in idx.enumerated() {
                    results[i] = Result(reward: rewards[n], advantage: advantages[n], trust: gamma)
                }
                summary.rowsOut += idx.count
            }
        }
        summary.groups = order.count
        let sizes = order.map { indices[$0, default: []].count }
        summary.minSize = sizes.min() ?? 0
        summary.maxSize = sizes.max() ?? 0
        summary.fracZeroStd = order.isEmpty ? 0 : Double(zeroGroups) / Double(order.count)
        if spec.estimator == .shareGRPO {
            summary.fracZeroStdBeforeSharing =
                variantGroups == 0 ? 0 : Double(zeroVariantGroups) / Double(variantGroups)
        }
        if spec.trust.mode != .off, !gammas.isEmpty {
            summary.trustMean = GroupStatistics.mean(Array(gammas.values))
        }
        return (results, summary)
    }
}
