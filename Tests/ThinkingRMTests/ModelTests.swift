import Foundation
import NN
import Rewards
import Testing

@testable import ThinkingRM

/// Training, checkpoints and the `thinking` reward with a model.
@Suite struct ModelTests {
    /// Two obvious classes: true stated calculations scored 1, false ones with hedging scored 0.
    static func twoClasses(_ n: Int, offset: Int = 0) -> [RMExample] {
        (0..<n).map { k in
            let a = 3 + (k + offset) % 17, b = 2 + (k * 7 + offset) % 13
            let question = "What is \(a) plus \(b)? (\(k + offset))"
            if k % 2 == 0 {
                return RMExample(
                    question: question, response: "We add: \(a) + \(b) = \(a + b).\nAnswer: \(a + b)", score: 1)
            }
            return RMExample(
                question: question,
                response: "Maybe \(a) + \(b) = \(a + b + 3), I think, probably.\nAnswer: \(a + b + 3)", score: 0)
        }
    }

    static func tinyOptions(_ model: RMTrainingOptions.ModelKind = .mlp) -> RMTrainingOptions {
        var o = RMTrainingOptions()
        o.model = model
        o.epochs = 6
        o.batchSize = 16
        o.ngramDimension = 1 << 12
        o.transformer = TransformerConfig(vocabSize: 256, dim: 16, heads: 2, layers: 1, maxSeqLen: 64)
        o.learningRate = model == .mlp ? 1e-2 : 3e-3
        return o
    }

    /// `trained` written to a checkpoint file and read back.
    static func reloaded(_ trained: RMTrainedModel) throws -> ThinkingRewardModel {
        let path = temporaryPath("round.rkck")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ThinkingModelCheckpoint.write(trained, to: path)
        return try ThinkingRewardModel.load(path: path)
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rk-rm-\(UUID().uuidString)-\(name)").path
    }

    @Test func mlpLearnsToSeparateTwoObviousClasses() {
        var losses: [Double] = []
        let trained = RMTrainer.train(Self.twoClasses(200), options: Self.tinyOptions()) { event in
            if case let .epoch(r) = event { losses.append(r.trainLoss) }
        }
        #expect(losses.count == 6)
        #expect(losses.last! < losses.first! * 0.5)
        let test = Self.twoClasses(40, offset: 1000)
        let scores = trained.scoringModel().scores(test)
        let metrics = RMMetrics(predicted: scores, gold: test.map(\.score), questions: test.map { _ in "all" })
        #expect(metrics.pairwiseAccuracy > 0.95)
        #expect(scores.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func transformerTrainsAndItsLossFalls() {
        var losses: [Double] = []
        var options = Self.tinyOptions(.transformer)
        options.epochs = 4
        _ = RMTrainer.train(Self.twoClasses(96), options: options) { event in
            if case let .epoch(r) = event { losses.append(r.trainLoss) }
        }
        #expect(losses.count == 4)
        #expect(losses.last! < losses.first!)
    }

    /// Each model kind, the MLP both with raw n-gram counts and with TF-IDF weights (stored in the file).
    @Test(arguments: [(RMTrainingOptions.ModelKind.mlp, false), (.mlp, true), (.transformer, false)])
    func checkpointRoundTripGivesTheSamePredictions(_ kind: RMTrainingOptions.ModelKind, _ tfidf: Bool) throws {
        var options = Self.tinyOptions(kind)
        options.epochs = 1
        options.tfidf = tfidf
        let rows = Self.twoClasses(32)
        let trained = RMTrainer.train(rows, options: options)
        let loaded = try Self.reloaded(trained)
        #expect(loaded.kindName == kind.rawValue)
        #expect(loaded.scores(rows) == trained.scoringModel().scores(rows))
    }

    @Test func corruptTruncatedAndForeignCheckpointsAreRefused() throws {
        var options = Self.tinyOptions()
        options.epochs = 1
        let path = Self.temporaryPath("good.rkck")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ThinkingModelCheckpoint.write(RMTrainer.train(Self.twoClasses(16), options: options), to: path)
        let bytes = try #require(FileManager.default.contents(atPath: path))

        var flipped = [UInt8](bytes)
        flipped[flipped.count / 2] ^= 0xFF
        #expect(throws: CheckpointError.self) {
            try ThinkingModelCheckpoint.read(from: try Self.write(flipped, "flipped"))
        }
        do {
            _ = try ThinkingModelCheckpoint.read(from: try Self.write(flipped, "flipped2"))
        } catch let error as CheckpointError {
            guard error.kind == .checksumMismatch else {
                Issue.record("expected a checksum mismatch, got \(error)"); return
            }
        }

