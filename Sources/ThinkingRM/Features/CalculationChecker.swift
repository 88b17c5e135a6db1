/// Decides whether a stated calculation is true. A seam: the default checks plain numbers; the
/// full math verifier (symbolic, exact rationals) can conform later and be passed in instead.
public protocol CalculationChecker: Sendable {
    /// True if the calculation holds, false if it does not, nil if it cannot be judged.
    func isTrue(_ calculation: StatedCalculation) -> Bool?
}

/// Checks calculations in floating point, allowing the rounding the response wrote: a result with
/// `d` decimals is true if it is within half a unit of the d-th decimal of the exact value.
public struct NumericCalculationChecker: CalculationChecker {
    /// A checker.
    public init() {}

    /// See `CalculationChecker`.
    public func isTrue(_ c: StatedCalculation) -> Bool? {
        guard let exact = c.value, exact.isFinite else { return nil }
        var tolerance = 0.5 * pow10(-c.decimals) + 1e-9 * max(1, abs(exact))
        // "≈ 3.3" may be rounded loosely; allow a full unit in the last place plus 1%.
        if c.approximate { tolerance = max(tolerance * 2, 0.01 * abs(exact)) }
        return abs(exact - c.stated) <= tolerance
    }

    private func pow10(_ e: Int) -> Double {
        var x = 1.0
        if e >= 0 { for _ in 0..<e { x *= 10 } } else { for _ in 0..<(-e) { x /= 10 } }
        return x
    }
}
