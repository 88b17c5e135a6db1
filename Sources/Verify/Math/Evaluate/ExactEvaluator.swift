import BigInt

/// The outcome of exact evaluation.
enum ExactValue: Equatable {
    /// A rational value, exactly.
    case value(Rational)
    /// Defined but not rational (π, √2, sin 1), or too large to build: evaluate approximately.
    case inexact
    /// Outside the domain: division by zero, a negative factorial.
    case undefined
}

/// Evaluates a scalar expression to an exact rational where it has one, with big integers.
///
/// Work grows with the size of the numbers, so each operation is charged by bit size and powers
/// whose result would exceed `maxBits` fall back to approximate evaluation instead of running away.
struct ExactEvaluator {
    let meter: BudgetMeter
    var env: [String: Rational] = [:]
    /// Largest result (in bits) built exactly: 2^200000 ≈ 10^60000, ample for 2006! (~19000 bits).
    static let maxBits = 200_000

    func eval(_ e: MathExpr) throws(BudgetExceededError) -> ExactValue {
        try meter.charge()
        switch e {
        case let .number(r, _): return .value(r)
        case let .percent(a):
            guard case let .value(v) = try eval(a) else { return try eval(a) }
            return .value(v * Rational(1, 100))
        case let .symbol(s): return env[s].map { .value($0) } ?? .inexact
        case .constant: return .inexact
        case let .neg(a):
            guard case let .value(v) = try eval(a) else { return try eval(a) }
            return .value(-v)
        case let .add(terms):
            var sum = Rational.zero
            var inexact = false
            for t in terms {
                switch try eval(t) {
                case let .value(v): try meter.charge(v.bitSize / 256); sum = sum + v
                case .inexact: inexact = true
                case .undefined: return .undefined
                }
            }
            return inexact ? .inexact : .value(sum)
        case let .mul(factors):
            var product = Rational.one
            var inexact = false
            for f in factors {
                switch try eval(f) {
                case let .value(v):
                    if product.bitSize + v.bitSize > Self.maxBits { inexact = true; continue }
                    try meter.charge((product.bitSize + v.bitSize) / 128)
                    product = product * v
                case .inexact: inexact = true
                case .undefined: return .undefined
                }
            }
            return inexact ? .inexact : .value(product)
        case let .pow(b, x): return try power(b, x)
        case let .call(f, args): return try call(f, args)
        case .apply: return .inexact
        default: return .inexact  // sets, tuples, relations are not scalars
        }
    }

    private func power(_ b: MathExpr, _ x: MathExpr) throws(BudgetExceededError) -> ExactValue {
        let base = try eval(b), exponent = try eval(x)
        if base == .undefined || exponent == .undefined { return .undefined }
        guard case let .value(bv) = base, case let .value(xv) = exponent else { return .inexact }
        if bv.isZero {
            if xv.isNegative { return .undefined }
            return xv.isZero ? .value(.one) : .value(.zero)
        }
        if bv == .one { return .value(.one) }
        if bv == Rational(-1), xv.isInteger {
            return .value(xv.numerator.magnitude.words.first.map { $0 & 1 == 0 } ?? true ? .one : Rational(-1))
        }
        // Only small exponents are built: |k| * bits(base) must stay under the cap.
        guard xv.numerator.magnitude.bitWidth <= 40, xv.denominator.magnitude.bitWidth <= 20 else { return .inexact }
        let k = Int(xv.numerator), q = Int(xv.denominator)
        let estimate = bv.bitSize * abs(k) / q
        if estimate > Self.maxBits { return .inexact }
        try meter.charge(estimate * max(1, estimate / 4096) / 64 + 1)
        var root = bv
        if q != 1 {
            guard let r = bv.root(q) else { return .inexact }
            root = r
        }
        guard let result = root.power(k) else { return .undefined }
        return .value(result)
    }

