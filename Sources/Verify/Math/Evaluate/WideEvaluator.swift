#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real number as `mantissa · 2^exponent` with an unbounded exponent: Double precision over a
/// range wide enough for `π / 10^400` or `√2 · 3000!`, which plain Doubles flush to 0 or ∞.
struct WideReal: Equatable {
    var mantissa: Double
    var exponent: Int

    init(_ m: Double, _ e: Int = 0) {
        guard m != 0, m.isFinite else { mantissa = m; exponent = 0; return }
        // Not frexp: the Swift overlay's frexp drops the sign.
        mantissa = Double(sign: m.sign, exponent: -1, significand: m.significand)
        exponent = e + Int(m.exponent) + 1
    }

    var log2Magnitude: Double { log2(abs(mantissa)) + Double(exponent) }

    static func * (a: WideReal, b: WideReal) -> WideReal { WideReal(a.mantissa * b.mantissa, a.exponent + b.exponent) }
    static func / (a: WideReal, b: WideReal) -> WideReal { WideReal(a.mantissa / b.mantissa, a.exponent - b.exponent) }
    static prefix func - (a: WideReal) -> WideReal { WideReal(-a.mantissa, a.exponent) }
    static func + (a: WideReal, b: WideReal) -> WideReal {
        if a.mantissa == 0 { return b }
        if b.mantissa == 0 { return a }
        let e = max(a.exponent, b.exponent)
        return WideReal(scalbn(a.mantissa, a.exponent - e) + scalbn(b.mantissa, b.exponent - e), e)
    }

    /// `2^x` for a possibly huge real `x`.
    static func exp2(_ x: Double) -> WideReal? {
        guard x.isFinite, abs(x) < 1e15 else { return nil }
        let whole = x.rounded(.down)
        return WideReal(Glibc_exp2(x - whole), Int(whole))
    }

    /// The plain Double when it is representable.
    var double: Double? {
        exponent < 1000 && exponent > -1000 ? scalbn(mantissa, exponent) : nil
    }

    /// Equal to within a relative `tolerance` (default: about ten significant digits).
    func close(to other: WideReal, tolerance: Double = 1e-10) -> Bool {
        if mantissa == 0 || other.mantissa == 0 { return mantissa == other.mantissa }
        let d = other.exponent - exponent
        if abs(d) > 2 { return false }
        let b = scalbn(other.mantissa, d)
        return abs(mantissa - b) <= tolerance * max(abs(mantissa), abs(b))
    }
}

@inline(__always) private func Glibc_exp2(_ x: Double) -> Double { exp2(x) }

/// Evaluates constant real expressions in `WideReal`; nil where it cannot (complex values,
/// variables, functions of huge arguments).
struct WideEvaluator {
    let meter: BudgetMeter

    func eval(_ e: MathExpr) throws(BudgetExceededError) -> WideReal? {
        try meter.charge()
        switch e {
        case let .number(r, _):
            if r.isZero { return WideReal(0) }
            let l2 = r.logMagnitude / M_LN2
            guard let w = WideReal.exp2(l2) else { return nil }
            return r.isNegative ? -w : w
        case let .percent(a): return try eval(a).map { $0 / WideReal(100) }
        case let .constant(c):
            switch c {
            case .pi: return WideReal(Double.pi)
            case .e: return WideReal(M_E)
            default: return nil
            }
        case let .neg(a): return try eval(a).map { -$0 }
        case let .add(terms):
            var s = WideReal(0)
            for t in terms { guard let v = try eval(t) else { return nil }; s = s + v }
            return s
        case let .mul(factors):
            var p = WideReal(1)
            for f in factors { guard let v = try eval(f) else { return nil }; p = p * v }
            return p
        case let .pow(b, x):
            guard let base = try eval(b), let ex = try eval(x), let y = ex.double else { return nil }
            if base.mantissa == 0 { return y > 0 ? WideReal(0) : nil }
            if base.mantissa < 0 {
                guard y == y.rounded(), let w = WideReal.exp2(y * (-base).log2Magnitude) else { return nil }
                return Int(y.truncatingRemainder(dividingBy: 2)) == 0 ? w : -w
            }
            return WideReal.exp2(y * base.log2Magnitude)
        case let .call(f, args):
            guard args.count == 1, let a = try eval(args[0]) else { return nil }
            switch f {
            case .sqrt: return a.mantissa < 0 ? nil : WideReal.exp2(a.log2Magnitude / 2)
            case .abs: return WideReal(abs(a.mantissa), a.exponent)
            case .factorial:
                guard let n = a.double, n >= 0 else { return nil }
                return WideReal.exp2(lgamma(n + 1) / M_LN2)
            case .exp:
                guard let x = a.double else { return nil }
                return WideReal.exp2(x / M_LN2)
            case .ln:
                guard a.mantissa > 0 else { return nil }
                return WideReal(a.log2Magnitude * M_LN2)
            default:
                guard let x = a.double else { return nil }
                let v = ApproxEvaluator.apply(f, [Complex(x)])
                return v.isReal && v.re.isFinite ? WideReal(v.re) : nil
            }
        default: return nil
        }
    }
}
