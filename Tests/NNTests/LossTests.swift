import Foundation
import Testing

@testable import NN

/// Each loss's value on a hand case, and its gradient against central differences.
@Suite struct LossTests {
    static func checkInputGradient(
        _ x: Matrix, _ gradient: Matrix, _ loss: (Matrix) -> Float,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        GradientCheck.checkInput(
            x, analytic: gradient, h: 1e-2, loss: { Double(loss($0)) }, sourceLocation: sourceLocation)
    }

    @Test func meanSquaredError() {
        let p = Matrix(rows: 2, cols: 1, values: [1, 3]), t = Matrix(rows: 2, cols: 1, values: [0, 1])
        #expect(abs(MeanSquaredError.compute(predictions: p, targets: t).value - 2.5) < 1e-6)
        let x = GradientCheck.random(4, 3, seed: 1), y = GradientCheck.random(4, 3, seed: 2)
        Self.checkInputGradient(x, MeanSquaredError.compute(predictions: x, targets: y).gradient) {
            MeanSquaredError.compute(predictions: $0, targets: y).value
        }
    }

    @Test func binaryCrossEntropyWithLogits() {
        // z = 0: loss log 2 whatever the label.
        let zero = BinaryCrossEntropy.withLogits(
            Matrix(rows: 1, cols: 1), targets: Matrix(rows: 1, cols: 1, values: [1]))
        #expect(abs(zero.value - 0.693_147_2) < 1e-6)
        #expect(abs(zero.gradient.storage[0] + 0.5) < 1e-6)
        // Large logits stay finite.
        let big = BinaryCrossEntropy.withLogits(
            Matrix(rows: 1, cols: 2, values: [100, -100]), targets: Matrix(rows: 1, cols: 2, values: [0, 1]))
        #expect(abs(big.value - 100) < 1e-3)
        let x = GradientCheck.random(3, 2, seed: 3, std: 2)
        let y = Matrix(rows: 3, cols: 2, values: [0, 1, 0.3, 0.7, 1, 0])
        Self.checkInputGradient(x, BinaryCrossEntropy.withLogits(x, targets: y).gradient) {
            BinaryCrossEntropy.withLogits($0, targets: y).value
        }
    }

    @Test func crossEntropyIgnoresNegativeTargets() {
        // Uniform logits over 4 classes: loss log 4.
        let uniform = CrossEntropy.compute(logits: Matrix(rows: 2, cols: 4), targets: [2, -1])
        #expect(abs(uniform.value - 1.386_294_4) < 1e-6)
        #expect(uniform.gradient.storage[4..<8].allSatisfy { $0 == 0 })
        let x = GradientCheck.random(4, 5, seed: 4, std: 2)
        let targets: [Int32] = [0, 4, -1, 2]
        Self.checkInputGradient(x, CrossEntropy.compute(logits: x, targets: targets).gradient) {
            CrossEntropy.compute(logits: $0, targets: targets).value
        }
    }

    @Test func tokenLogProbsWithArbitraryUpstream() {
        let x = GradientCheck.random(3, 6, seed: 5, std: 2)
        let targets: [Int32] = [5, 0, 3]
        let upstream: [Float] = [0.7, -1.3, 2.0]
        let lp = TokenLogProbs(logits: x, targets: targets)
        for r in 0..<3 {
            // log p = z_t - log Σ exp z
            let row = (0..<6).map { Double(x[r, $0]) }
            let expected = row[Int(targets[r])] - log(row.map { exp($0) }.reduce(0, +))
            #expect(abs(Double(lp.logProbs[r]) - expected) < 1e-4)
        }
        Self.checkInputGradient(x, lp.gradient(upstream)) { logits in
            zip(TokenLogProbs(logits: logits, targets: targets).logProbs, upstream).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    @Test func veryUnlikelyTargetsKeepAFiniteLogProb() {
        let lp = TokenLogProbs(logits: Matrix(rows: 1, cols: 3, values: [200, 0, -5]), targets: [2])
        #expect(abs(lp.logProbs[0] + 205) < 1e-3)
        #expect(CrossEntropy.compute(logits: Matrix(rows: 1, cols: 2, values: [150, 0]), targets: [1]).value.isFinite)
    }

    @Test func bradleyTerry() {
        let equal = BradleyTerry.compute(
            chosen: Matrix(rows: 1, cols: 1, values: [2]), rejected: Matrix(rows: 1, cols: 1, values: [2]))
        #expect(abs(equal.value - 0.693_147_2) < 1e-6)
        #expect(abs(equal.dChosen.storage[0] + 0.5) < 1e-6 && abs(equal.dRejected.storage[0] - 0.5) < 1e-6)
        let c = GradientCheck.random(4, 1, seed: 6, std: 2), r = GradientCheck.random(4, 1, seed: 7, std: 2)
        let result = BradleyTerry.compute(chosen: c, rejected: r)
        Self.checkInputGradient(c, result.dChosen) { BradleyTerry.compute(chosen: $0, rejected: r).value }
        Self.checkInputGradient(r, result.dRejected) { BradleyTerry.compute(chosen: c, rejected: $0).value }
    }
}
