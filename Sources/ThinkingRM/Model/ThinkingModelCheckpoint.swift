import Foundation
import NN

/// Why a thinking reward model could not be loaded: the file is fine as a checkpoint but does not
/// describe a model this build can run. File-level problems are `CheckpointError`s.
public struct ThinkingModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, naming the file.
    public var message: String
    /// An error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What a thinking-RM checkpoint stores besides the weights: the model kind and everything needed
/// to rebuild it (featuriser settings or transformer shape), so loading takes no flags.
struct ThinkingModelConfig: Codable, Equatable {
    /// "mlp" or "transformer".
    var model: String
    var featurizer: RMFeaturizerSettings?
    var hidden: Int?
    var transformer: TransformerConfig?
    /// The linear n-gram term's intercept and weight in the logit (its weights are a tensor).
    var ngramLinear: NGramLinearConfig?
}

/// `NGramLinearTerm` without its weights.
struct NGramLinearConfig: Codable, Equatable {
    var bias: Float
    var mix: Float
}

/// Reads and writes thinking reward models in the NN checkpoint format (version header, CRC-32,
/// atomic write), checkpoint kind `thinking_rm`.
public enum ThinkingModelCheckpoint {
    /// The checkpoint kind every thinking-RM file carries.
    public static let kind = "thinking_rm"
    /// The tensor holding the MLP's n-gram IDF weights.
    static let idfTensor = "featurizer.idf"
    /// The tensor holding the linear n-gram term's weights.
    static let ngramLinearTensor = "ngram_linear.weight"

    /// Writes `model` to `path` atomically.
    public static func write(_ model: RMTrainedModel, to path: String) throws {
        let config: ThinkingModelConfig
        var tensors: [CheckpointTensor]
        switch model {
        case let .mlp(m):
            config = ThinkingModelConfig(
                model: "mlp", featurizer: m.settings, hidden: m.hidden,
                ngramLinear: m.ngramLinear.map { NGramLinearConfig(bias: $0.bias, mix: $0.mix) })
            tensors = m.namedParameters().map { CheckpointTensor(name: $0.name, value: $0.parameter.value) }
            if let term = m.ngramLinear {
                tensors.append(
                    CheckpointTensor(
                        name: ngramLinearTensor, value: Matrix(rows: 1, cols: term.weights.count, values: term.weights))
                )
            }
            if !m.idf.isEmpty {
                tensors.append(
                    CheckpointTensor(name: idfTensor, value: Matrix(rows: 1, cols: m.idf.count, values: m.idf)))
            }
        case let .transformer(t):
            config = ThinkingModelConfig(model: "transformer", transformer: t.config)
            tensors = t.namedParameters().map { CheckpointTensor(name: $0.name, value: $0.parameter.value) }
        }
        try CheckpointFile.write(try Checkpoint(kind: kind, config: config, tensors: tensors), to: path)
    }

    /// Reads the model at `path` in its trainable form.
    public static func read(from path: String) throws -> RMTrainedModel {
        let checkpoint = try CheckpointFile.read(from: path)
        try checkpoint.requireKind(kind)
        let config = try checkpoint.decodeConfig(ThinkingModelConfig.self)
        switch config.model {
        case "mlp":
            guard let settings = config.featurizer, let hidden = config.hidden, hidden > 0 else {
                throw ThinkingModelError("\(path): mlp checkpoint has no featurizer settings or hidden width")
            }
            guard settings.denseNames == RMFeaturizer.denseNames else {
                throw ThinkingModelError(
                    "\(path): trained with dense features [\(settings.denseNames.joined(separator: ", "))], this build computes [\(RMFeaturizer.denseNames.joined(separator: ", "))]; retrain the model"
                )
            }
            guard settings.denseMean.count == settings.denseNames.count,
                settings.denseScale.count == settings.denseNames.count,
                settings.ngramDimension > 0, settings.ngramDimension <= 1 << 26
            else {
                throw ThinkingModelError(
                    "\(path): featurizer settings are inconsistent (dimension \(settings.ngramDimension), \(settings.denseMean.count) means for \(settings.denseNames.count) features)"
                )
            }
            let model = MLPThinkingModel(settings: settings, hidden: hidden)
            try checkpoint.load(into: model.namedParameters())
            if settings.tfidf {
                guard let idf = checkpoint.tensor(named: idfTensor), idf.count == settings.ngramDimension else {
                    throw ThinkingModelError(
                        "\(path): tf-idf model without a \(idfTensor) tensor of \(settings.ngramDimension) weights")
                }
                model.idf = idf.storage
            }
            if let term = config.ngramLinear {
                guard let weights = checkpoint.tensor(named: ngramLinearTensor),
                    weights.count == settings.ngramDimension
                else {
                    throw ThinkingModelError(
                        "\(path): linear n-gram term without a \(ngramLinearTensor) tensor of \(settings.ngramDimension) weights"
                    )
                }
                model.ngramLinear = NGramLinearTerm(weights: weights.storage, bias: term.bias, mix: term.mix)
            }
            return .mlp(model)
        case "transformer":
            guard let shape = config.transformer, shape.vocabSize == 256, shape.dim > 0, shape.heads > 0,
                shape.dim % shape.heads == 0, shape.layers > 0, shape.maxSeqLen > 0
            else {
                throw ThinkingModelError(
                    "\(path): transformer checkpoint has no usable shape (byte vocabulary of 256, dim divisible by heads)"
                )
            }
            let model = TransformerThinkingModel(config: shape)
            try checkpoint.load(into: model.namedParameters())
            return .transformer(model)
        default:
            throw ThinkingModelError("\(path): unknown thinking model '\(config.model)' (known: mlp, transformer)")
        }
    }
}

/// A thinking reward model in trainable form (owns parameters; one training loop at a time).
public enum RMTrainedModel {
    /// The default: hashed n-grams + reasoning features into an MLP.
    case mlp(MLPThinkingModel)
    /// Byte tokens into a small transformer encoder.
    case transformer(TransformerThinkingModel)

    /// "mlp" or "transformer".
    public var kindName: String {
        switch self {
        case .mlp: return "mlp";
        case .transformer: return "transformer"
        }
    }

    /// The thread-safe scoring form of the current weights.
    public func scoringModel() -> ThinkingRewardModel {
        switch self {
        case let .mlp(m): return .mlp(m.scorer())
        case let .transformer(t): return .transformer(t)
        }
    }
}
