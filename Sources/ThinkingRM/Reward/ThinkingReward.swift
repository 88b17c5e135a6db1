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
            let value =
                pool?.with { scorer.score($0.row(question: trajectory.prompt, response: trajectory.response)) } ?? 0
            return RewardScore(ReasoningGate.apply(value, question: trajectory.prompt, response: trajectory.response))
        case let .transformer(t):
            return RewardScore(
                ReasoningGate.apply(
                    t.scores([trajectory.response])[0], question: trajectory.prompt, response: trajectory.response))
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

/// `{name: thinking}` without `model:`: a row's own `rewards.thinking` when it carries one (scored
/// upstream), else the default model `models/thinking.rkck` (relative to the working
/// directory) when it exists; without either the row fails with how to build the model.
public struct DefaultThinkingReward: Reward {
    /// Where the default model is looked for.
    public static let defaultPath = "models/thinking.rkck"
    public let name: String
    private let fromRow: RowScoreReward
    private let model: ThinkingModelReward?

    /// Builds from config options (none are taken); loads the default model once if present.
    public init(options: RewardOptions, path: String = DefaultThinkingReward.defaultPath) throws(RewardError) {
        fromRow = try RowScoreReward(options: options)
        name = options.rewardName
        guard FileManager.default.fileExists(atPath: path) else { model = nil; return }
        do {
            model = ThinkingModelReward(name: name, model: try ThinkingModelCache.shared.load(path: path))
        } catch {
            throw RewardError(
                "reward '\(name)': cannot load the default model \(path): \(error); rebuild it with `make thinking-model`"
            )
        }
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        if trajectory.rewards?[name] != nil { return try fromRow.score(trajectory) }
        guard let model else {
            throw RewardError(
                "the row has no rewards.\(name) score and the default thinking model \(Self.defaultPath) does not exist: build it with `make thinking-model`, or give {name: \(name), model: PATH}"
            )
        }
        return try model.score(trajectory)
    }
}

extension RewardRegistry {
    /// The built-in rewards plus the thinking reward model: `{name: thinking, model: PATH}`
    /// scores with the checkpoint; `{name: thinking}` reads `rewards.thinking` from the row, or
    /// scores with the default model `models/thinking.rkck` (`DefaultThinkingReward`).
    /// The CLI and the server build their pipelines from this registry.
    public static let withThinkingModel: RewardRegistry = {
        var registry = RewardRegistry.builtIn
        registry.register("thinking") { options throws(RewardError) in
            if options["model"] != nil { return try ThinkingModelReward(options: options) }
            return try DefaultThinkingReward(options: options)
        }
        return registry
    }()
}
