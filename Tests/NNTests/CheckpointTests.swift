import Foundation
import Testing

@testable import NN

@Suite struct CheckpointTests {
    struct Config: Codable, Equatable {
        var width: Int
        var name: String
        var rate: Double
    }

    /// A fresh empty directory per test.
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "nn-ckpt-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func sample() throws -> Checkpoint {
        try Checkpoint(
            kind: "test-model", config: Config(width: 3, name: "tiny", rate: 0.25),
            tensors: [
                CheckpointTensor(name: "a.weight", value: GradientCheck.random(3, 4, seed: 1)),
                CheckpointTensor(
                    name: "a.bias",
                    value: Matrix(
                        rows: 1, cols: 4, values: [0, -0.0, .greatestFiniteMagnitude, .leastNonzeroMagnitude])),
                CheckpointTensor(name: "empty", value: Matrix(rows: 0, cols: 5)),
            ])
    }

    @Test func roundTripIsExact() throws {
        let dir = try Self.directory()
        let path = dir + "/model.ckpt"
        let original = try Self.sample()
        try CheckpointFile.write(original, to: path)
        let back = try CheckpointFile.read(from: path)
        #expect(back.kind == "test-model")
        #expect(back.tensors.map(\.name) == original.tensors.map(\.name))
        for (x, y) in zip(back.tensors, original.tensors) {
            #expect(x.value.rows == y.value.rows && x.value.cols == y.value.cols)
            #expect(x.value.storage.map(\.bitPattern) == y.value.storage.map(\.bitPattern))
        }
        #expect(try back.decodeConfig(Config.self) == Config(width: 3, name: "tiny", rate: 0.25))
        // No temporary files are left beside the checkpoint.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["model.ckpt"])
        // Overwriting an existing checkpoint works (rename replaces it).
        try CheckpointFile.write(original, to: path)
        #expect(try CheckpointFile.read(from: path).tensors.count == 3)
    }

    @Test func modelRoundTripGivesIdenticalOutputs() throws {
        let config = TransformerConfig(vocabSize: 7, dim: 8, heads: 2, layers: 2, maxSeqLen: 4)
        let trained = TransformerLM(config: config, seed: 1)
        LayerGradientTests.randomize(trained.namedParameters(), seed: 2)
        let path = try Self.directory() + "/lm.ckpt"
        try CheckpointFile.write(
            try Checkpoint(kind: "transformer-lm", config: config, parameters: trained.namedParameters()), to: path)
        let file = try CheckpointFile.read(from: path)
        let restored = TransformerLM(config: try file.decodeConfig(TransformerConfig.self), seed: 99)
        try file.load(into: restored.namedParameters())
        let tokens: [Int32] = [1, 2, 3, 4]
        #expect(
            restored.forward(tokens: tokens, batch: 1, seqLen: 4)
                == trained.forward(tokens: tokens, batch: 1, seqLen: 4))
    }

    @Test func everyFlippedByteIsDetected() throws {
        let bytes = try CheckpointFile.encode(try Self.sample())
        // Flip a byte in the header, in the tensor data and in the checksum itself.
        for index in [20, bytes.count / 2, bytes.count - 10, bytes.count - 1] {
            var corrupt = bytes
            corrupt[index] ^= 0x40
            #expect(throws: CheckpointError.self) { try CheckpointFile.decode(corrupt, path: "x.ckpt") }
        }
        var dataFlip = bytes
        dataFlip[bytes.count - 10] ^= 0x01
        do {
            _ = try CheckpointFile.decode(dataFlip, path: "x.ckpt")
            Issue.record("a flipped data byte was accepted")
        } catch let error as CheckpointError {
            guard error.kind == .checksumMismatch else {
                Issue.record("expected a checksum mismatch, got \(error)")
                return
            }
            #expect(error.path == "x.ckpt")
            #expect(error.description.contains("x.ckpt"))
        }
    }

    @Test func truncatedFileIsReportedAsTruncated() throws {
        let path = try Self.directory() + "/cut.ckpt"
        let bytes = try CheckpointFile.encode(try Self.sample())
        for length in [2, 10, 40, bytes.count - 4, bytes.count - 1] {
            try Data(bytes[0..<length]).write(to: URL(fileURLWithPath: path))
            #expect(throws: CheckpointError.self) { try CheckpointFile.read(from: path) }
            do { _ = try CheckpointFile.read(from: path) } catch let error as CheckpointError {
                if error.kind == .truncated {
                    #expect(error.path == path)
                } else {
                    Issue.record("length \(length): \(error)")
                }
            }
        }
    }

    @Test func wrongMagicAndVersionAreNamed() throws {
        var bytes = try CheckpointFile.encode(try Self.sample())
        var badMagic = bytes
        badMagic[0] = UInt8(ascii: "X")
        #expect(throws: CheckpointError.badMagic(path: "m.ckpt")) {
            try CheckpointFile.decode(badMagic, path: "m.ckpt")
        }
        bytes[4] = 9
        #expect(throws: CheckpointError.unsupportedVersion(path: "v.ckpt", found: 9)) {
            try CheckpointFile.decode(bytes, path: "v.ckpt")
        }
        #expect(throws: CheckpointError.self) { try CheckpointFile.read(from: "/nonexistent/dir/none.ckpt") }
    }

    @Test func shapeMismatchAndMissingTensorLeaveTheModelUntouched() throws {
        var rng = SeededRandom(seed: 5)
        let layer = Linear(inputSize: 3, outputSize: 2, rng: &rng)
        let before = layer.weight.value
        let wrongShape = try Checkpoint(
            kind: "linear", config: [String: Int](),
            tensors: [
                CheckpointTensor(name: "weight", value: Matrix(rows: 2, cols: 3)),
                CheckpointTensor(name: "bias", value: Matrix(rows: 1, cols: 2)),
            ])
        #expect(
            throws: CheckpointError.shapeMismatch(path: "<memory>", name: "weight", expected: [3, 2], found: [2, 3])
        ) {
            try wrongShape.load(into: layer.namedParameters())
        }
        let missing = try Checkpoint(
            kind: "linear", config: [String: Int](),
            tensors: [CheckpointTensor(name: "weight", value: Matrix(rows: 3, cols: 2))])
        #expect(throws: CheckpointError.missingTensor(path: "<memory>", name: "bias")) {
            try missing.load(into: layer.namedParameters())
        }
        #expect(layer.weight.value == before)
    }

    @Test func writeIntoMissingDirectoryFailsWithIOError() throws {
        do {
            try CheckpointFile.write(
                try Self.sample(), to: "/nonexistent-dir-\(UInt32.random(in: 0...UInt32.max))/x.ckpt")
            Issue.record("write into a missing directory succeeded")
        } catch let error as CheckpointError {
            guard error.kind == .io else { Issue.record("expected io error, got \(error)"); return }
        }
    }

    @Test func absurdShapesInTheHeaderAreErrorsNotCrashes() throws {
        // A header claiming a 2^62 x 4 tensor must not overflow Int or allocate it.
        let header = Array(
            #"{"config":{},"kind":"x","tensors":[{"cols":4,"name":"w","rows":4611686018427387904}]}"#.utf8)
        var bytes = CheckpointFile.magic + [1, 0, 0, 0]
        let n = UInt32(header.count)
        bytes += [UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), 0, 0] + header + [0, 0, 0, 0]
        #expect(throws: CheckpointError.self) { try CheckpointFile.decode(bytes, path: "big.ckpt") }
        var garbage = bytes
        garbage.replaceSubrange(
            12..<(12 + header.count), with: Array(repeating: UInt8(ascii: "{"), count: header.count))
        #expect(throws: CheckpointError.self) { try CheckpointFile.decode(garbage, path: "junk.ckpt") }
    }

    @Test func crc32KnownValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}

