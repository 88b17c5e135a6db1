/// Judges labelled rollouts as the `accuracy` reward scores them, one after another, timing the
/// judgements alone (not the reading of the file), so the time compares with a peer's.
///
/// Math rows (no `problem_type`, `math`, `numerical`) go through `AccuracyReward.judge`, which
/// names the extraction path. Other types are scored by their type as `accuracy` does
/// (`OutcomeReward`: options as letter sets, OCR and free-form text by overlap); a score of at
/// least 0.5 counts as accepted, and the path is where the extractor found the answer.
public struct AccuracyAuditor: Sendable {
    /// The reward whose judgement is audited.
    public let reward: AccuracyReward

    /// Makes an auditor for `reward`.
    public init(reward: AccuracyReward) {
        self.reward = reward
    }

    /// What judging a list of rollouts gave.
    public struct Judged: Sendable {
        /// The rollouts judged, in order: those the reward could score.
        public var rollouts: [LabeledRollout] = []
        /// The gold answer as compared, parallel to `rollouts`.
        public var golds: [String] = []
        /// The verdicts, parallel to `rollouts`.
        public var verdicts: [AuditVerdict] = []
        /// Rollouts the reward could not score (a multiple-choice key that names no option), by line.
        public var failures: [UnreadableRow] = []
        /// Seconds the judgements took.
        public var seconds = 0.0
    }

    /// Judges every rollout in order; `progress` hears the number done now and then.
    public func judge(_ rollouts: [LabeledRollout], progress: ((Int) -> Void)? = nil) -> Judged {
        var judged = Judged()
        judged.rollouts.reserveCapacity(rollouts.count)
        judged.golds.reserveCapacity(rollouts.count)
        judged.verdicts.reserveCapacity(rollouts.count)
        var busy = Duration.zero
        let clock = ContinuousClock()
        for (i, rollout) in rollouts.enumerated() {
            let started = clock.now
            let outcome = verdict(rollout)
            busy += clock.now - started
            switch outcome {
            case let .success((gold, verdict)):
                judged.rollouts.append(rollout)
                judged.golds.append(gold)
                judged.verdicts.append(verdict)
            case let .failure(error):
                judged.failures.append(UnreadableRow(line: rollout.line, message: error.message))
            }
            if i % 512 == 511 { progress?(i + 1) }
        }
        progress?(rollouts.count)
        let parts = busy.components
        judged.seconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        return judged
    }

    private func verdict(_ rollout: LabeledRollout) -> Result<(gold: String, verdict: AuditVerdict), RewardError> {
        switch rollout.problemType ?? "math" {
        case "math", "numerical":
            let judgement = reward.judge(
                response: rollout.response, reference: rollout.reference, options: rollout.options)
            return .success(
                (judgement.gold ?? reward.extractor.referenceAnswer(from: rollout.reference), AuditVerdict(judgement)))
        default:
            let trajectory = Trajectory(
                response: rollout.response, answer: rollout.reference, problemType: rollout.problemType,
                options: rollout.options)
            let score: RewardScore
            do { score = try OutcomeReward(math: reward).score(trajectory) } catch { return .failure(error) }
            let extraction = reward.extractor.extract(from: rollout.response)
            let verdict = AuditVerdict(
                accepted: score.value >= 0.5, path: extraction.anchor?.rawValue ?? "none", predicted: extraction.answer)
            return .success((reward.extractor.referenceAnswer(from: rollout.reference), verdict))
        }
    }
}
