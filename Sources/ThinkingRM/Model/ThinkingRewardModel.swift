import Foundation
import Rewards

/// A loaded thinking reward model, ready to score from any number of threads: a (question,
/// response) in, a score in [0,1] out.
public enum ThinkingRewardModel: Sendable {
    /// The default MLP (scores in parallel, one featuriser per thread).
    case mlp(MLPScorer)
    /// The transformer (scores one batch at a time).
    case transformer(TransformerThinkingModel)

    /// Loads the checkpoint at `path`; the file says which model it holds.
    public static func load(path: String) throws -> ThinkingRewardModel {
        try ThinkingModelCheckpoint.read(from: path).scoringModel()
    }

    /// "mlp" or "transformer".
    public var kindName: String {
        switch self {
        case .mlp: return "mlp";
        case .transformer: return "transformer"
        }
    }

    /// Thinking scores for `responses` to `questions` (parallel arrays; a nil question is
    /// allowed), in order, on all cores for the MLP: the model's scores through `ReasoningGate`,
    /// so degenerate text scores near 0 whatever the model makes of it.
    public func scores(questions: [String?], responses: [String]) -> [Double] {
        let raw = modelScores(questions: questions, responses: responses)
        return ParallelMap.map(count: raw.count, makeState: { () }) { _, i in
            ReasoningGate.apply(raw[i], question: questions[i], response: responses[i])
        }
    }

    /// The model's own scores, without `ReasoningGate` (for scoring prefixes of a response, which
    /// are unfinished by design).
    public func modelScores(questions: [String?], responses: [String]) -> [Double] {
        precondition(questions.count == responses.count, "ThinkingRewardModel.scores: lengths differ")
        switch self {
        case let .mlp(scorer):
            return ParallelMap.map(count: responses.count, makeState: { scorer.makeFeaturizer() }) { featurizer, i in
                scorer.score(featurizer.row(question: questions[i], response: responses[i]))
            }
        case let .transformer(model):
            return model.scores(responses)
        }
    }

    /// Scores of `examples` (their gold scores are ignored).
    public func scores(_ examples: [RMExample]) -> [Double] {
        scores(questions: examples.map(\.question), responses: examples.map(\.response))
    }
}

/// Featurisers handed out to scoring threads and taken back, so the per-row `thinking` reward
/// does not allocate a 1 MB buffer per call.
final class FeaturizerPool: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`.
    private let lock = NSLock()
    private var free: [RMFeaturizer] = []
    private let make: @Sendable () -> RMFeaturizer

    init(_ make: @escaping @Sendable () -> RMFeaturizer) { self.make = make }

    /// Runs `body` with a featuriser no other thread is using.
    func with<R>(_ body: (inout RMFeaturizer) -> R) -> R {
        lock.lock()
        var featurizer = free.popLast() ?? make()
        lock.unlock()
        let result = body(&featurizer)
        lock.lock()
        free.append(featurizer)
        lock.unlock()
        return result
    }
}

extension ThinkingRewardModel {
    /// The same scores as `scores(questions:responses:)`, on the calling thread only (for
    /// measuring per-core speed).
    public func scoresSequentially(questions: [String?], responses: [String]) -> [Double] {
        switch self {
        case let .mlp(scorer):
            var featurizer = scorer.makeFeaturizer()
            return zip(questions, responses).map {
                ReasoningGate.apply(
                    scorer.score(featurizer.row(question: $0, response: $1)), question: $0, response: $1)
            }
        case let .transformer(model):
            return zip(questions, model.scores(responses)).enumerated().map {
                ReasoningGate.apply($1.1, question: $1.0, response: responses[$0])
            }
        }
    }
}
