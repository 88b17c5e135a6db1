import Foundation
import NN
import Testing

@testable import ThinkingRM

/// Seed members averaged into one MLP, and the linear n-gram term added to its logit.
@Suite struct EnsembleTests {
    static func mlp(_ trained: RMTrainedModel) -> MLPThinkingModel {
        guard case let .mlp(m) = trained else { fatalError("expected an MLP") }
        return m
    }

    static func rows(_ model: MLPThinkingModel, _ examples: [RMExample]) -> [[SparseEntry]] {
        var featurizer = model.scorer().makeFeaturizer()
        return examples.map { featurizer.row(question: $0.question, response: $0.response) }
    }

    @Test func averagedModelsLogitIsTheMeanOfItsMembers() {
        var options = ModelTests.tinyOptions()
        options.epochs = 2
        let data = ModelTests.twoClasses(64)
        let members = (1...3).map { seed -> MLPThinkingModel in
            options.seed = UInt64(seed)
            return Self.mlp(RMTrainer.train(data, options: options))
        }
        let merged = MLPThinkingModel.averaging(members)
        #expect(merged.hidden == 3 * options.hidden)
        let test = ModelTests.twoClasses(20, offset: 500)
        for row in Self.rows(merged, test) {
            let mean = members.map { $0.scorer().logit(row) }.reduce(0, +) / 3
            #expect(abs(merged.scorer().logit(row) - mean) < 1e-4 * max(1, abs(mean)))
        }
        // The members really differ, so the mean is not any one of them.
        let row = Self.rows(merged, test)[1]
        #expect(members[0].scorer().logit(row) != members[1].scorer().logit(row))
    }

    @Test func membersOptionAveragesTheSeedsOneAfterAnother() {
        var options = ModelTests.tinyOptions()
        options.epochs = 2
        let data = ModelTests.twoClasses(64)
        options.members = 2
        options.seed = 5
        let ensemble = RMTrainer.train(data, options: options).scoringModel()
        options.members = 1
        let separate = [5, 6].map { seed -> MLPThinkingModel in
            options.seed = UInt64(seed)
            return Self.mlp(RMTrainer.train(data, options: options))
        }
        let expected = RMTrainedModel.mlp(MLPThinkingModel.averaging(separate)).scoringModel()
        let test = ModelTests.twoClasses(20, offset: 900)
        #expect(ensemble.scores(test) == expected.scores(test))
    }

    @Test func linearTermFitsTheGradesOfItsNGrams() {
        // Four one-hot rows repeated: least squares recovers each row's grade.
        let grades: [Float] = [0.9, 0.1, 0.6, 0.3]
        let rows = (0..<200).map { i in [SparseEntry(index: Int32(i % 4), value: 1)][...] }
        let term = NGramLinearTerm.fit(
            rows, targets: (0..<200).map { grades[$0 % 4] }, dimension: 8, epochs: 4, seed: 1, mix: 2)
        for k in 0..<4 {
            #expect(abs(term.value([SparseEntry(index: Int32(k), value: 1)]) - grades[k]) < 0.02)
        }
        // Entries past its dimension (the dense features) do not count.
        #expect(term.value([SparseEntry(index: 9, value: 5)]) == term.bias)
    }

    @Test func linearTermAddsItsWeightedGradeToTheLogit() throws {
        var options = ModelTests.tinyOptions()
        options.epochs = 2
        let data = ModelTests.twoClasses(64)
        let plain = Self.mlp(RMTrainer.train(data, options: options))
        options.ngramLinearMix = 3
        let wide = Self.mlp(RMTrainer.train(data, options: options))
        let term = try #require(wide.ngramLinear)
        #expect(term.mix == 3)
        #expect(term.weights.contains { $0 != 0 })
        for row in Self.rows(wide, ModelTests.twoClasses(10, offset: 300)) {
            let expected = plain.scorer().logit(row) + 3 * term.value(row)
            #expect(abs(wide.scorer().logit(row) - expected) < 1e-4 * max(1, abs(expected)))
        }
    }

    @Test func checkpointKeepsMembersAndTheLinearTerm() throws {
        var options = ModelTests.tinyOptions()
        options.epochs = 1
        options.members = 2
        options.ngramLinearMix = 1.5
        let rows = ModelTests.twoClasses(32)
        let trained = RMTrainer.train(rows, options: options)
        let loaded = try ModelTests.reloaded(trained)
        #expect(loaded.scores(rows) == trained.scoringModel().scores(rows))
        guard case let .mlp(scorer) = loaded else { Issue.record("not an MLP"); return }
        #expect(scorer.hidden == 2 * options.hidden)
        #expect(scorer.ngramLinear?.mix == 1.5)
    }

    @Test func checkpointWithALinearTermButNoWeightsIsRefused() throws {
        var options = ModelTests.tinyOptions()
        options.epochs = 1
        let m = Self.mlp(RMTrainer.train(ModelTests.twoClasses(16), options: options))
        let config = ThinkingModelConfig(
            model: "mlp", featurizer: m.settings, hidden: m.hidden, ngramLinear: NGramLinearConfig(bias: 0, mix: 1))
        var tensors = m.namedParameters().map { CheckpointTensor(name: $0.name, value: $0.parameter.value) }
        tensors.append(
            CheckpointTensor(
                name: ThinkingModelCheckpoint.idfTensor, value: Matrix(rows: 1, cols: m.idf.count, values: m.idf)))
        let path = ModelTests.temporaryPath("noweights.rkck")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CheckpointFile.write(
            try Checkpoint(kind: ThinkingModelCheckpoint.kind, config: config, tensors: tensors), to: path)
        #expect { try ThinkingModelCheckpoint.read(from: path) } throws: { error in
            error is ThinkingModelError && "\(error)".contains(ThinkingModelCheckpoint.ngramLinearTensor)
        }
    }
}
