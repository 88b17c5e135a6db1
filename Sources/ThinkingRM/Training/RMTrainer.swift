import Foundation
import NN
import Rewards

/// Trains a thinking reward model on pointwise rows, with per-epoch validation.
public enum RMTrainer {
    /// Trains on `training` and, after every epoch, evaluates on `validation` (when given).
    /// `onEvent` receives progress (featurising, steps, epochs) on the calling thread.
    public static func train(
        _ training: [RMExample], validation: [RMExample]? = nil, options: RMTrainingOptions,
        onEvent: (RMTrainingEvent) -> Void = { _ in }
    ) -> RMTrainedModel {
        switch options.model {
        case .mlp: return .mlp(trainMLP(training, validation: validation, options: options, onEvent: onEvent))
        case .transformer:
            return .transformer(trainTransformer(training, validation: validation, options: options, onEvent: onEvent))
        }
    }

    /// Batches for one epoch: questions shuffled, each question's rows kept together (so the
    /// pairwise term sees within-question pairs), cut after at least `size` rows.
    static func batches(questionOf: [Int], size: Int, rng: inout SeededRandom) -> [[Int]] {
        var groups: [Int: [Int]] = [:]
        for (i, q) in questionOf.enumerated() { groups[q, default: []].append(i) }
        var keys = groups.keys.sorted()
        for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, rng.nextInt(below: i + 1)) }
        var out: [[Int]] = [], current: [Int] = []
        for k in keys {
            current += groups[k] ?? []
            if current.count >= size { out.append(current); current = [] }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Question ids: equal question text, equal id.
    static func questionIDs(_ rows: [RMExample]) -> [Int] {
        var ids: [String: Int] = [:]
        return rows.map { r in
            if let id = ids[r.question] { return id }
            ids[r.question] = ids.count
            return ids.count - 1
        }
    }

    static func validate(_ model: ThinkingRewardModel, _ rows: [RMExample]) -> (Double, RMMetrics) {
        let p = model.scores(rows)
        let gold = rows.map(\.score)
        return (RMLoss.bce(p, gold), RMMetrics(predicted: p, gold: gold, questions: rows.map(\.question)))
    }

    static func trainMLP(
        _ training: [RMExample], validation: [RMExample]?, options: RMTrainingOptions,
        onEvent: (RMTrainingEvent) -> Void
    ) -> MLPThinkingModel {
        let started = Date()
        var settings = RMFeaturizerSettings(ngramDimension: options.ngramDimension, tfidf: options.tfidf)
        var raw = ParallelMap.map(count: training.count, makeState: { HashedNGrams(dimension: options.ngramDimension) })
        { ngrams, i in
            (
                ngrams.features(of: training[i].response),
                RMFeaturizer.dense(question: training[i].question, response: training[i].response)
            )
        }
        settings.fitScaling(raw.map(\.1))
        var idf: [Float] = []
        if settings.tfidf {
            // Document frequencies from the first pass, then the n-grams again with the weights.
            idf = RMFeaturizer.inverseDocumentFrequency(raw.map(\.0), dimension: settings.ngramDimension)
            let (fixedSettings, fixedIDF) = (settings, idf)
            let weighted = ParallelMap.map(
                count: training.count, makeState: { RMFeaturizer.ngrams(fixedSettings, idf: fixedIDF) }
            ) { ngrams, i in
                ngrams.features(of: training[i].response)
            }
            for i in raw.indices { raw[i].0 = weighted[i] }
        }
        let featurizer = RMFeaturizer(settings: settings, idf: idf)
        let rows = raw.map { featurizer.row(ngrams: $0.0, dense: $0.1) }
        let denseStart = raw.map(\.0.count)  // where each row's dense entries begin
        onEvent(.featurized(rows: rows.count, seconds: Date().timeIntervalSince(started)))

        let members = (0..<max(1, options.members)).map { k in
            fitMember(
                rows: rows, denseStart: denseStart, training: training, settings: settings, idf: idf, options: options,
                seed: options.seed &+ UInt64(k), member: k, validation: validation, onEvent: onEvent)
        }
        let model = MLPThinkingModel.averaging(members)
        if options.ngramLinearMix > 0 {
            model.ngramLinear = NGramLinearTerm.fit(
                rows.indices.map { rows[$0][..<denseStart[$0]] }, targets: training.map { Float($0.score) },
                dimension: settings.ngramDimension, epochs: options.epochs, seed: options.seed,
                mix: options.ngramLinearMix)
        }
        if members.count > 1 || model.ngramLinear != nil, let validation, !validation.isEmpty {
            let (loss, metrics) = validate(.mlp(model.scorer()), validation)
            onEvent(.combined(validationLoss: loss, validation: metrics))
        }
        return model
    }

    /// One MLP trained on the featurised rows with `seed` (weights and shuffling); the seed
    /// members of an ensemble differ only in it.
    static func fitMember(
        rows: [[SparseEntry]], denseStart: [Int], training: [RMExample], settings: RMFeaturizerSettings,
        idf: [Float], options: RMTrainingOptions, seed: UInt64, member: Int, validation: [RMExample]?,
        onEvent: (RMTrainingEvent) -> Void
    ) -> MLPThinkingModel {
        let model = MLPThinkingModel(settings: settings, hidden: options.hidden, seed: seed)
        model.idf = idf
        let dense = [model.first.bias, model.second.weight] + (model.second.bias.map { [$0] } ?? [])
        let adam = AdamW(learningRate: options.effectiveLearningRate, weightDecay: options.weightDecay)
        let targets = training.map { Float($0.score) }
        let questions = questionIDs(training)
        var rng = SeededRandom(seed: seed &+ 1)
        var x = SparseRows()
        for epoch in 1...max(1, options.epochs) {
            let epochStart = Date()
            let plan = batches(questionOf: questions, size: options.batchSize, rng: &rng)
            var lossSum = 0.0
            for (b, batch) in plan.enumerated() {
                x.removeAll()
                for i in batch {
                    let hide = options.ngramDropout > 0 && rng.nextUnitFloat() < options.ngramDropout
                    x.appendRow(rows[i][(hide ? denseStart[i] : 0)...].lazy.map { ($0.index, $0.value) })
                }
                let logits = model.forward(x)
                let (loss, grad) = RMLoss.compute(
                    logits: logits, targets: batch.map { targets[$0] },
                    questions: batch.map { questions[$0] }, pairwiseWeight: options.pairwiseWeight)
                model.backward(grad)
                adam.step(dense)
                LazyRowAdam.step(
                    model.first.weight, touched: LazyRowAdam.touchedRows(batch.map { rows[$0] }),
                    learningRate: adam.learningRate, step: adam.stepCount, weightDecay: options.weightDecay)
                for p in dense { p.zeroGrad() }
                lossSum += Double(loss)
                onEvent(.step(epoch: epoch, done: b + 1, total: plan.count, loss: lossSum / Double(b + 1)))
            }
            var report = RMEpochReport(
                epoch: epoch, trainLoss: lossSum / Double(max(1, plan.count)),
                seconds: Date().timeIntervalSince(epochStart))
            report.member = options.members > 1 ? member : nil
            if let validation, !validation.isEmpty {
                (report.validationLoss, report.validation) = validate(.mlp(model.scorer()), validation)
            }
            onEvent(.epoch(report))
        }
        return model
    }

    static func trainTransformer(
        _ training: [RMExample], validation: [RMExample]?, options: RMTrainingOptions,
        onEvent: (RMTrainingEvent) -> Void
    ) -> TransformerThinkingModel {
        let model = TransformerThinkingModel(config: options.transformer, seed: options.seed)
        let tokens = training.map { model.tokens($0.response) }
        onEvent(.featurized(rows: tokens.count, seconds: 0))
        let parameters = model.parameters()
        let adam = AdamW(learningRate: options.effectiveLearningRate, weightDecay: 0.01)
        let targets = training.map { Float($0.score) }
        let questions = questionIDs(training)
        var rng = SeededRandom(seed: options.seed &+ 1)
        for epoch in 1...max(1, options.epochs) {
            let epochStart = Date()
            // Smaller steps than the MLP: a transformer step costs far more per row.
            let plan = batches(questionOf: questions, size: min(options.batchSize, 32), rng: &rng)
            var lossSum = 0.0
            for (b, batch) in plan.enumerated() {
                let logits = model.forward(batch.map { tokens[$0] })
                let (loss, grad) = RMLoss.compute(
                    logits: logits, targets: batch.map { targets[$0] },
                    questions: batch.map { questions[$0] }, pairwiseWeight: options.pairwiseWeight)
                model.backward(grad)
                GradientClipping.clip(parameters, maxNorm: 1)
                adam.step(parameters)
                model.zeroGrad()
                lossSum += Double(loss)
                onEvent(.step(epoch: epoch, done: b + 1, total: plan.count, loss: lossSum / Double(b + 1)))
            }
            var report = RMEpochReport(
                epoch: epoch, trainLoss: lossSum / Double(max(1, plan.count)),
                seconds: Date().timeIntervalSince(epochStart))
            if let validation, !validation.isEmpty {
                (report.validationLoss, report.validation) = validate(.transformer(model), validation)
            }
            onEvent(.epoch(report))
        }
        return model
    }
}
