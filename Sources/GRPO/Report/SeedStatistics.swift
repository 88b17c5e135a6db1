import Foundation

/// Mean and standard error of one quantity over a method's seeds.
public struct SeedStatistics: Sendable, Equatable {
    /// Mean over the seeds.
    public var mean: Double
    /// Standard error of the mean: sample standard deviation / sqrt(n); 0 for one seed.
    public var standardError: Double
    /// Sample standard deviation (n - 1 in the denominator); 0 for one seed.
    public var standardDeviation: Double
    /// Smallest and largest value.
    public var min: Double, max: Double
    /// Seeds.
    public var n: Int

    /// The statistics of `values` (at least one).
    public init(_ values: [Double]) {
        n = values.count
        mean = values.reduce(0, +) / Double(Swift.max(1, n))
        let m = mean
        let variance = n > 1 ? values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(n - 1) : 0
        standardDeviation = variance.squareRoot()
        standardError = n > 0 ? standardDeviation / Double(n).squareRoot() : 0
        min = values.min() ?? 0
        max = values.max() ?? 0
    }

    /// The difference of two independent means and its standard error.
    public static func difference(_ a: SeedStatistics, _ b: SeedStatistics) -> (value: Double, standardError: Double) {
        (a.mean - b.mean, (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot())
    }
}
