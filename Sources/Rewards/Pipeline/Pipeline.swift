import Dispatch

/// Scores trajectories with the rewards of a `RewardSpec`: the one scoring path behind
/// `rewardkit score`, the server, the trainer and the library API.
public struct Pipeline: Sendable {
    /// One built reward with its component name and weight.
    public struct Component: Sendable {
        /// Component name in output rows.
        public let name: String
        /// Weight in the total reward.
        public let weight: Double
        /// The reward itself.
        public let reward: any Reward
    }

    /// The spec this pipeline was built from.
    public let spec: RewardSpec
    /// The rewards, in config order.
    public let components: [Component]
    /// The component names, in config order (shared by every scored row).
    public let componentNames: [String]
    /// The group step (trust weighting, advantages), when the config has `group:`.
    public let group: GroupSpec?
    /// The fields some reward reads (all of them when there is a group step, which groups by prompt).
    public let fieldsRead: TrajectoryFields
    /// Notices responses whose `format` tags vanished in decoding.
    let vanishedTags: VanishedTags

    /// Builds every reward of `spec` from `registry`; throws on an unknown reward or bad option.
    public init(spec: RewardSpec, registry: RewardRegistry = .builtIn) throws(ConfigError) {
        self.group = try spec.group.map { value throws(ConfigError) in try GroupSpec(value) }
        var built: [Component] = []
        for entry in spec.rewards {
            do {
                built.append(
                    Component(
                        name: entry.component, weight: entry.weight,
                        reward: try FormatGatedReward.build(entry.options, registry: registry)))
            } catch {
                throw ConfigError(error.message)
            }
        }
        self.spec = spec
        self.components = built
        self.componentNames = built.map(\.name)
        self.fieldsRead = group != nil ? .all : built.reduce([]) { $0.union($1.reward.fieldsRead) }
        self.vanishedTags = VanishedTags(built)
    }

    /// Scores one trajectory with every reward; the first reward that fails makes it an error.
    public func score(_ trajectory: Trajectory) -> Result<ScoredTrajectory, RowError> {
        // Every reward reads the same cleaned response (no end-of-sequence tokens, prefilled <think> restored).
        let (trajectory, note) = spec.response.apply(trajectory)
        var scores: [RewardScore] = []
        scores.reserveCapacity(components.count)
        var total = 0.0
        // The components are read in place: `for component in components` copies each one, a
        // retain and release of its reward and name per component per row.
        let failure: RowError? = components.withUnsafeBufferPointer { components in
            for i in components.indices {
                do throws(RewardError) {
                    let s = try best(components[i].reward, trajectory)
                    scores.append(s)
                    total += components[i].weight * s.value
                } catch {
                    return .reward(name: components[i].name, message: error.message)
                }
            }
            return nil
        }
        if let failure { return .failure(failure) }
        return .success(
            ScoredTrajectory(
                names: componentNames, scores: scores, total: total, responseNote: note,
                formatTagsMissing: vanishedTags.missing(scores, response: trajectory.response)))
    }

    /// The reward's score against the best of the acceptable answers: a row may list several, and
    /// any of them counts as correct. Rewards that do not read the answer are called once.
    /// The per-row path and the batch path (`scoreBatch`) both take a row's score from here.
    func best(_ reward: any Reward, _ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        var top = try reward.score(trajectory)
        guard !trajectory.otherAnswers.isEmpty, reward.fieldsRead.contains(.answer) else { return top }
        var other = trajectory
        for answer in trajectory.otherAnswers {
            other.answer = answer
            let s = try reward.score(other)
            if s.value > top.value { top = s }
        }
        return top
    }

    /// Scores many trajectories on all cores; results come back in input order.
    /// With a reward that calls a served model, the batch goes to it at once (`scoreBatch`).
    public func score(_ trajectories: [Trajectory]) -> [Result<ScoredTrajectory, RowError>] {
        if callsModels { return scoreBatch(trajectories) }
        return ParallelMap.map(trajectories) { score($0) }
    }
}

/// The rewards of one trajectory: a score per component and the weighted total.
public struct ScoredTrajectory: Sendable, Equatable {
    /// Component names, parallel to `scores`.
    public let names: [String]
    /// Each component's score, in config order.
    public let scores: [RewardScore]
    /// The weighted sum of the component values.
    public let total: Double
    /// What was done to the response before the rewards read it (`ResponseCleanup`); nil for nothing.
    public let responseNote: String?
    /// Whether a `format` reward scored 0 on a response holding none of its tags.
    public let formatTagsMissing: Bool

    /// Makes a result.
    public init(
        names: [String], scores: [RewardScore], total: Double, responseNote: String? = nil,
        formatTagsMissing: Bool = false
    ) {
        self.names = names
        self.scores = scores
        self.total = total
        self.responseNote = responseNote
        self.formatTagsMissing = formatTagsMissing
    }

    /// Component values by name.
    public var rewards: [String: Double] {
        Dictionary(zip(names, scores.map(\.value)), uniquingKeysWith: { first, _ in first })
    }
}
