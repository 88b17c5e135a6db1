/// Judges labelled rollouts with the `accuracy` reward's engine, one after another, timing the
/// judgements alone (not the reading of the file), so the time compares with a peer's.
public struct AccuracyAuditor: Sendable {
    /// The reward whose judgement is audited.
    public let reward: AccuracyReward

    /// Makes an auditor for `reward`.
    public init(reward: AccuracyReward) {
        self.reward = reward
    }

    /// The gold answer as compared and the verdict of each rollout, in order, and the seconds the
    /// judgements took. `progress` hears the number done now and then.
    public func judge(_ rollouts: [LabelledRollout], progress: ((Int) -> Void)? = nil)
        -> (golds: [String], verdicts: [AuditVerdict], seconds: Double) {
        var golds: [String] = [], verdicts: [AuditVerdict] = []
        golds.reserveCapacity(rollouts.count)
        verdicts.reserveCapacity(rollouts.count)
        var busy = Duration.zero
        let clock = ContinuousClock()
        for (i, rollout) in rollouts.enumerated() {
            let started = clock.now
            let judgement = reward.judge(response: rollout.response, reference: rollout.reference, options: rollout.options)
            busy += clock.now - started
            golds.append(judgement.gold ?? reward.extractor.referenceAnswer(from: rollout.reference))
            verdicts.append(AuditVerdict(judgement))
            if i % 512 == 511 { progress?(i + 1) }
        }
        progress?(rollouts.count)
        let parts = busy.components
        return (golds, verdicts, Double(parts.seconds) + Double(parts.attoseconds) * 1e-18)
    }
}
