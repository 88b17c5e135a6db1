import Foundation
import NN

/// Where a GRPO run stands, stored in its checkpoint so `--resume` continues exactly: the step
/// count, the run seed (every step's random stream is derived from seed and step, so no generator
/// state needs saving), and AdamW's step count for its bias correction.
public struct TrainingState: Codable, Sendable, Equatable {
    /// Steps completed.
    public var step: Int
    /// The run seed.
    public var seed: UInt64
    /// AdamW steps taken (several per GRPO step with minibatches).
    public var optimizerSteps: Int
    /// Seconds of training so far (the log's wall time continues from here).
    public var wallSeconds: Double
}

/// A policy checkpoint file (kind `grpo-policy`): the weights; for a GRPO run in progress also the
/// AdamW moments, the frozen reference under `ref.*`, and a `TrainingState`.
public enum PolicyCheckpoint {
    /// The checkpoint kind.
    public static let kind = "grpo-policy"
    static let referencePrefix = "ref"

    struct Header: Codable {
        var policy: PolicyConfig
        var training: TrainingState?
    }

    /// Writes `policy` (atomically); with `optimizer`, `reference` and `state`, a resumable run.
    public static func save(
        _ policy: Policy, to path: String, optimizer: AdamW? = nil, reference: Policy? = nil,
        state: TrainingState? = nil
    ) throws {
        let named = policy.model.namedParameters()
        var tensors = try Checkpoint(
            kind: kind, config: Header(policy: policy.config, training: state), parameters: named,
            optimizerState: optimizer != nil
        ).tensors
        if let reference {
            tensors += reference.model.namedParameters().prefixed(referencePrefix).map {
                CheckpointTensor(name: $0.name, value: $0.parameter.value)
            }
        }
        try CheckpointFile.write(
            try Checkpoint(kind: kind, config: Header(policy: policy.config, training: state), tensors: tensors),
            to: path)
    }

    /// The policy stored at `path` (weights only).
    public static func loadPolicy(path: String) throws -> Policy {
        let (policy, _, _) = try open(path)
        return policy
    }

    /// A run in progress: the policy with its optimizer moments restored into `optimizer`, the
    /// reference, and the state.
    public static func loadRun(
        path: String, optimizer: AdamW
    ) throws -> (policy: Policy, reference: Policy, state: TrainingState) {
        let (policy, checkpoint, header) = try open(path)
        guard let state = header.training else {
            throw CheckpointError.badHeader(
                path: path, detail: "no training state: this is a policy, not a GRPO run to resume")
        }
        try checkpoint.load(into: policy.model.namedParameters(), optimizerState: true)
        let reference = Policy(config: policy.config, seed: 0)
        try checkpoint.load(into: reference.model.namedParameters().prefixed(referencePrefix))
        optimizer.stepCount = state.optimizerSteps
        return (policy, reference, state)
    }

    private static func open(_ path: String) throws -> (Policy, Checkpoint, Header) {
        let checkpoint = try CheckpointFile.read(from: path)
        try checkpoint.requireKind(kind)
        let header = try checkpoint.decodeConfig(Header.self)
        let policy = Policy(config: header.policy, seed: 0)
        try checkpoint.load(into: policy.model.namedParameters())
        return (policy, checkpoint, header)
    }
}
