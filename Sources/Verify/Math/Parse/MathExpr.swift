/// One parsed answer: LaTeX or plain math as a tree, shared by the evaluator and the comparator.
///
/// Subtraction is `add` of a `neg`, division is `mul` by a `pow(_, -1)`, so equal things have
/// few shapes. Numbers keep whether they were written as decimals (or percent), because a decimal
/// answer is compared after rounding and an exact one is not.
public indirect enum MathExpr: Sendable, Hashable {
    /// A number; `decimal` if written with a decimal point or in scientific notation.
    case number(Rational, decimal: Bool)
    /// A percentage `p%`: compared as `p` and as `p/100`.
    case percent(MathExpr)
    /// A variable or unknown name, e.g. `x`, `x_1`, `alpha`.
    case symbol(String)
    /// π, e, i, ∞.
    case constant(MathConstant)
    /// A sum of terms.
    case add([MathExpr])
    /// A product of factors.
    case mul([MathExpr])
    /// `base ^ exponent`.
    case pow(MathExpr, MathExpr)
    /// `-x`.
    case neg(MathExpr)
    /// A known function (trig, logs, roots, factorial, binomial, absolute value).
    case call(MathFunction, [MathExpr])
    /// An unknown function applied to arguments, e.g. `f(x)`.
    case apply(String, [MathExpr])
    /// `a ± b`: stands for both values.
    case plusMinus(MathExpr, MathExpr)
    /// A set `\{a, b\}`: unordered.
    case set([MathExpr])
    /// A tuple `(a, b)`: ordered.
    case tuple([MathExpr])
    /// A bare comma list `a, b` at the top level: several answers, compared unordered.
    case list([MathExpr])
    /// An interval with its endpoints and whether each end is closed.
    case interval(MathExpr, MathExpr, leftClosed: Bool, rightClosed: Bool)
    /// A union of intervals or sets.
    case union([MathExpr])
    /// A matrix, row-major; a vector is one column.
    case matrix([[MathExpr]])
    /// A relation chain `a op b op c` (equations, inequalities, `a = b = c`).
    case relation([MathExpr], [Relation])
    /// Free text: compared case-insensitively after normalisation.
    case text(String)
}

/// Named constants.
public enum MathConstant: String, Sendable, Hashable {
    case pi, e, i, infinity
}

/// Relation operators, as written.
public enum Relation: String, Sendable, Hashable {
    case eq = "=", ne = "≠", lt = "<", le = "≤", gt = ">", ge = "≥", approx = "≈"

    /// The operator with its sides swapped (`<` becomes `>`).
    var flipped: Relation {
        switch self {
        case .lt: .gt
        case .le: .ge
        case .gt: .lt
        case .ge: .le
        default: self
        }
    }
}

/// Functions the evaluator knows.
public enum MathFunction: String, Sendable, Hashable {
    case sin, cos, tan, sec, csc, cot
    case asin = "arcsin", acos = "arccos", atan = "arctan", asec = "arcsec", acsc = "arccsc", acot = "arccot"
    case sinh, cosh, tanh
    case exp, ln
    /// `log(base, x)`: two arguments.
    case log
    /// `sqrt(x)`.
    case sqrt
    /// `root(n, x)`: the n-th root.
    case root
    case abs, factorial, binom, floor, ceil
}

extension MathExpr {
    /// `0`, `1`, `-1` and small integers as exact numbers.
    static func int(_ n: Int) -> MathExpr { .number(Rational(n), decimal: false) }

    /// Whether any number in the tree was written as a decimal (or percent).
    var hasDecimal: Bool {
        switch self {
        case let .number(_, decimal): return decimal
        case .percent: return true
        default:
            var found = false
            forEachChild { if $0.hasDecimal { found = true } }
            return found
        }
    }

    /// Calls `body` on each direct child.
    func forEachChild(_ body: (MathExpr) -> Void) {
        switch self {
        case .number, .symbol, .constant, .text: break
        case let .percent(a), let .neg(a): body(a)
        case let .add(xs), let .mul(xs), let .call(_, xs), let .apply(_, xs), let .set(xs), let .tuple(xs),
            let .list(xs), let .union(xs), let .relation(xs, _):
            xs.forEach(body)
        case let .pow(a, b), let .plusMinus(a, b), let .interval(a, b, _, _): body(a); body(b)
        case let .matrix(rows): rows.forEach { $0.forEach(body) }
        }
    }

    /// Whether exact evaluation may build big numbers: factorials, binomials, large powers.
    var isCostlyExactly: Bool {
        switch self {
        case .call(.factorial, _), .call(.binom, _): return true
        case let .pow(_, .number(r, _)) where r.numerator.magnitude.bitWidth > 6: return true
        case .pow(_, .add), .pow(_, .mul), .pow(_, .pow), .pow(_, .neg(.pow)): return true
        default:
            var found = false
            forEachChild { if !found && $0.isCostlyExactly { found = true } }
            return found
        }
    }

    /// Whether this is a word answer.
    var isText: Bool { if case .text = self { true } else { false } }

    /// Whether the tree mentions ∞.
    var mentionsInfinity: Bool {
        if case .constant(.infinity) = self { return true }
        var found = false
        forEachChild { if $0.mentionsInfinity { found = true } }
        return found
    }

    /// The free variable names in the tree, sorted.
    var freeSymbols: [String] {
        var names = Set<String>()
        func walk(_ e: MathExpr) {
            if case let .symbol(s) = e { names.insert(s) }
            e.forEachChild(walk)
        }
        walk(self)
        return names.sorted()
    }

    /// Whether the tree is one value (not a set, tuple, interval, relation or text).
    var isScalar: Bool {
        switch self {
        case .set, .tuple, .list, .interval, .union, .matrix, .relation, .text: return false
        case .plusMinus: return false
        default: return true
        }
    }
}
