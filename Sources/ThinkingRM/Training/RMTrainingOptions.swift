import NN

/// How to train a thinking reward model (`rewardkit rm train` flags map onto these).
public struct RMTrainingOptions: Sendable {
    /// Which model to train.
    public enum ModelKind: String, Sendable, CaseIterable {
        /// Hashed n-grams + reasoning features into an MLP (the default; fast).
        case mlp
        /// Byte tokens into a small transformer encoder.
        case transformer
    }

    /// The model.
    public var model: ModelKind = .mlp
    /// Passes over the training rows.
    public var epochs = 4
    /// AdamW step size; nil picks the model's default (MLP 2e-3, transformer 1e-3).
    public var learningRate: Float?
    /// Rows per step (whole questions are kept together, so batches can run a little over).
    public var batchSize = 64
    /// Seed for initial weights and shuffling.
    public var seed: UInt64 = 1
    /// MLP hidden width. 16 rather than 32: scoring is bound by fetching one weight row per
    /// n-gram from a table far larger than cache, and a 16-float row is one cache line.
    public var hidden = 16
    /// AdamW decoupled weight decay on the MLP's weights (n-gram rows decay when a batch touches them).
    public var weightDecay: Float = 0
    /// Weight of the within-question Bradley-Terry term added to BCE (0 = BCE only).
    public var pairwiseWeight: Float = 0
    /// Share of training rows (per epoch) whose n-gram block is hidden so the MLP must score from
    /// the reasoning features alone: n-grams learn the generator's wording, which held-out
    /// responses do not share; the features carry over.
    public var ngramDropout: Float = 0
    /// Weight the MLP's n-grams TF-IDF style (sublinear counts times inverse document frequency).
    /// On by default: on synthetic data with problem kinds held out it gives higher pairwise
    /// accuracy and lower MAE than raw counts (`scripts/rm_select.sh`; figures in docs/benchmarks.md).
    public var tfidf = true
    /// MLPs trained with seeds `seed`, `seed + 1`, ... on the same rows whose logits are averaged
    /// into one model (`MLPThinkingModel.averaging`); 1 trains one MLP.
    public var members = 1
    /// Weight in the logit of a linear model fitted to the n-grams alone (`NGramLinearTerm`);
    /// 0 trains none.
    public var ngramLinearMix: Float = 0
    /// Hash buckets for the MLP's n-grams.
    public var ngramDimension = 1 << 18
    /// The transformer's shape.
    public var transformer = TransformerThinkingModel.defaultConfig

    /// Defaults.
    public init() {}

    /// The step size in use.
    public var effectiveLearningRate: Float { learningRate ?? (model == .mlp ? 2e-3 : 1e-3) }
}

/// What happened in one epoch.
public struct RMEpochReport: Sendable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Mean training loss over the epoch's steps (BCE plus the weighted pairwise term).
    public var trainLoss: Double
    /// Wall-clock seconds for the epoch (training only).
    public var seconds: Double
    /// Which seed member (0-based) when several are trained; nil for a single model.
    public var member: Int?
    /// BCE of the validation predictions, when there is a validation set.
    public var validationLoss: Double?
    /// Validation metrics, when there is a validation set.
    public var validation: RMMetrics?
}

/// Progress events from `RMTrainer.train`.
public enum RMTrainingEvent: Sendable {
    /// Featurising finished (rows, seconds).
    case featurized(rows: Int, seconds: Double)
    /// A step finished: epoch, steps done and total this epoch, running mean loss.
    case step(epoch: Int, done: Int, total: Int, loss: Double)
    /// An epoch finished.
    case epoch(RMEpochReport)
    /// The whole model (seed members averaged, the linear n-gram term added) on the validation
    /// rows; sent only when it differs from the last epoch's single MLP.
    case combined(validationLoss: Double, validation: RMMetrics)
}
