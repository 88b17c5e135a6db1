import BigInt

/// Decides whether two scalar expressions are equal: exactly when both are rational, after
/// rounding when either is written as a decimal, numerically for irrational constants, and by
/// evaluation at random points when there are variables.
struct ScalarEquivalence {
    let meter: BudgetMeter
    let precision: Int
    /// Points tried for expressions with variables, and how many must be defined on both sides.
    static let pointCount = 8
    static let neededPoints = 3

    /// The reason ("exact", "numeric", "symbolic") when equal, nil when not.
    func equal(_ a: MathExpr, _ b: MathExpr) throws(BudgetExceededError) -> String? {
        if case let .percent(x) = a { return try percentEqual(x, b) }
        if case let .percent(y) = b { return try percentEqual(y, a) }
        if a == b { return "exact" }
        var names = a.freeSymbols
        for s in b.freeSymbols where !names.contains(s) { names.append(s) }
        let decimal = a.hasDecimal || b.hasDecimal
        if names.isEmpty { return try constantsEqual(a, b, decimal: decimal) }
        return try identityHolds(a, b, variables: names, decimal: decimal) ? "symbolic" : nil
    }

    /// `p%` matches `p` and `p/100`.
    private func percentEqual(_ p: MathExpr, _ other: MathExpr) throws(BudgetExceededError) -> String? {
        let inner: MathExpr = if case let .percent(q) = other { q } else { other }
        if let r = try equal(p, inner) { return r }
        if case .percent = other { return nil }
        return try equal(.mul([p, .pow(.int(100), .int(-1))]), inner)
    }

    private func constantsEqual(_ a: MathExpr, _ b: MathExpr, decimal: Bool) throws(BudgetExceededError) -> String? {
        // Exact factorials and big powers cost up to a millisecond; values that clearly differ
        // in wide-range Doubles (1/2004! against 1/2006!) need not be built at all.
        if !decimal, a.isCostlyExactly || b.isCostlyExactly {
            let wide = WideEvaluator(meter: meter)
            if let wa = try wide.eval(a), let wb = try wide.eval(b), !wa.close(to: wb, tolerance: 1e-6) { return nil }
            if let same = try residuesAgree(a, b) { return same ? "exact" : nil }
        }
        let exact = ExactEvaluator(meter: meter)
        let ea = try exact.eval(a), eb = try exact.eval(b)
        if case let .value(x) = ea, case let .value(y) = eb {
            if x == y { return "exact" }
            return decimal && roundedEqual(x, y) ? "numeric" : nil
        }
        if ea == .undefined || eb == .undefined { return nil }
        if !decimal, let same = try TermCancellation(meter: meter).differenceIsZero(a, b) {
            return same ? "exact" : nil
        }
        let approx = ApproxEvaluator(meter: meter)
        let va = try approx.eval(a), vb = try approx.eval(b)
        let scale = max(va.magnitude, vb.magnitude)
        if !decimal, !(scale > 1e-290 && scale < 1e290), !a.mentionsInfinity, !b.mentionsInfinity {
            // Beyond Double's range: compare in wide-exponent arithmetic, or not at all.
            let wide = WideEvaluator(meter: meter)
            guard let wa = try wide.eval(a), let wb = try wide.eval(b) else { return nil }
            return wa.close(to: wb) ? "numeric" : nil
        }
        // Exact forms that are not written as decimals are not rounded to zero: `e^{-100}` is not 0.
        if !decimal, (va.magnitude == 0) != (vb.magnitude == 0) { return nil }
        return numericEqual(va, vb, decimal: decimal, a: a, b: b) ? "numeric" : nil
    }

    /// Compares residues modulo two primes: false when they differ (proof of inequality), true
    /// when both agree, nil when either side is not modular-evaluable.
    private func residuesAgree(_ a: MathExpr, _ b: MathExpr) throws(BudgetExceededError) -> Bool? {
        for p in ModularEvaluator.primes {
            let m = ModularEvaluator(meter: meter, p: p)
            guard let x = try m.eval(a), let y = try m.eval(b) else { return nil }
            if x != y { return false }
        }
        return true
    }

    /// Rounded to `precision` places the two agree, or they differ by at most one unit there.
    func roundedEqual(_ x: Rational, _ y: Rational) -> Bool {
        let rx = x.rounded(places: precision), ry = y.rounded(places: precision)
        let d = rx - ry
        return d.magnitude <= 1
    }

