import Foundation
import Testing

@testable import Verify

/// Properties over generated inputs: what must hold for every expression, not just table rows.
@Suite struct MathVerifierPropertyTests {
    let verifier = MathVerifier.forTests()

    @Test func variableNeverEqualsItselfPlusATinyAmount() {
        var r = RandomExpression.Source(state: 1)
        for k in stride(from: 1, through: 300, by: 1) {
            let v = ["x", "y", "a_1", "\\theta", "n"][r.below(5)]
            let forms = [
                "\(v) + 10^{-\(k)}", "\(v)\\left(1 + 10^{-\(k)}\\right)", "\(v) - \\frac{1}{10^{\(k)}}",
                "\(v) + \\frac{\(v)}{10^{\(k)}}",
            ]
            for f in forms {
                let result = verifier.verify(gold: v, predicted: f)
                #expect(!result.isMatch, "\(v) vs \(f): \(result.reason)")
            }
        }
    }

    @Test func constantsNeverEqualThemselvesPlusATinyAmount() {
        for k in [20, 50, 100, 300] {
            for c in ["\\pi", "\\sqrt{2}", "e", "\\ln 3", "\\frac{1}{7}"] {
                #expect(!verifier.compare(gold: c, predicted: "\(c) + 10^{-\(k)}").isMatch, "\(c) + 10^-\(k)")
            }
        }
    }

    @Test func randomRewritesOfAnExpressionStayEqual() {
        var r = RandomExpression.Source(state: 42)
        var checked = 0
        for _ in 0..<400 {
            let e = RandomExpression.make(&r, depth: 4)
            let a = e.latex, b = e.rewritten(&r)
            let result = verifier.verify(gold: a, predicted: b)
            #expect(
                result.isMatch,
                "\(a)  vs  \(b): \(result.reason) [\(result.goldParsed ?? "-") | \(result.predictedParsed ?? "-")]")
            checked += 1
        }
        #expect(checked == 400)
    }

    @Test func perturbedExpressionsDiffer() {
        var r = RandomExpression.Source(state: 7)
        for _ in 0..<300 {
            let e = RandomExpression.make(&r, depth: 4)
            let a = e.latex
            let k = r.below(5) + 1
            for b in ["\(a) + \(k)", "\(a) + 10^{-\(k * 7)}", "(\(a)) \\cdot \(k + 1)"] {
                // `e * (k+1)` equals `e` only when e is identically zero; skip that case.
                if b.hasPrefix("(") && verifier.compare(gold: a, predicted: "0").isMatch { continue }
                #expect(!verifier.compare(gold: a, predicted: b).isMatch, "\(a) vs \(b)")
            }
        }
    }

    @Test func comparisonIsSymmetricForScalars() {
        var r = RandomExpression.Source(state: 99)
        for _ in 0..<300 {
            let a = RandomExpression.make(&r, depth: 3).latex
            let b = r.below(2) == 0 ? RandomExpression.make(&r, depth: 3).latex : a
            #expect(
                verifier.compare(gold: a, predicted: b).isMatch == verifier.compare(gold: b, predicted: a).isMatch,
                "\(a) | \(b)")
        }
    }

    @Test func fractionsMatchTheirDecimalsAndNotNearbyOnes() {
        var r = RandomExpression.Source(state: 5)
        for _ in 0..<300 {
            let p = r.below(2000) - 1000, q = r.below(999) + 1
            let value = Double(p) / Double(q)
            let near = String(format: "%.8f", value)
            let off = String(format: "%.8f", value + 0.001)
            #expect(verifier.compare(gold: "\\frac{\(p)}{\(q)}", predicted: near).isMatch, "\(p)/\(q) vs \(near)")
            #expect(!verifier.compare(gold: "\\frac{\(p)}{\(q)}", predicted: off).isMatch, "\(p)/\(q) vs \(off)")
        }
    }

    @Test func hugePowersAreExact() {
        for k in stride(from: 5, through: 300, by: 5) {
            #expect(!verifier.compare(gold: "10^{\(k)}", predicted: "10^{\(k)} + 1").isMatch, "10^\(k) + 1")
            #expect(
                verifier.compare(gold: "10^{\(k)}", predicted: "1" + String(repeating: "0", count: k)).isMatch,
                "10^\(k)")
            #expect(
                !verifier.compare(gold: "\\frac{1}{\(k + 1000)!}", predicted: "\\frac{1}{\(k + 1002)!}").isMatch,
                "1/\(k + 1000)!")
        }
    }

    @Test func setsAreUnorderedAndTuplesOrdered() {
        var r = RandomExpression.Source(state: 11)
        for _ in 0..<200 {
            var xs = (0..<(r.below(4) + 2)).map { _ in r.below(50) }
            xs = Array(Set(xs))
            guard xs.count >= 2 else { continue }
            let shuffled = xs.reversed().map(String.init)
            let set = "\\{" + xs.map(String.init).joined(separator: ",") + "\\}"
            #expect(verifier.compare(gold: set, predicted: "\\{" + shuffled.joined(separator: ", ") + "\\}").isMatch)
            #expect(
                !verifier.compare(
                    gold: "(" + xs.map(String.init).joined(separator: ",") + ")",
                    predicted: "(" + shuffled.joined(separator: ",") + ")"
                ).isMatch)
        }
    }
}
