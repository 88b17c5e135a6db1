import Foundation
import ModelClient
import Rewards

/// A pipeline from a YAML config through the registry with the model-calling rewards.
func modelPipeline(_ yaml: String, context: ModelClientContext = ModelClientContext()) throws -> Pipeline {
    try Pipeline(spec: try RewardSpec.parse(yaml), registry: RewardRegistry.builtIn.withModelEndpoints(context))
}

/// The thinking reward's config against `server` with extra endpoint options (`, retries: 1`);
/// 8 in flight unless `extra` says otherwise.
func thinkingConfig(_ server: StubServer, _ extra: String = "") -> String {
    let concurrency = extra.contains("concurrency:") ? "" : ", concurrency: 8"
    return
        "rewards:\n  - {name: thinking, endpoint: {url: \"\(server.url)\", model: thinking-reward-model, backoff_s: 0.01\(concurrency)\(extra)}}\n"
}

extension Result where Success == ScoredTrajectory, Failure == RowError {
    /// The first component's value, or nil for an error row.
    var value: Double? { try? get().scores[0].value }
    /// The error row's message, or nil.
    var errorMessage: String? {
        if case let .failure(e) = self { return e.description }
        return nil
    }
}
