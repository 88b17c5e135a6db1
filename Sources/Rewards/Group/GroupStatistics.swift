/// Mean and unbiased (N-1) standard deviation, as every GRPO implementation computes them.
public enum GroupStatistics {
    /// The mean of `values` (0 for none).
    public static func mean<C: Collection>(_ values: C) -> Double where C.Element == Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The unbiased standard deviation; 0 for fewer than two values (a group of one has no spread).
    public static func standardDeviation<C: Collection>(_ values: C) -> Double where C.Element == Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Whether every value is the same, so that GRPO gives every member advantage 0
    /// ("advantage vanishing", logged as `frac_zero_std`).
    public static func hasZeroSpread<C: Collection>(_ values: C) -> Bool where C.Element == Double {
        guard let first = values.first else { return true }
        return values.allSatisfy { $0 == first }
    }
}