    private func call(_ f: MathFunction, _ args: [MathExpr]) throws(BudgetExceededError) -> ExactValue {
        var values: [Rational] = []
        var inexact = false
        for a in args {
            switch try eval(a) {
            case let .value(v): values.append(v)
            case .inexact: inexact = true
            case .undefined: return .undefined
            }
        }
        if inexact { return .inexact }
        switch (f, values.count) {
        case (.sqrt, 1):
            if values[0].isNegative { return .inexact }
            return values[0].root(2).map { .value($0) } ?? .inexact
        case (.root, 2):
            guard values[0].isInteger, values[0].numerator > 0, values[0].numerator < 1000 else { return .inexact }
            return values[1].root(Int(values[0].numerator)).map { .value($0) } ?? .inexact
        case (.abs, 1): return .value(values[0].isNegative ? -values[0] : values[0])
        case (.floor, 1): return .value(Rational(Self.floorDiv(values[0])))
        case (.ceil, 1): return .value(Rational(-Self.floorDiv(-values[0])))
        case (.factorial, 1): return try factorial(values[0])
        case (.binom, 2): return try binomial(values[0], values[1])
        case (.ln, 1): return values[0] == .one ? .value(.zero) : values[0].isZero ? .undefined : .inexact
        case (.log, 2):
            if values[1] == .one { return .value(.zero) }
            return try exactLog(base: values[0], values[1])
        case (.exp, 1), (.sin, 1), (.tan, 1), (.sinh, 1), (.tanh, 1), (.asin, 1), (.atan, 1):
            return values[0].isZero ? .value(.zero) : .inexact
        case (.cos, 1), (.cosh, 1):
            return values[0].isZero ? .value(.one) : .inexact
        default: return .inexact
        }
    }

    static func floorDiv(_ r: Rational) -> BigInt {
        let (q, rem) = r.numerator.quotientAndRemainder(dividingBy: r.denominator)
        return rem.sign == .minus && !rem.isZero ? q - 1 : q
    }

    /// Integer factorials up to 5000 exactly (2006! has ~5760 digits); larger ones go approximate.
    private func factorial(_ n: Rational) throws(BudgetExceededError) -> ExactValue {
        guard n.isInteger else { return .inexact }
        if n.isNegative { return .undefined }
        guard n.numerator <= 5000 else { return .inexact }
        let k = Int(n.numerator)
        try meter.charge(k * 4)
        return .value(Rational(Self.product(2, k)))
    }

    /// The product lo·(lo+1)···hi by balanced splitting: big multiplications stay few and even.
    static func product(_ lo: Int, _ hi: Int) -> BigInt {
        if hi < lo { return 1 }
        if hi - lo < 16 {
            var word: UInt64 = 1
            var acc = BigUInt(1)
            for i in lo...hi {
                let (w, overflow) = word.multipliedReportingOverflow(by: UInt64(i))
                if overflow { acc.multiply(byWord: UInt(word)); word = UInt64(i) } else { word = w }
            }
            acc.multiply(byWord: UInt(word))
            return BigInt(acc)
        }
        let mid = (lo + hi) / 2
        return product(lo, mid) * product(mid + 1, hi)
    }

    private func binomial(_ n: Rational, _ k: Rational) throws(BudgetExceededError) -> ExactValue {
        guard n.isInteger, k.isInteger else { return .inexact }
        if k.isNegative { return .value(.zero) }
        guard k.numerator <= 5000 else { return .inexact }
        let kk = Int(k.numerator)
        try meter.charge(kk * kk / 2000 + kk)
        var acc = Rational.one
        for j in 0..<kk {
            acc = acc * Rational(n.numerator - BigInt(j), BigInt(j + 1))
        }
        return .value(acc)
    }

    /// `log_b x` when it is rational: x = b^k for a small integer k (or a reciprocal).
    private func exactLog(base b: Rational, _ x: Rational) throws(BudgetExceededError) -> ExactValue {
        guard !b.isNegative, !b.isZero, b != .one, !x.isNegative, !x.isZero else { return .undefined }
        guard x.bitSize < 4096, b.bitSize < 4096 else { return .inexact }
        var p = b
        for k in 1...64 {
            try meter.charge(4)
            if p == x { return .value(Rational(k)) }
            if let inv = Rational.divide(.one, p), inv == x { return .value(Rational(-k)) }
            if p.bitSize > x.bitSize + 8 { break }
            p = p * b
        }
        return .inexact
    }
}
