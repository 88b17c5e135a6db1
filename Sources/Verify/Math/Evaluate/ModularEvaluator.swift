import BigInt

/// Evaluates integer-and-fraction expressions modulo a 61-bit prime, in machine words.
///
/// Building 2006! exactly takes a millisecond; its residue takes microseconds. Two values that
/// differ modulo a prime are certainly different; two that agree modulo two primes and in
/// wide-range floating point are equal except with probability about 2^-120.
struct ModularEvaluator {
    let meter: BudgetMeter
    let p: UInt64
    /// Residues of the variables at a sample point.
    var env: [String: UInt64] = [:]

    init(meter: BudgetMeter, p: UInt64) {
        self.meter = meter
        self.p = p
    }

    /// Evaluator with the variables of `point` bound to their residues, or nil if one has none.
    init?(meter: BudgetMeter, p: UInt64, point: [String: Rational]) {
        self.init(meter: meter, p: p)
        for (name, value) in point {
            guard let r = residue(value) else { return nil }
            env[name] = r
        }
    }

    /// The residue of a rational, nil when its denominator vanishes mod p.
    func residue(_ r: Rational) -> UInt64? {
        guard let n = reduce(r.numerator), let d = reduce(r.denominator), let inv = inverse(d) else { return nil }
        return mul(n, inv)
    }

    /// Two Mersenne-adjacent primes below 2^62.
    static let primes: [UInt64] = [2_305_843_009_213_693_951, 4_611_686_018_427_387_847]

    /// The residue, or nil when the expression is not built from rationals with +, -, ×, ÷,
    /// integer powers, factorials and binomials (or a denominator vanishes mod p).
    func eval(_ e: MathExpr) throws(BudgetExceededError) -> UInt64? {
        try meter.charge()
        switch e {
        case let .number(r, _): return residue(r)
        case let .symbol(name): return env[name]
        case let .neg(a): return try eval(a).map { $0 == 0 ? 0 : p - $0 }
        case let .add(terms):
            var s: UInt64 = 0
            for t in terms { guard let v = try eval(t) else { return nil }; s = (s + v) % p }
            return s
        case let .mul(factors):
            var prod: UInt64 = 1
            for f in factors { guard let v = try eval(f) else { return nil }; prod = mul(prod, v) }
            return prod
        case let .pow(b, x):
            guard let k = try SmallIntegerEvaluator(meter: meter).eval(x), let base = try eval(b) else { return nil }
            if k < 0 {
                guard let inv = inverse(base) else { return nil }
                return try power(inv, UInt64(-k))
            }
            return try power(base, UInt64(k))
        case let .call(.factorial, args):
            guard let n = try SmallIntegerEvaluator(meter: meter).eval(args[0]), n >= 0, n < 20_000_000 else {
                return nil
            }
            var acc: UInt64 = 1
            var i: Int64 = 2
            while i <= n {
                acc = mul(acc, UInt64(i))
                i += 1
                if i & 4095 == 0 { try meter.charge(64) }
            }
            return acc
        case let .call(.binom, args) where args.count == 2:
            let small = SmallIntegerEvaluator(meter: meter)
            guard let n = try small.eval(args[0]), let k = try small.eval(args[1]), n >= 0, k >= 0 else { return nil }
            if k > n { return 0 }
            guard k < 20_000_000 else { return nil }
            var num: UInt64 = 1, den: UInt64 = 1
            for j in 0..<k {
                guard let top = reduce(Int64(n - j)) else { return nil }
                num = mul(num, top)
                den = mul(den, UInt64(j + 1) % p)
                if j & 4095 == 0 { try meter.charge(64) }
            }
            return inverse(den).map { mul(num, $0) }
        default: return nil
        }
    }

    private func mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        return p.dividingFullWidth((hi, lo)).remainder
    }

    private func power(_ base: UInt64, _ k: UInt64) throws(BudgetExceededError) -> UInt64 {
        try meter.charge(64)
        return squareAndMultiply(base, k)
    }

    /// Inverse by Fermat; nil for 0 (a denominator divisible by p: give up, never guess).
    private func inverse(_ a: UInt64) -> UInt64? {
        guard a % p != 0 else { return nil }
        return squareAndMultiply(a % p, p - 2)
    }

    /// `base^k mod p` by binary exponentiation (at most 64 squarings), unmetered.
    private func squareAndMultiply(_ base: UInt64, _ k: UInt64) -> UInt64 {
        var result: UInt64 = 1, b = base, e = k
        while e > 0 {
            if e & 1 == 1 { result = mul(result, b) }
            b = mul(b, b)
            e >>= 1
        }
        return result
    }

    private func reduce(_ n: Int64) -> UInt64? {
        let m = Int64(bitPattern: UInt64(n.magnitude) % p)
        return n < 0 ? (m == 0 ? 0 : p - UInt64(m)) : UInt64(m)
    }

    private func reduce(_ n: BigInt) -> UInt64? {
        guard n.magnitude.bitWidth < 100_000 else { return nil }
        let r = UInt64(n.magnitude % BigUInt(p))
        return n.sign == .minus && r != 0 ? p - r : r
    }
}

/// Evaluates small integer expressions (exponents, factorial arguments) in Int64, or nil.
struct SmallIntegerEvaluator {
    let meter: BudgetMeter

    func eval(_ e: MathExpr) throws(BudgetExceededError) -> Int64? {
        try meter.charge()
        switch e {
        case let .number(r, _):
            guard r.isInteger, let v = Int64(exactly: r.numerator) else { return nil }
            return v
        case let .neg(a): return try eval(a).flatMap { $0 == .min ? nil : -$0 }
        case let .add(ts):
            var s: Int64 = 0
            for t in ts {
                guard let v = try eval(t) else { return nil }
                let (r, o) = s.addingReportingOverflow(v)
                if o { return nil }
                s = r
            }
            return s
        case let .mul(fs):
            var s: Int64 = 1
            for f in fs {
                guard let v = try eval(f) else { return nil }
                let (r, o) = s.multipliedReportingOverflow(by: v)
                if o { return nil }
                s = r
            }
            return s
        case let .pow(b, x):
            guard let base = try eval(b), let k = try eval(x), k >= 0, k < 64 else { return nil }
            var r: Int64 = 1
            for _ in 0..<k {
                let (m, o) = r.multipliedReportingOverflow(by: base)
                if o { return nil }
                r = m
            }
            return r
        default: return nil
        }
    }
}