@Suite struct CheckpointOptimizerStateTests {
    @Test func resumedTrainingContinuesExactly() throws {
        // Two steps straight == one step, save with moments, load into a fresh model, one step.
        func makeLayer() -> Linear {
            var rng = SeededRandom(seed: 1); return Linear(inputSize: 3, outputSize: 2, rng: &rng)
        }
        let x = GradientCheck.random(4, 3, seed: 2), y = GradientCheck.random(4, 2, seed: 3)
        func step(_ layer: Linear, _ opt: AdamW) {
            layer.zeroGrad()
            layer.backward(MeanSquaredError.compute(predictions: layer.forward(x), targets: y).gradient)
            opt.step(layer.parameters())
        }
        let straight = makeLayer(), opt1 = AdamW(learningRate: 0.1)
        step(straight, opt1)
        step(straight, opt1)

        let first = makeLayer(), opt2 = AdamW(learningRate: 0.1)
        step(first, opt2)
        let saved = try CheckpointFile.decode(
            CheckpointFile.encode(
                Checkpoint(
                    kind: "linear", config: ["steps": opt2.stepCount], parameters: first.namedParameters(),
                    optimizerState: true)), path: "mem")
        let resumed = makeLayer(), opt3 = AdamW(learningRate: 0.1)
        try saved.load(into: resumed.namedParameters(), optimizerState: true)
        opt3.stepCount = try saved.decodeConfig([String: Int].self)["steps"] ?? 0
        step(resumed, opt3)
        #expect(resumed.weight.value == straight.weight.value)
        #expect(resumed.bias?.value == straight.bias?.value)
    }

    @Test func missingMomentsAreReported() throws {
        var rng = SeededRandom(seed: 1)
        let layer = Linear(inputSize: 2, outputSize: 2, rng: &rng)
        let plain = try Checkpoint(kind: "linear", config: [String: Int](), parameters: layer.namedParameters())
        #expect(throws: CheckpointError.missingTensor(path: "<memory>", name: "weight.adam_m")) {
            try plain.load(into: layer.namedParameters(), optimizerState: true)
        }
    }
}

@Suite struct CheckpointKindTests {
    @Test func wrongKindIsNamed() throws {
        let ckpt = try Checkpoint(kind: "ngram-mlp", config: [String: Int](), tensors: [])
        try ckpt.requireKind("ngram-mlp")
        #expect(throws: CheckpointError.kindMismatch(path: "<memory>", expected: "transformer-lm", found: "ngram-mlp"))
        {
            try ckpt.requireKind("transformer-lm")
        }
    }
}
