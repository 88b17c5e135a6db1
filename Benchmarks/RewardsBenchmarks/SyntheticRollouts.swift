import JSONLines
import Rewards

/// Made-up rollouts for throughput measurements: R1-style responses (think, then answer) of a
/// chosen size with a mix of correct, wrong and badly formatted answers in several number forms.
public struct SyntheticRollouts: Sendable {
    /// Approximate bytes per row.
    public var rowBytes: Int
    /// Seed; the same seed gives the same file.
    public var seed: UInt64

    /// Makes a generator.
    public init(rowBytes: Int = 1000, seed: UInt64 = 1) {
        self.rowBytes = rowBytes
        self.seed = seed
    }

    private static let filler = [
        "First I read the problem carefully and note the quantities involved.",
        "Then I set up the equation from the relation described in the question.",
        "Multiplying both sides by the denominator keeps the equality intact.",
        "Checking the arithmetic again, each intermediate value is consistent.",
        "So the remaining step is to simplify and state the final result.",
    ]

    /// Row number `index` (0-based) as one JSON line, newline included.
    public func row(_ index: Int) -> String {
        var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let a = Int(rng.next() % 900) + 10, b = Int(rng.next() % 90) + 2
        let kind = rng.next() % 6
        let gold: String, written: String
        switch kind {
        case 0: gold = String(a * b); written = String(a * b)
        case 1: gold = "\\frac{\(a)}{\(b)}"; written = "\(a)/\(b)"
        case 2: gold = String(a * 1000 + b); written = Self.thousands(a * 1000 + b)
        case 3: gold = "\(a).5"; written = "\(a).50"
        case 4: gold = "C"; written = "(C)"
        default: gold = "\(b)%"; written = "\(b)\\%"
        }
        let roll = rng.next() % 10
        let predicted = roll < 7 ? written : String(a + b)  // 70% correct
        var think = "Let me compute \(a) and \(b). "
        while think.utf8.count < max(0, rowBytes - 260) {
            think += Self.filler[Int(rng.next() % UInt64(Self.filler.count))] + " "
        }
        let response =
            roll == 9
            ? "\(think)The answer is \(predicted)."  // unformatted
            : "<think>\(think)</think>\n<answer>\(predicted)</answer>"
        var w = JSONWriter(capacity: rowBytes + 64)
        w.value(
            .object([
                ("id", .number(Double(index))),
                ("prompt", .string("Question \(index): combine \(a) and \(b) as described and give the result.")),
                ("response", .string(response)),
                ("answer", .string(gold)),
            ]))
        w.byte(0x0A)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static func thousands(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
