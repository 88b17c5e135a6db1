import Verify

/// Random-input robustness run for the verifier: LaTeX-flavoured and raw-byte strings, mutated
/// table answers, and hostile shapes (deep nesting, towers). Every input must come back with a
/// verdict: no crash, no hang; the test suite and `verify-bench --fuzz N` both drive it.
public struct VerifierFuzzer: Sendable {
    /// What a run saw.
    public struct Summary: Sendable, Equatable {
        /// Inputs compared.
        public var inputs = 0
        /// Verdicts per reason.
        public var reasons: [String: Int] = [:]
        /// Inputs compared with themselves that parsed, stayed in budget, and still did not match.
        public var selfMismatches: [String] = []
        /// The slowest single comparison (wall time, microseconds) and its predicted input.
        public var worstMicros = 0
        /// The input of the slowest comparison.
        public var worstInput = ""
    }

    private var state: UInt64
    /// Answers to mutate, e.g. the table fixtures.
    public var seeds: [String]

    /// Makes a fuzzer with a fixed seed so a failing run can be replayed.
    public init(seed: UInt64, seeds: [String] = []) {
        state = seed
        self.seeds = seeds.isEmpty ? Self.defaultSeeds : seeds
    }

    private static let defaultSeeds = [
        "\\frac{1}{2}", "x^2+2x+1", "\\{1,2\\}", "(1,2]", "x > 3", "\\sqrt[3]{8}",
        "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}",
        "y=2x+1", "a=2, b=3", "\\text{yes}", "50\\%", "1 \\pm \\sqrt{2}", "\\sin^2 x", "\\log_2 8", "10!", "e^{i\\pi}",
    ]

    private static let pieces = [
        "\\frac", "\\dfrac", "\\sqrt", "\\sqrt[3]", "{", "}", "(", ")", "[", "]", "\\{", "\\}", "\\left(", "\\right)",
        "^", "_", "+", "-", "*", "/", "=", "<", "\\le", "\\ge", ",", "&", "\\\\", "!", "|", "\\pm", "\\cdot",
        "\\times", "\\pi", "\\infty", "e", "i", "x", "y", "n", "0", "1", "2", "9", "10", "1000", ".5", "3.14", "1e5",
        "\\sin", "\\cos", "\\log", "\\ln", "\\binom", "\\text{", "cm", "\\%", "\\$", "$", "\\begin{pmatrix}",
        "\\end{pmatrix}", "\\cup", "π", "√", "×", "≤", "°", " ", "\\boxed{", "and", "\\circ", "'", ";", "\\", "99999",
    ]

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// One random input.
    public mutating func input() -> String {
        switch below(10) {
        case 0:  // raw bytes, repaired to valid UTF-8 the way a decoder would
            let n = below(40)
            var bytes: [UInt8] = []
            for _ in 0..<n { bytes.append(UInt8(truncatingIfNeeded: next())) }
            return String(decoding: bytes, as: UTF8.self)
        case 1:  // hostile shapes
            let k = below(3000) + 1
            switch below(5) {
            case 0:
                return String(repeating: "{", count: k) + "1" + String(repeating: "}", count: below(2) == 0 ? k : k / 2)
            case 1: return "2" + String(repeating: "^{2", count: k % 60) + String(repeating: "}", count: k % 60)
            case 2:
                return String(repeating: "\\frac{1}{", count: k % 500) + "x" + String(repeating: "}", count: k % 500)
            case 3: return String(repeating: "-", count: k) + "1"
            default: return String(repeating: "(x+1)", count: k % 200)
            }
        case 2, 3, 4:  // mutated seed
            var s = Array(seeds[below(seeds.count)].utf8)
            for _ in 0..<(below(4) + 1) {
                let p = below(s.count + 1)
                switch below(3) {
                case 0: if p < s.count { s.remove(at: p) }
                case 1: s.insert(contentsOf: Array(Self.pieces[below(Self.pieces.count)].utf8), at: p)
                default: if p < s.count { s.insert(s[p], at: p) }
                }
            }
            return String(decoding: s, as: UTF8.self)
        default:  // token soup
            var out = ""
            for _ in 0..<(below(25) + 1) { out += Self.pieces[below(Self.pieces.count)] }
            return out
        }
    }

    /// Compares `count` random inputs against a second random input and against themselves.
    public mutating func run(count: Int, verifier: MathVerifier = MathVerifier()) -> Summary {
        var summary = Summary()
        var previous = "1"
        for _ in 0..<count {
            let s = input()
            let r = verifier.verify(gold: previous, predicted: s)
            summary.reasons[r.reason, default: 0] += 1
            let same = verifier.verify(gold: s, predicted: s)
            summary.reasons[same.reason, default: 0] += 1
            for t in [r, same] where t.micros > summary.worstMicros {
                summary.worstMicros = t.micros
                summary.worstInput = s
            }
            if !same.isMatch, same.reason != "budget", same.reason != "parse", summary.selfMismatches.count < 50 {
                summary.selfMismatches.append(s)
            }
            summary.inputs += 1
            previous = s
        }
        return summary
    }
}
