/// One verifier's figures on a set of labelled rollouts: overall, by extraction path, by answer
/// kind of the gold, with the first few rollouts of each error kind.
public struct VerifierAudit: Sendable {
    /// An error the verifier made on one rollout, kept as an example.
    public struct Example: Sendable, Equatable {
        /// The rollout.
        public var rollout: LabeledRollout
        /// The gold answer as compared.
        public var gold: String
        /// What the verifier said.
        public var verdict: AuditVerdict
    }

    /// The verifier's name ("accuracy", "math-verify").
    public var name: String
    /// All rollouts.
    public var total = AuditTally()
    /// By extraction path (empty when the verifier does not say), sorted by path.
    public var byPath: [(path: String, tally: AuditTally)] = []
    /// By answer kind of the gold, in `AnswerKind` order; kinds with no rollout are left out.
    public var byKind: [(kind: AnswerKind, tally: AuditTally)] = []
    /// The first `examples` false accepts, in file order.
    public var falseAcceptExamples: [Example] = []
    /// The first `examples` false rejects, in file order.
    public var falseRejectExamples: [Example] = []
    /// Seconds the verdicts took, when measured.
    public var seconds: Double?

    /// Tallies `verdicts` (parallel to `rollouts`) against the labels; `golds` are the gold answers
    /// as compared (parallel too), which the kinds are read from.
    public init(
        name: String, rollouts: [LabeledRollout], golds: [String], verdicts: [AuditVerdict], examples: Int,
        seconds: Double? = nil
    ) {
        precondition(
            rollouts.count == verdicts.count && rollouts.count == golds.count, "one verdict and one gold per rollout")
        self.name = name
        self.seconds = seconds
        var paths: [String: AuditTally] = [:], kinds: [AnswerKind: AuditTally] = [:]
        for (i, rollout) in rollouts.enumerated() {
            let verdict = verdicts[i]
            total.add(accepted: verdict.accepted, label: rollout.label)
            if let path = verdict.path {
                paths[path, default: AuditTally()].add(accepted: verdict.accepted, label: rollout.label)
            }
            kinds[AnswerKind.classify(golds[i]), default: AuditTally()].add(
                accepted: verdict.accepted, label: rollout.label)
            guard verdict.accepted != rollout.label else { continue }
            let example = Example(rollout: rollout, gold: golds[i], verdict: verdict)
            if verdict.accepted, falseAcceptExamples.count < examples { falseAcceptExamples.append(example) }
            if !verdict.accepted, falseRejectExamples.count < examples { falseRejectExamples.append(example) }
        }
        byPath = paths.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        byKind = AnswerKind.allCases.compactMap { kind in kinds[kind].map { (kind, $0) } }
    }
}
