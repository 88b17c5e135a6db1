import Rewards

/// Small draws on the seeded generator. Written out (not `Int.random(in:using:)`) so the data a
/// seed makes cannot change with the standard library's sampling algorithm.
extension SplitMix64 {
    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

/// Numbers as a solution writes them: integers plainly, others with at most two decimals.
enum SynthNumber {
    static func text(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        var s = String(Int64((abs(r) * 100).rounded()))
        while s.count < 3 { s = "0" + s }
        var frac = String(s.suffix(2))
        if frac.hasSuffix("0") { frac.removeLast() }
        return (r < 0 ? "-" : "") + s.dropLast(2) + "." + frac
    }
}
