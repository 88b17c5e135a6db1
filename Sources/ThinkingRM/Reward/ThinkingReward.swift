import Foundation
import Rewards

/// The `thinking` reward with a model (`{name: thinking, model: PATH}`): the checkpoint is loaded
/// once when the pipeline is built, and every row's response is scored in process, judged
/// against the row's prompt. Without `model:`, `thinking` reads `rewards.thinking` from the row
/// (`RowScoreReward`), as before.
public struct ThinkingModelReward: Reward {
    public let name: String
    /// The model, shared by every thread.
    public let model: ThinkingRewardModel
    private let pool: FeaturizerPool?

    /// A reward scoring with `model` under the component name `name`.
    public init(name: String = "thinking", model: ThinkingRewardModel) {
        self.name = name
        self.model = model
        if case let .mlp(scorer) = model { pool = FeaturizerPool { scorer.makeFeaturizer() } } else { pool = nil }
    }

    /// Builds from config options: `model` (the checkpoint path) is required here.
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["model"])
        guard case let .string(path)? = options["model"] else {
            throw RewardError("reward '\(options.rewardName)': option 'model' must be a checkpoint path (a string)")
        }
        do {
            self.init(name: options.rewardName, model: try ThinkingModelCache.shared.load(path: path))
        } catch {
            throw RewardError("reward '\(options.rewardName)': cannot load model: \(error)")
        }
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        switch model {
        case let .mlp(scorer):
            let value = pool?.with { scorer.score($0.row(question: trajectory.prompt, response: trajectory.response)) } ?? 0
            return RewardScore(value)
        case let .transformer(t):
            return RewardScore(t.scores([trajectory.response])[0])
        }
    }
}

/// Loaded models by path, so building several pipelines from one config (the CLI, the server's
/// reloads, a trainer's evaluation) reads each checkpoint once per process.
final class ThinkingModelCache: @unchecked Sendable {
    // @unchecked: `models` is only touched under `lock`.
    static let shared = ThinkingModelCache()
    private let lock = NSLock()
    private var models: [String: ThinkingRewardModel] = [:]

    func load(path: String) throws -> ThinkingRewardModel {
        lock.lock()
        defer { lock.unlock() }
        if let m = models[path] { return m }
        let m = try ThinkingRewardModel.load(path: path)
        models[path] = m
        return m
    }
}

extension RewardRegistry {
    /// The built-in rewards plus the thinking reward model: `{name: thinking, model: PATH}`
    /// scores with the checkpoint, `{name: thinking}` still reads `rewards.thinking` from the row.
    /// The CLI and the server build their pipelines from this registry.
    public static let withThinkingModel: RewardRegistry = {
        var registry = RewardRegistry.builtIn
        registry.register("thinking") { options throws(RewardError) in
            if options["model"] != nil { return try ThinkingModelReward(options: options) }
            return try RowScoreReward(options: options)
        }
        return registry
    }()
}
