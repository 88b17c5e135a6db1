import Testing

@testable import NN

/// Central-difference gradient checking shared by the layer and loss tests.
enum GradientCheck {
    /// `||a - n|| / max(||a||, ||n||)`: one number per tensor, robust to tiny entries.
    static func relativeError(analytic: [Float], numeric: [Double]) -> Double {
        precondition(analytic.count == numeric.count)
        var diff = 0.0, na = 0.0, nn = 0.0
        for i in analytic.indices {
            let a = Double(analytic[i])
            diff += (a - numeric[i]) * (a - numeric[i])
            na += a * a
            nn += numeric[i] * numeric[i]
        }
        let scale = max(na.squareRoot(), nn.squareRoot())
        return scale == 0 ? 0 : diff.squareRoot() / scale
    }

    /// d loss / d element for `count` elements reachable through `get`/`set`.
    static func numeric(
        count: Int, h: Float = 1e-2, get: (Int) -> Float, set: (Int, Float) -> Void, loss: () -> Double
    ) -> [Double] {
        (0..<count).map { i in
            let old = get(i)
            set(i, old + h)
            let plus = loss()
            set(i, old - h)
            let minus = loss()
            set(i, old)
            return (plus - minus) / (2 * Double(h))
        }
    }

    /// Numeric gradient with respect to every element of a parameter.
    static func numeric(_ p: Parameter, h: Float = 1e-2, loss: () -> Double) -> [Double] {
        numeric(count: p.value.count, h: h, get: { p.value.storage[$0] }, set: { p.value.storage[$0] = $1 }, loss: loss)
    }

    /// `Σ out ⊙ weights` in Double: a scalar whose gradient with respect to `out` is `weights`.
    static func project(_ out: Matrix, _ weights: Matrix) -> Double {
        precondition(out.count == weights.count)
        var s = 0.0
        for i in 0..<out.count { s += Double(out.storage[i]) * Double(weights.storage[i]) }
        return s
    }

    /// Checks every parameter: `step` (forward + backward) gives the analytic gradients after the
    /// grads are zeroed, `loss` (forward only) the numeric ones.
    static func checkParameters(
        _ params: [NamedParameter], tolerance: Double = 1e-2, h: Float = 1e-2,
        step: () -> Void, loss: () -> Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for p in params { p.parameter.zeroGrad() }
        step()
        let analytic = params.map { $0.parameter.grad.storage }
        for (i, p) in params.enumerated() {
            let numeric = numeric(p.parameter, h: h, loss: loss)
            let err = relativeError(analytic: analytic[i], numeric: numeric)
            #expect(err < tolerance, "parameter \(p.name): relative error \(err)", sourceLocation: sourceLocation)
        }
    }

    /// Checks the input gradient `analytic` of `x` against central differences of `loss(x)`.
    static func checkInput(
        _ x: Matrix, analytic: Matrix, tolerance: Double = 1e-2, h: Float = 1e-2,
        loss: (Matrix) -> Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var probe = x
        let numeric = numeric(
            count: x.count, h: h, get: { probe.storage[$0] }, set: { probe.storage[$0] = $1 }, loss: { loss(probe) })
        let err = relativeError(analytic: analytic.storage, numeric: numeric)
        #expect(err < tolerance, "input gradient: relative error \(err)", sourceLocation: sourceLocation)
    }

    /// Random matrix helper for tests.
    static func random(_ rows: Int, _ cols: Int, seed: UInt64, std: Float = 1) -> Matrix {
        var rng = SeededRandom(seed: seed)
        return .randomNormal(rows: rows, cols: cols, std: std, using: &rng)
    }
}

@Suite struct GradientCheckSelfTests {
    @Test func detectsAWrongGradient() {
        // f(x) = Σ x², gradient 2x; a checker that accepted 2.2x would be useless.
        var x: [Float] = [0.5, -1.2, 2.0, 0.3]
        let numeric = GradientCheck.numeric(
            count: x.count, get: { x[$0] }, set: { x[$0] = $1 },
            loss: { x.reduce(0.0) { $0 + Double($1) * Double($1) } })
        #expect(GradientCheck.relativeError(analytic: x.map { 2 * $0 }, numeric: numeric) < 1e-3)
        #expect(GradientCheck.relativeError(analytic: x.map { 2.2 * $0 }, numeric: numeric) > 1e-2)
    }
}
