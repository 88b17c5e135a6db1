/// A number read from an answer: an exact Int64 fraction, or a Double once exact would overflow.
///
/// Exact values compare exactly, so `0.333` is not `1/3`; approximate ones compare with a relative
/// tolerance of 1e-9, which only matters for numbers too large for Int64 fractions.
enum SimpleNumber: Sendable, Equatable {
    /// `numerator/denominator` in lowest terms, denominator positive.
    case exact(numerator: Int64, denominator: Int64)
    /// A value too large for an Int64 fraction.
    case approximate(Double)

    /// The relative tolerance for approximate comparisons.
    static let relativeTolerance = 1e-9

    /// `n/d` in lowest terms; approximate when an operand is Int64.min (its negation overflows); nil when `d` is 0.
    static func fraction(_ n: Int64, _ d: Int64) -> SimpleNumber? {
        guard d != 0 else { return nil }
        guard n != .min, d != .min else { return .approximate(Double(n) / Double(d)) }
        let g = gcd(abs(n), abs(d))
        let sign: Int64 = d < 0 ? -1 : 1
        return .exact(numerator: sign * n / g, denominator: sign * d / g)
    }

    /// The value as a Double.
    var double: Double {
        switch self {
        case let .exact(n, d): return Double(n) / Double(d)
        case let .approximate(x): return x
        }
    }

    /// `self / other`, exact when it fits; nil when dividing by zero.
    func divided(by other: SimpleNumber) -> SimpleNumber? {
        if case let .exact(a, b) = self, case let .exact(c, d) = other {
            guard c != 0 else { return nil }
            let (n, o1) = a.multipliedReportingOverflow(by: d)
            let (m, o2) = b.multipliedReportingOverflow(by: c)
            if !o1 && !o2 { return Self.fraction(n, m) }
        }
        let x = other.double
        return x == 0 ? nil : .approximate(double / x)
    }

    /// `self + other`, exact when it fits.
    func adding(_ other: SimpleNumber) -> SimpleNumber {
        if case let .exact(a, b) = self, case let .exact(c, d) = other {
            let (ad, o1) = a.multipliedReportingOverflow(by: d)
            let (cb, o2) = c.multipliedReportingOverflow(by: b)
            let (bd, o3) = b.multipliedReportingOverflow(by: d)
            if !o1 && !o2 && !o3 {
                let (sum, o4) = ad.addingReportingOverflow(cb)
                if !o4, let result = Self.fraction(sum, bd) { return result }
            }
        }
        return .approximate(double + other.double)
    }

    /// `-self`.
    var negated: SimpleNumber {
        switch self {
        case let .exact(n, d): return n == .min ? .approximate(-double) : .exact(numerator: -n, denominator: d)
        case let .approximate(x): return .approximate(-x)
        }
    }

    /// Equal exactly when both are exact, else within the relative tolerance.
    func isEquivalent(to other: SimpleNumber) -> Bool {
        if case .exact = self, case .exact = other { return self == other }
        let a = double, b = other.double
        guard a.isFinite, b.isFinite else { return a == b }
        return a == b || abs(a - b) <= Self.relativeTolerance * max(abs(a), abs(b))
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}
