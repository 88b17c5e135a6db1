/// Random expression trees for property tests, printed as LaTeX two ways: as built, and
/// rewritten by identities that keep the value (commute, expand powers, split fractions).
indirect enum RandomExpression {
    case number(Int)
    case variable(String)
    case add(RandomExpression, RandomExpression)
    case sub(RandomExpression, RandomExpression)
    case mul(RandomExpression, RandomExpression)
    /// Division by `v^2 + c` (c > 0): never zero, so no point is lost to the domain.
    case div(RandomExpression, String, Int)
    case pow(RandomExpression, Int)
    case neg(RandomExpression)

    /// A tiny deterministic generator (SplitMix64).
    struct Source {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let names = ["x", "y", "t"]

    static func make(_ r: inout Source, depth: Int) -> RandomExpression {
        if depth == 0 || r.below(4) == 0 {
            return r.below(2) == 0 ? .number(r.below(19) - 9) : .variable(names[r.below(names.count)])
        }
        switch r.below(6) {
        case 0: return .add(make(&r, depth: depth - 1), make(&r, depth: depth - 1))
        case 1: return .sub(make(&r, depth: depth - 1), make(&r, depth: depth - 1))
        case 2: return .mul(make(&r, depth: depth - 1), make(&r, depth: depth - 1))
        case 3: return .div(make(&r, depth: depth - 1), names[r.below(names.count)], r.below(5) + 1)
        case 4: return .pow(make(&r, depth: depth - 1), r.below(4))
        default: return .neg(make(&r, depth: depth - 1))
        }
    }

    /// LaTeX as built; every compound child in parentheses.
    var latex: String {
        switch self {
        case let .number(n): return n < 0 ? "(\(n))" : "\(n)"
        case let .variable(v): return v
        case let .add(a, b): return "(\(a.latex) + \(b.latex))"
        case let .sub(a, b): return "(\(a.latex) - \(b.latex))"
        case let .mul(a, b): return "\(a.latex) \\cdot \(b.latex)"
        case let .div(a, v, c): return "\\frac{\(a.latex)}{\(v)^2 + \(c)}"
        case let .pow(a, k): return "{(\(a.latex))}^{\(k)}"
        case let .neg(a): return "(-\(a.latex))"
        }
    }

    /// The same value written differently, choosing rewrites at random.
    func rewritten(_ r: inout Source) -> String {
        switch self {
        case let .number(n):
            switch r.below(3) {
            case 0: return "\\frac{\(2 * n)}{2}"
            case 1: return n < 0 ? "(\(n).0)" : "\(n).0"
            default: return n < 0 ? "(\(n))" : "\(n)"
            }
        case let .variable(v): return r.below(2) == 0 ? v : "(1 \\cdot \(v))"
        case let .add(a, b):
            return r.below(2) == 0
                ? "(\(b.rewritten(&r)) + \(a.rewritten(&r)))" : "(\(a.rewritten(&r)) + \(b.rewritten(&r)) + 0)"
        case let .sub(a, b):
            return r.below(2) == 0
                ? "(-\(b.rewritten(&r)) + \(a.rewritten(&r)))" : "(\(a.rewritten(&r)) + (-1)*(\(b.rewritten(&r))))"
        case let .mul(a, b):
            return r.below(2) == 0
                ? "(\(b.rewritten(&r)))(\(a.rewritten(&r)))" : "\(a.rewritten(&r)) \\times \(b.rewritten(&r))"
        case let .div(a, v, c):
            return r.below(2) == 0
                ? "(\(a.rewritten(&r)))/(\(c) + \(v)^{2})" : "(\(a.rewritten(&r))) \\cdot (\(v)\\cdot \(v) + \(c))^{-1}"
        case let .pow(a, k):
            if k == 0 { return "1" }
            let inner = a.rewritten(&r)
            return Array(repeating: "(\(inner))", count: k).joined(separator: "*")
        case let .neg(a): return r.below(2) == 0 ? "(-1)\\cdot(\(a.rewritten(&r)))" : "(0 - \(a.rewritten(&r)))"
        }
    }
}
