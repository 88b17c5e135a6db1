import BigInt

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exact rational number: big-integer numerator over a positive denominator, in lowest terms.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator; carries the sign.
    public let numerator: BigInt
    /// The denominator; always positive.
    public let denominator: BigInt

    /// Makes `n/d` reduced to lowest terms; `d` must not be zero.
    init(_ n: BigInt, _ d: BigInt) {
        var n = n, d = d
        if d.sign == .minus { n.negate(); d.negate() }
        if d != 1 {
            // Most answers are small numbers: reduce them in machine words.
            if n.magnitude.bitWidth < 63, d.magnitude.bitWidth < 63, let ni = Int(exactly: n), let di = Int(exactly: d)
            {
                var a = ni.magnitude, b = di.magnitude
                while b != 0 { (a, b) = (b, a % b) }
                let g = Int(a)
                numerator = g > 1 ? BigInt(ni / g) : n
                denominator = g > 1 ? BigInt(di / g) : d
                return
            }
            let g = Self.gcd(n.magnitude, d.magnitude)
            if g != 1 && !g.isZero { n /= g; d /= g }
        }
        numerator = n
        denominator = d
    }

    /// Euclid with remainders. BigInt's own binary GCD subtracts its way down, which takes
    /// thousands of passes over a 2006!-sized number when the other side is small.
    static func gcd(_ a: BigUInt, _ b: BigUInt) -> BigInt {
        var x = a, y = b
        if x < y { swap(&x, &y) }
        while !y.isZero {
            if y.bitWidth <= 64 {
                var u = UInt64(x % y), v = UInt64(y)
                while v != 0 { (u, v) = (v, u % v) }
                return BigInt(u)
            }
            (x, y) = (y, x % y)
        }
        return BigInt(x)
    }

    /// Makes an integer.
    init(_ n: BigInt) { numerator = n; denominator = 1 }
    /// Makes a small integer.
    init(_ n: Int) { numerator = BigInt(n); denominator = 1 }

    static let zero = Rational(0)
    static let one = Rational(1)

    var isZero: Bool { numerator.isZero }
    var isInteger: Bool { denominator == 1 }
    var isNegative: Bool { numerator.sign == .minus && !numerator.isZero }
    /// Size in bits of numerator and denominator together: how costly arithmetic on it is.
    var bitSize: Int { numerator.magnitude.bitWidth + denominator.magnitude.bitWidth }

    // Henrici's formulas: reduce with gcds of the smaller parts so a 5000!-sized denominator
    // meets a gcd only against a small number (a full gcd of two huge numbers costs milliseconds).
    static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == 1 && b.denominator == 1 { return Rational(unreduced: a.numerator + b.numerator, 1) }
        if b.denominator == 1 { return Rational(unreduced: a.numerator + b.numerator * a.denominator, a.denominator) }
        if a.denominator == 1 { return Rational(unreduced: a.numerator * b.denominator + b.numerator, b.denominator) }
        let g = gcd(a.denominator.magnitude, b.denominator.magnitude)
        if g == 1 {
            return Rational(
                unreduced: a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
        }
        let t = a.numerator * (b.denominator / g) + b.numerator * (a.denominator / g)
        if t.isZero { return .zero }
        let g2 = gcd(t.magnitude, g.magnitude)
        return Rational(unreduced: t / g2, (a.denominator / g) * (b.denominator / g2))
    }
    static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
    static prefix func - (a: Rational) -> Rational { Rational(unreduced: -a.numerator, a.denominator) }
    static func * (a: Rational, b: Rational) -> Rational {
        if a.denominator == 1 && b.denominator == 1 { return Rational(unreduced: a.numerator * b.numerator, 1) }
        if a.isZero || b.isZero { return .zero }
        let g1 = gcd(a.numerator.magnitude, b.denominator.magnitude)
        let g2 = gcd(b.numerator.magnitude, a.denominator.magnitude)
        return Rational(unreduced: (a.numerator / g1) * (b.numerator / g2), (a.denominator / g2) * (b.denominator / g1))
    }
    /// `a / b`, or nil when `b` is zero.
    static func divide(_ a: Rational, _ b: Rational) -> Rational? {
        guard !b.isZero else { return nil }
        let flipped =
            b.isNegative
            ? Rational(unreduced: -b.denominator, -b.numerator) : Rational(unreduced: b.denominator, b.numerator)
        return a * flipped
    }

    /// For values already in lowest terms with a positive denominator.
    private init(unreduced n: BigInt, _ d: BigInt) { numerator = n; denominator = d }

    /// `self^k` for an integer `k`; nil for `0^negative`.
    func power(_ k: Int) -> Rational? {
        if k == 0 { return .one }
        if k < 0 {
            guard !isZero else { return nil }
            return Rational(denominator.power(-k), numerator.power(-k))
        }
        return Rational(unreduced: numerator.power(k), denominator.power(k))
    }

    /// The exact `q`-th root when numerator and denominator are perfect `q`-th powers, else nil.
    func root(_ q: Int) -> Rational? {
        guard q >= 1 else { return nil }
        if q == 1 { return self }
        if isNegative {
            guard q % 2 == 1, let r = (-self).root(q) else { return nil }
            return -r
        }
        guard let n = Self.exactRoot(numerator, q), let d = Self.exactRoot(denominator, q) else { return nil }
        return Rational(unreduced: n, d)
    }

    private static func exactRoot(_ x: BigInt, _ q: Int) -> BigInt? {
        if x.isZero || x == 1 { return x }
        if q == 2 {
            let r = x.squareRoot()
            return r * r == x ? r : nil
        }
        // Newton from a guess one bit too high: converges monotonically down to floor(x^(1/q)).
        let bits = x.magnitude.bitWidth / q + 1
        var r = BigInt(1) << bits
        while true {
            let next = ((BigInt(q - 1) * r) + x / r.power(q - 1)) / BigInt(q)
            if next >= r { break }
            r = next
        }
        return r.power(q) == x ? r : nil
    }

    /// Orders by value (cross-multiplied; denominators are positive).
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// The nearest Double; values beyond Double's range become ±infinity or 0.
    var doubleValue: Double {
        if denominator == 1 { return Double(numerator) }
        let nb = numerator.magnitude.bitWidth, db = denominator.magnitude.bitWidth
        if nb < 1000 && db < 1000 { return Double(numerator) / Double(denominator) }
        // Shift both to ~64 significant bits so the division keeps precision and range.
        let shiftN = max(0, nb - 64), shiftD = max(0, db - 64)
        let n = Double(numerator >> shiftN), d = Double(denominator >> shiftD)
        return Self.scale(n / d, by: shiftN - shiftD)
    }

    /// Natural log of |self| without overflow, for comparing values beyond Double's range.
    var logMagnitude: Double {
        func logOf(_ x: BigInt) -> Double {
            let b = x.magnitude.bitWidth
            let s = max(0, b - 64)
            return log(Double(x.magnitude >> s)) + Double(s) * 0.6931471805599453
        }
        return logOf(numerator) - logOf(denominator)
    }

    private static func scale(_ x: Double, by e: Int) -> Double {
        var x = x, e = e
        while e > 1000 { x *= 0x1p1000; e -= 1000 }
        while e < -1000 { x *= 0x1p-1000; e += 1000 }
        return x * Double(sign: .plus, exponent: e, significand: 1)
    }

    /// `self` rounded to `places` decimal places, half away from zero, as an integer scaled by 10^places.
    func rounded(places: Int) -> BigInt {
        let scaled = numerator * BigInt(10).power(places)
        let twice = (scaled * 2) / denominator
        // Round half away from zero: (2x ± 1) / 2 truncated.
        return twice.sign == .minus ? (twice - 1) / 2 : (twice + 1) / 2
    }

    /// `n` or `n/d`.
    public var description: String {
        denominator == 1 ? numerator.description : "\(numerator)/\(denominator)"
    }
}
