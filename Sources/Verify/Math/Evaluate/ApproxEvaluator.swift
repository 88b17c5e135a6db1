#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Evaluates a scalar expression in complex Doubles, for values that are not rational.
///
/// Undefined points (log 0, 1/0) give NaN or infinity; callers skip such points. An unknown
/// function `f(x)` is a fixed pseudo-random function of its name and arguments, so `f(2x)` equals
/// `f(2x)` but not `f(x)`.
struct ApproxEvaluator {
    let meter: BudgetMeter
    var env: [String: Double] = [:]

    func eval(_ e: MathExpr) throws(BudgetExceededError) -> Complex {
        try meter.charge()
        switch e {
        case let .number(r, _): return Complex(r.doubleValue)
        case let .percent(a): return try eval(a) / Complex(100)
        case let .symbol(s): return env[s].map { Complex($0) } ?? .nan
        case let .constant(c):
            switch c {
            case .pi: return Complex(Double.pi)
            case .e: return Complex(M_E)
            case .i: return Complex(0, 1)
            case .infinity: return Complex(.infinity)
            }
        case let .neg(a): return -(try eval(a))
        case let .add(terms):
            var s = Complex(0)
            for t in terms { s = s + (try eval(t)) }
            return s
        case let .mul(factors):
            var p = Complex(1)
            for f in factors { p = p * (try eval(f)) }
            return p
        case let .pow(b, x): return try power(b, x)
        case let .call(f, args):
            var values: [Complex] = []
            for a in args { values.append(try eval(a)) }
            return Self.apply(f, values)
        case let .apply(name, args):
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            for a in args {
                let v = try eval(a)
                // Round away the last bits so the same argument computed two ways hashes the same.
                h = (h ^ UInt64(bitPattern: Int64((v.re * 1e9).rounded()))) &* 0x100_0000_01b3
                h = (h ^ UInt64(bitPattern: Int64((v.im * 1e9).rounded()))) &* 0x100_0000_01b3
            }
            return Complex(Double(h >> 11) / Double(1 << 53) * 4 - 2)
        default: return .nan
        }
    }

    private func power(_ b: MathExpr, _ x: MathExpr) throws(BudgetExceededError) -> Complex {
        let base = try eval(b)
        // A real odd root of a negative number is real: (-8)^(1/3) = -2, as people mean it.
        if base.isReal, base.re < 0, case let .value(q) = try ExactEvaluator(meter: meter).eval(x), !q.isInteger,
            q.denominator.magnitude.bitWidth < 20, q.numerator.magnitude.bitWidth < 20
        {
            let d = Int(q.denominator), n = Int(q.numerator)
            if d % 2 == 1 {
                let r = pow(-base.re, 1 / Double(d))
                return Complex((n % 2 == 0 ? r : -r)).pow(Complex(Double(abs(n)))).pow(Complex(n < 0 ? -1 : 1))
            }
        }
        return base.pow(try eval(x))
    }

    static func apply(_ f: MathFunction, _ v: [Complex]) -> Complex {
        guard let a = v.first else { return .nan }
        switch f {
        case .sin: return a.sin()
        case .cos: return a.cos()
        case .tan: return a.sin() / a.cos()
        case .sec: return Complex(1) / a.cos()
        case .csc: return Complex(1) / a.sin()
        case .cot: return a.cos() / a.sin()
        case .asin: return a.asin()
        case .acos: return a.acos()
        case .atan: return a.atan()
        case .asec: return (Complex(1) / a).acos()
        case .acsc: return (Complex(1) / a).asin()
        case .acot: return (Complex(1) / a).atan()
        case .sinh: return ((a.exp() - (-a).exp()) / Complex(2))
        case .cosh: return ((a.exp() + (-a).exp()) / Complex(2))
        case .tanh: return (a.exp() - (-a).exp()) / (a.exp() + (-a).exp())
        case .exp: return a.exp()
        case .ln: return a.re == 0 && a.im == 0 ? .nan : a.log()
        case .log:
            guard v.count == 2 else { return .nan }
            return v[1].log() / a.log()
        case .sqrt: return a.sqrt()
        case .root:
            guard v.count == 2 else { return .nan }
            if v[1].isReal, v[1].re < 0, a.isReal, a.re.rounded() == a.re,
                Int(exactly: a.re).map({ $0 % 2 == 1 }) == true
            {
                return Complex(-pow(-v[1].re, 1 / a.re))
            }
            return v[1].pow(Complex(1) / a)
        case .abs: return Complex(a.magnitude)
        case .factorial:
            guard a.isReal else { return .nan }
            if a.re < 0 && a.re == a.re.rounded() { return .nan }
            return Complex(tgamma(a.re + 1))
        case .binom:
            guard v.count == 2, a.isReal, v[1].isReal else { return .nan }
            let n = a.re, k = v[1].re
            return Complex(exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)).rounded())
        case .floor: return a.isReal ? Complex(a.re.rounded(.down)) : .nan
        case .ceil: return a.isReal ? Complex(a.re.rounded(.up)) : .nan
        }
    }
}
