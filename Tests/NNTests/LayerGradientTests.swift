import Testing

@testable import NN

/// Every layer's backward against central differences, for both parameters and inputs.
@Suite struct LayerGradientTests {
    /// Checks a layer that maps a matrix to a matrix.
    static func checkLayer(
        _ params: [NamedParameter], input x: Matrix, seed: UInt64,
        forward: (Matrix) -> Matrix, backward: (Matrix) -> Matrix,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let shape = forward(x)
        let r = GradientCheck.random(shape.rows, shape.cols, seed: seed)
        var dx = Matrix(rows: 0, cols: 0)
        GradientCheck.checkParameters(
            params,
            step: {
                _ = forward(x); dx = backward(r)
            },
            loss: { GradientCheck.project(forward(x), r) }, sourceLocation: sourceLocation)
        GradientCheck.checkInput(
            x, analytic: dx, loss: { GradientCheck.project(forward($0), r) }, sourceLocation: sourceLocation)
    }

    /// Adds noise to every parameter so biases and gains are not at their special initial values.
    static func randomize(_ params: [NamedParameter], seed: UInt64, std: Float = 0.3) {
        var rng = SeededRandom(seed: seed)
        for p in params {
            p.parameter.value.withMutableBuffer { buf in
                for i in buf.indices { buf[i] += rng.nextNormal() * std }
            }
        }
    }

    @Test func linear() {
        var rng = SeededRandom(seed: 1)
        let layer = Linear(inputSize: 4, outputSize: 3, rng: &rng)
        Self.randomize(layer.namedParameters(), seed: 2)
        Self.checkLayer(
            layer.namedParameters(), input: GradientCheck.random(5, 4, seed: 3), seed: 4,
            forward: layer.forward, backward: { layer.backward($0) })
    }

    @Test func linearWithoutBias() {
        var rng = SeededRandom(seed: 1)
        let layer = Linear(inputSize: 3, outputSize: 2, bias: false, rng: &rng)
        #expect(layer.namedParameters().map(\.name) == ["weight"])
        Self.checkLayer(
            layer.namedParameters(), input: GradientCheck.random(4, 3, seed: 3), seed: 4,
            forward: layer.forward, backward: { layer.backward($0) })
    }

    @Test func layerNorm() {
        let layer = LayerNorm(dim: 6)
        Self.randomize(layer.namedParameters(), seed: 5)
        Self.checkLayer(
            layer.namedParameters(), input: GradientCheck.random(4, 6, seed: 6), seed: 7,
            forward: layer.forward, backward: layer.backward)
    }

    @Test func gelu() {
        let layer = GELU()
        Self.checkLayer(
            [], input: GradientCheck.random(3, 5, seed: 8, std: 2), seed: 9,
            forward: layer.forward, backward: layer.backward)
    }

    @Test func relu() {
        let layer = ReLU()
        // Keep inputs away from the kink, where finite differences straddle it.
        var x = GradientCheck.random(3, 5, seed: 10)
        for i in 0..<x.count where abs(x.storage[i]) < 0.1 { x.storage[i] += x.storage[i] < 0 ? -0.2 : 0.2 }
        Self.checkLayer([], input: x, seed: 11, forward: layer.forward, backward: layer.backward)
    }

    @Test func softmax() {
        let layer = Softmax()
        Self.checkLayer(
            [], input: GradientCheck.random(3, 6, seed: 12), seed: 13,
            forward: layer.forward, backward: layer.backward)
    }

    @Test func meanPoolingWithPadding() {
        let layer = MeanPooling()
        Self.checkLayer(
            [], input: GradientCheck.random(8, 3, seed: 14), seed: 15,
            forward: { layer.forward($0, batch: 2, seqLen: 4, lengths: [4, 2]) }, backward: layer.backward)
    }

    @Test(arguments: [true, false])
    func multiHeadAttention(causal: Bool) {
        var rng = SeededRandom(seed: 16)
        let layer = MultiHeadAttention(dim: 8, heads: 2, causal: causal, initStd: 0.5, rng: &rng)
        Self.randomize(layer.namedParameters(), seed: 17, std: 0.1)
        let lengths: [Int]? = causal ? nil : [4, 3]
        Self.checkLayer(
            layer.namedParameters(), input: GradientCheck.random(8, 8, seed: 18), seed: 19,
            forward: { layer.forward($0, batch: 2, seqLen: 4, lengths: lengths) }, backward: layer.backward)
    }