    private func numericEqual(_ x: Complex, _ y: Complex, decimal: Bool, a: MathExpr, b: MathExpr) -> Bool {
        if x.re.isNaN || y.re.isNaN || x.im.isNaN || y.im.isNaN { return false }
        if !x.isFinite || !y.isFinite {
            // ±∞ match only themselves; a value that merely overflowed (a tower) tells nothing.
            return x == y && a.mentionsInfinity && b.mentionsInfinity
        }
        let scale = max(x.magnitude, y.magnitude)
        if decimal {
            let unit = pow10(-precision)
            let tolerance = max(unit * 1.0000001, scale * 1e-12)
            return abs(x.re - y.re) <= tolerance && abs(x.im - y.im) <= tolerance
        }
        // Beyond Double's range or precision nothing can be told apart reliably: demand more.
        if scale == 0 { return true }
        if scale < 1e-290 || scale > 1e290 { return false }
        return (x - y).magnitude <= 1e-10 * scale + 1e-13
    }

    private func pow10(_ k: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(k) { r *= 10 }
        return k < 0 ? 1 / r : r
    }

    /// Randomized identity testing: equal at every sample point where both sides are defined.
    ///
    /// Doubles screen each point cheaply; residues mod a prime (or exact rationals, for roots and
    /// the like) confirm agreement, which is what tells `x` from `x + 10^{-20}`: a nonzero
    /// rational difference vanishes at a random point with negligible probability.
    private func identityHolds(
        _ a: MathExpr, _ b: MathExpr, variables: [String], decimal: Bool
    ) throws(BudgetExceededError) -> Bool {
        var agreed = 0, exactChecks = 0
        for k in 0..<Self.pointCount {
            let point = RandomPoints.point(k, variables: variables)
            var approx = ApproxEvaluator(meter: meter)
            for (name, value) in point { approx.env[name] = value.doubleValue }
            let va = try approx.eval(a), vb = try approx.eval(b)
            let finite = va.isFinite && vb.isFinite
            let scale = max(va.magnitude, vb.magnitude)
            let tolerance = decimal ? max(scale * 1e-6, 1e-6) : scale * 1e-9 + 1e-12
            // Far apart in Doubles is apart for sure; no exact work needed.
            if finite && (va - vb).magnitude > max(tolerance, scale * 1e-6 + 1e-9) { return false }
            // Residues mod a prime decide rational-function identities exactly and in machine
            // words, even where Doubles overflow (x^5000) or rationals grow huge (1/5000! + x).
            if !decimal, let m = ModularEvaluator(meter: meter, p: ModularEvaluator.primes[k & 1], point: point),
                let ra = try m.eval(a), let rb = try m.eval(b)
            {
                if ra != rb { return false }
                exactChecks += 1
                agreed += 1
                if agreed >= Self.neededPoints + 2 { break }
                continue
            }
            if exactChecks < 2 || !finite {
                var exact = ExactEvaluator(meter: meter)
                exact.env = point
                let ea = try exact.eval(a), eb = try exact.eval(b)
                if ea == .undefined || eb == .undefined { continue }
                if case let .value(x) = ea, case let .value(y) = eb {
                    exactChecks += 1
                    if x != y && !(decimal && roundedEqual(x, y)) { return false }
                    agreed += 1
                    if agreed >= Self.neededPoints + 2 { break }
                    continue
                }
            }
            guard finite else { continue }
            if (va - vb).magnitude > tolerance { return false }
            agreed += 1
            if agreed >= Self.neededPoints + 2 { break }
        }
        return agreed >= Self.neededPoints
    }

    /// Value of `e` at a sample point for the ratio test on equations: exact when possible.
    func valueAt(_ point: [String: Rational], _ e: MathExpr) throws(BudgetExceededError) -> PointValue {
        var exact = ExactEvaluator(meter: meter)
        exact.env = point
        switch try exact.eval(e) {
        case let .value(v): return .exact(v)
        case .undefined: return .undefined
        case .inexact:
            var approx = ApproxEvaluator(meter: meter)
            for (name, value) in point { approx.env[name] = value.doubleValue }
            let v = try approx.eval(e)
            return v.isFinite ? .approx(v) : .undefined
        }
    }
}

/// A value at a sample point.
enum PointValue {
    case exact(Rational)
    case approx(Complex)
    case undefined

    var complex: Complex? {
        switch self {
        case let .exact(r): Complex(r.doubleValue)
        case let .approx(c): c
        case .undefined: nil
        }
    }
}