        let truncated = try Self.write(Array(bytes.prefix(bytes.count - 100)), "truncated")
        #expect { try ThinkingModelCheckpoint.read(from: truncated) } throws: { error in
            guard (error as? CheckpointError)?.kind == .truncated else { return false }
            return "\(error)".contains(truncated)
        }

        let foreign = Self.temporaryPath("foreign.rkck")
        defer { try? FileManager.default.removeItem(atPath: foreign) }
        try CheckpointFile.write(try Checkpoint(kind: "transformer_lm", config: ["dim": 4], tensors: []), to: foreign)
        #expect { try ThinkingModelCheckpoint.read(from: foreign) } throws: { error in
            (error as? CheckpointError)
                == .kindMismatch(path: foreign, expected: "thinking_rm", found: "transformer_lm")
        }

        let text = try Self.write(Array("not a checkpoint at all".utf8), "text")
        #expect { try ThinkingModelCheckpoint.read(from: text) } throws: { error in
            (error as? CheckpointError) == .badMagic(path: text)
        }
    }

    @Test func checkpointFromAnotherFeatureSetIsRefusedByName() throws {
        var settings = RMFeaturizerSettings(ngramDimension: 16)
        settings.denseNames = ["some_old_feature"]
        settings.denseMean = [0]
        settings.denseScale = [1]
        let config = ThinkingModelConfig(model: "mlp", featurizer: settings, hidden: 2)
        let path = Self.temporaryPath("oldfeatures.rkck")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CheckpointFile.write(
            try Checkpoint(kind: ThinkingModelCheckpoint.kind, config: config, tensors: []), to: path)
        #expect { try ThinkingModelCheckpoint.read(from: path) } throws: { error in
            let text = "\(error)"
            return error is ThinkingModelError && text.contains(path) && text.contains("some_old_feature")
        }
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = temporaryPath(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func thinkingRewardWithModelScoresThroughAPipeline() throws {
        var options = Self.tinyOptions()
        let trained = RMTrainer.train(Self.twoClasses(200), options: options)
        let path = Self.temporaryPath("pipeline.rkck")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ThinkingModelCheckpoint.write(trained, to: path)

        let spec = try RewardSpec.parse(
            """
            rewards:
              - {name: thinking, weight: 2.0, model: "\(path)"}
            """)
        let pipeline = try Pipeline(spec: spec, registry: .withThinkingModel)
        let good = Trajectory(prompt: "What is 4 plus 9?", response: "We add: 4 + 9 = 13.\nAnswer: 13")
        let bad = Trajectory(prompt: "What is 4 plus 9?", response: "Maybe 4 + 9 = 16, I think, probably.\nAnswer: 16")
        let results = pipeline.score([good, bad])
        let g = try results[0].get(), b = try results[1].get()
        let direct = trained.scoringModel().scores(questions: [good.prompt], responses: [good.response])[0]
        #expect(abs(g.rewards["thinking"]! - direct) < 1e-12)
        #expect(abs(g.total - 2 * direct) < 1e-12)
        #expect(g.rewards["thinking"]! > b.rewards["thinking"]!)

        // Without model: the score is read from the row, as before.
        let plain = try Pipeline(
            spec: try RewardSpec.parse("rewards:\n  - {name: thinking}\n"), registry: .withThinkingModel)
        let fromRow = try plain.score(Trajectory(response: "x", rewards: ["thinking": 0.25])).get()
        #expect(fromRow.rewards["thinking"] == 0.25)

        // The plain built-in registry cannot load models and says where to get one.
        #expect { try Pipeline(spec: spec) } throws: { "\($0)".contains("withThinkingModel") }
        // A missing checkpoint names the file.
        let missing = try RewardSpec.parse("rewards:\n  - {name: thinking, model: /nonexistent/m.rkck}\n")
        #expect { try Pipeline(spec: missing, registry: .withThinkingModel) } throws: {
            "\($0)".contains("/nonexistent/m.rkck")
        }
    }

    @Test func sophiavlPresetRunsWithAThinkingModel() throws {
        let trained = RMTrainer.train(Self.twoClasses(64), options: Self.tinyOptions())
        let path = Self.temporaryPath("sophiavl.rkck")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ThinkingModelCheckpoint.write(trained, to: path)
        let preset = try #require(Presets.texts["sophiavl"])
        let text = preset.replacingOccurrences(
            of: "{name: thinking, weight: 1.0}", with: "{name: thinking, weight: 1.0, model: \"\(path)\"}")
        #expect(text != preset)
        let pipeline = try Pipeline(spec: try RewardSpec.parse(text), registry: .withThinkingModel)
        let row = Trajectory(
            prompt: "What is 2 plus 5?", response: "<think>2 + 5 = 7</think><answer>7</answer>", answer: "7")
        let scored = try pipeline.score(row).get()
        #expect(scored.rewards["accuracy"] == 1)
        #expect((0...1).contains(scored.rewards["thinking"]!))
    }
}