    @Test func causalAttentionInSeveralQueryBlocksWithPadding() {
        var rng = SeededRandom(seed: 36)
        let layer = MultiHeadAttention(dim: 6, heads: 3, causal: true, initStd: 0.5, rng: &rng)
        layer.queryBlock = 2  // blocks 0..<2, 2..<4, 4..<5; the second sequence ends inside one
        Self.randomize(layer.namedParameters(), seed: 37, std: 0.1)
        Self.checkLayer(
            layer.namedParameters(), input: GradientCheck.random(10, 6, seed: 38), seed: 39,
            forward: { layer.forward($0, batch: 2, seqLen: 5, lengths: [5, 3]) }, backward: layer.backward)
    }

    @Test(arguments: [true, false])
    func transformerBlock(causal: Bool) {
        var rng = SeededRandom(seed: 20)
        let block = TransformerBlock(dim: 8, heads: 2, hidden: 12, causal: causal, initStd: 0.3, rng: &rng)
        Self.randomize(block.namedParameters(), seed: 21, std: 0.1)
        Self.checkLayer(
            block.namedParameters(), input: GradientCheck.random(6, 8, seed: 22), seed: 23,
            forward: { block.forward($0, batch: 2, seqLen: 3) }, backward: block.backward)
    }

    @Test func embedding() {
        var rng = SeededRandom(seed: 24)
        let layer = Embedding(vocabSize: 5, dim: 3, rng: &rng)
        let tokens: [Int32] = [0, 3, 3, 1, 4, 0]
        let r = GradientCheck.random(tokens.count, 3, seed: 25)
        GradientCheck.checkParameters(
            layer.namedParameters(),
            step: {
                _ = layer.forward(tokens); layer.backward(r)
            },
            loss: { GradientCheck.project(layer.forward(tokens), r) })
    }

    @Test func sparseLinear() {
        var rng = SeededRandom(seed: 26)
        let layer = SparseLinear(inputSize: 10, outputSize: 4, initStd: 0.5, rng: &rng)
        Self.randomize(layer.namedParameters(), seed: 27)
        var x = SparseRows()
        x.appendRow([(Int32(1), Float(0.5)), (7, -1.5), (1, 2.0)])
        x.appendRow([])
        x.appendRow([(9, 1.0), (0, 0.25)])
        let r = GradientCheck.random(3, 4, seed: 28)
        GradientCheck.checkParameters(
            layer.namedParameters(),
            step: {
                _ = layer.forward(x); layer.backward(r)
            },
            loss: { GradientCheck.project(layer.forward(x), r) })
    }

    @Test func sparseLinearEqualsDenseLinear() {
        var rng = SeededRandom(seed: 29)
        let sparse = SparseLinear(inputSize: 6, outputSize: 3, initStd: 0.5, rng: &rng)
        var x = SparseRows()
        x.appendRow([(Int32(2), Float(1.5)), (5, -1)])
        var dense = Matrix(rows: 1, cols: 6)
        dense[0, 2] = 1.5
        dense[0, 5] = -1
        let expected = GEMM.product(dense, sparse.weight.value)
        let got = sparse.apply(x)
        for i in 0..<3 { #expect(abs(got.storage[i] - expected.storage[i]) < 1e-6) }
    }

    @Test func transformerLMEndToEnd() {
        let config = TransformerConfig(vocabSize: 7, dim: 8, heads: 2, layers: 2, hidden: 12, maxSeqLen: 5)
        let model = TransformerLM(config: config, seed: 30)
        Self.randomize(model.namedParameters(), seed: 31, std: 0.2)
        let tokens: [Int32] = [1, 4, 2, 6, 0, 3, 3, 5]
        let r = GradientCheck.random(8, 7, seed: 32)
        GradientCheck.checkParameters(
            model.namedParameters(),
            step: {
                _ = model.forward(tokens: tokens, batch: 2, seqLen: 4); model.backward(r)
            },
            loss: { GradientCheck.project(model.forward(tokens: tokens, batch: 2, seqLen: 4), r) })
    }

    @Test func transformerEncoderEndToEnd() {
        let config = TransformerConfig(vocabSize: 6, dim: 8, heads: 2, layers: 1, hidden: 12, maxSeqLen: 4)
        let model = TransformerEncoder(config: config, seed: 33)
        Self.randomize(model.namedParameters(), seed: 34, std: 0.2)
        let tokens: [Int32] = [1, 4, 2, 0, 3, 5, 0, 0]
        let r = GradientCheck.random(2, 8, seed: 35)
        let forward = { model.forward(tokens: tokens, batch: 2, seqLen: 4, lengths: [3, 2]) }
        GradientCheck.checkParameters(
            model.namedParameters(),
            step: {
                _ = forward(); model.backward(r)
            },
            loss: { GradientCheck.project(forward(), r) })
    }
}
