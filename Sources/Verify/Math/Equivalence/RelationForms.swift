/// Reading relations as the objects they describe: assignments, intervals, equations.
extension MathExpr {
    /// `x = 3` (or `3 = x`): the variable and its value, when one side is a lone symbol.
    var assignment: (name: String, value: MathExpr)? {
        guard case let .relation(sides, ops) = self, ops.count == 1, ops[0] == .eq else { return nil }
        if case let .symbol(s) = sides[0], !sides[1].freeSymbols.contains(s) { return (s, sides[1]) }
        if case let .symbol(s) = sides[1], !sides[0].freeSymbols.contains(s) { return (s, sides[0]) }
        if case let .apply(f, _) = sides[0] { return (f, sides[1]) }  // f(x) = x^2 answers x^2
        return nil
    }

    /// The value a chain `a = b = c` ends in, e.g. `x = 2 + 1 = 3` gives `3`.
    var chainValue: MathExpr? {
        guard case let .relation(sides, ops) = self, ops.allSatisfy({ $0 == .eq || $0 == .approx }) else { return nil }
        return sides.last(where: { $0.freeSymbols.isEmpty }) ?? sides.last
    }

    /// `lhs - rhs` of a single equation, for comparing equations up to a factor.
    var equationDifference: MathExpr? {
        guard case let .relation(sides, ops) = self, ops.count == 1, ops[0] == .eq else { return nil }
        return .add([sides[0], .neg(sides[1])])
    }

    /// An inequality in one variable as the interval it describes: `x > 3` is `(3, ∞)`,
    /// `1 < x ≤ 5` is `(1, 5]`, `3 ≥ x` is `(-∞, 3]`.
    var inequalityInterval: MathExpr? {
        guard case let .relation(sides, ops) = self, !ops.contains(where: { $0 == .eq || $0 == .ne || $0 == .approx })
        else { return nil }
        let inf = MathExpr.constant(.infinity), negInf = MathExpr.neg(.constant(.infinity))
        if sides.count == 2 {
            var op = ops[0]
            var bound = sides[1]
            guard case .symbol = sides[0] else {
                guard case .symbol = sides[1] else { return nil }
                op = op.flipped; bound = sides[0]
                return Self.halfLine(op, bound, inf, negInf)
            }
            return Self.halfLine(op, bound, inf, negInf)
        }
        guard sides.count == 3, case .symbol = sides[1] else { return nil }
        let lowOps: Set<Relation> = [.lt, .le]
        if lowOps.contains(ops[0]) && lowOps.contains(ops[1]) {
            return .interval(sides[0], sides[2], leftClosed: ops[0] == .le, rightClosed: ops[1] == .le)
        }
        let highOps: Set<Relation> = [.gt, .ge]
        if highOps.contains(ops[0]) && highOps.contains(ops[1]) {
            return .interval(sides[2], sides[0], leftClosed: ops[1] == .ge, rightClosed: ops[0] == .ge)
        }
        return nil
    }

    private static func halfLine(_ op: Relation, _ bound: MathExpr, _ inf: MathExpr, _ negInf: MathExpr) -> MathExpr? {
        switch op {
        case .gt: .interval(bound, inf, leftClosed: false, rightClosed: false)
        case .ge: .interval(bound, inf, leftClosed: true, rightClosed: false)
        case .lt: .interval(negInf, bound, leftClosed: false, rightClosed: false)
        case .le: .interval(negInf, bound, leftClosed: false, rightClosed: true)
        default: nil
        }
    }

    /// A single inequality as `f < 0` or `f ≤ 0` (`x > 3` is `3 - x < 0`); nil for anything else,
    /// chains (`1 < x < 5`) included.
    var inequalityForm: (lessThanZero: MathExpr, strict: Bool)? {
        guard case let .relation(sides, ops) = self, sides.count == 2, ops.count == 1 else { return nil }
        switch ops[0] {
        case .lt: return (.add([sides[0], .neg(sides[1])]), true)
        case .le: return (.add([sides[0], .neg(sides[1])]), false)
        case .gt: return (.add([sides[1], .neg(sides[0])]), true)
        case .ge: return (.add([sides[1], .neg(sides[0])]), false)
        default: return nil
        }
    }

    /// `a ± b` spread into its values (both signs), through sums, products, negations and tuples:
    /// `\frac{-1 \pm \sqrt5}{2}` is two values, `(\pm 1, 0, \pm 2)` four tuples. Each ± is a
    /// choice of its own; past 16 combinations the tree stays as it is.
    var expandedPlusMinus: [MathExpr] {
        // Nearly every answer has no ±: a walk that allocates nothing decides that first.
        guard hasPlusMinus else { return [self] }
        switch self {
        case let .plusMinus(a, b):
            return a.expandedPlusMinus.flatMap { x in
                b.expandedPlusMinus.flatMap { y in [MathExpr.add([x, y]), .add([x, .neg(y)])] }
            }
        case let .add(terms): return Self.combinations(terms)?.map { .add($0) } ?? [self]
        case let .mul(factors): return Self.combinations(factors)?.map { .mul($0) } ?? [self]
        case let .tuple(items): return Self.combinations(items)?.map { .tuple($0) } ?? [self]
        case let .neg(x): return x.expandedPlusMinus.map { .neg($0) }
        default: return [self]
        }
    }

    /// Whether a ± stands anywhere in the sums, products, negations and tuples `expandedPlusMinus` reads.
    private var hasPlusMinus: Bool {
        switch self {
        case .plusMinus: return true
        case let .add(xs), let .mul(xs), let .tuple(xs): return xs.contains { $0.hasPlusMinus }
        case let .neg(x): return x.hasPlusMinus
        default: return false
        }
    }

    /// Every choice of one expansion per part; nil when no part expands or there would be more than 16.
    private static func combinations(_ parts: [MathExpr]) -> [[MathExpr]]? {
        var out: [[MathExpr]] = [[]]
        var expanded = false
        for part in parts {
            let values = part.expandedPlusMinus
            if values.count > 1 { expanded = true }
            guard out.count * values.count <= 16 else { return nil }
            out = out.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return expanded ? out : nil
    }
}
