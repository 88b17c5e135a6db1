/// Compares two parsed answers by kind: sets unordered, tuples ordered, intervals by endpoints
/// and openness, matrices elementwise, equations up to a nonzero factor, inequalities as
/// intervals, assignments by value, text by normalised words, scalars by `ScalarEquivalence`.
///
/// Asymmetries follow the anti-hacking rules: an inequality gold accepts the equal interval,
/// an interval gold does not accept an inequality.
struct MathEquivalence {
    let meter: BudgetMeter
    let strict: Bool
    let scalars: ScalarEquivalence

    init(meter: BudgetMeter, precision: Int, strict: Bool) {
        self.meter = meter
        self.strict = strict
        self.scalars = ScalarEquivalence(meter: meter, precision: precision)
    }

    /// The reason when `pred` answers `gold`, nil otherwise.
    func match(_ gold: MathExpr, _ pred: MathExpr) throws(BudgetExceededError) -> String? {
        try meter.charge()
        switch (gold, pred) {
        case let (.text(g), .text(p)): return g == p ? "text" : nil
        case let (.text(g), _): return g == MathAnswerParser.normalizedText(Array(pred.description.utf8)) ? "text" : nil
        case (_, .text): return nil
        default: break
        }
        if case let .symbol(g) = gold, case let .symbol(p) = pred, !strict, g.lowercased() == p.lowercased() {
            return "text"  // choice letters: `A` answers `a`
        }
        if case .relation = gold { return try matchRelation(gold, pred) }
        if case .relation = pred {
            if let a = pred.assignment, !strict { return try match(gold, a.value) }
            if let v = pred.chainValue, !strict { return try match(gold, v) }
            return nil
        }
        // `1 ± √2` is the two values.
        let goldValues = gold.expandedPlusMinus, predValues = pred.expandedPlusMinus
        if goldValues.count > 1 || predValues.count > 1 {
            func elements(_ e: MathExpr, _ values: [MathExpr]) -> [MathExpr] {
                switch e {
                case let .list(xs), let .set(xs): return xs.flatMap(\.expandedPlusMinus)
                default: return values
                }
            }
            return try unordered(elements(gold, goldValues), elements(pred, predValues)) ? "set" : nil
        }
        switch (gold, pred) {
        case let (.set(g), .set(p)), let (.set(g), .list(p)), let (.list(g), .set(p)), let (.list(g), .list(p)):
            if let r = try assignmentsMatch(g, p) { return r ? "assignment" : nil }
            return try unordered(g, p) ? "set" : nil
        case let (.list(g), .tuple(p)), let (.tuple(g), .list(p)):
            if let r = try assignmentsMatch(g, p) { return r ? "assignment" : nil }
            return try ordered(g, p) ? "tuple" : nil
        case let (.set(g), .tuple(p)), let (.tuple(g), .set(p)):
            if strict { return nil }
            return try unordered(g, p) ? "set" : nil
        case let (.tuple(g), .tuple(p)):
            return try ordered(g, p) ? "tuple" : nil
        case (.interval, .interval), (.interval, .tuple), (.tuple, .interval):
            return try intervalsMatch(gold, pred) ? "interval" : nil
        case let (.union(g), .union(p)):
            return try unordered(g, p) ? "interval" : nil
        case let (.matrix(g), .matrix(p)):
            guard g.count == p.count, zip(g, p).allSatisfy({ $0.count == $1.count }) else { return nil }
            return try ordered(g.flatMap { $0 }, p.flatMap { $0 }) ? "matrix" : nil
        case let (.matrix(g), .tuple(p)), let (.tuple(p), .matrix(g)):
            // A column or row vector written as a tuple.
            guard !strict, g.count == 1 || g.allSatisfy({ $0.count == 1 }) else { return nil }
            return try ordered(g.flatMap { $0 }, p) ? "matrix" : nil
        case let (.set(g), _) where g.count == 1 && !strict:
            return try match(g[0], pred)
        case let (.list(g), _) where g.count == 1:
            return try match(g[0], pred)
        default:
            guard gold.isScalar, pred.isScalar else { return nil }
            return try scalars.equal(gold, pred)
        }
    }

    private func matchRelation(_ gold: MathExpr, _ pred: MathExpr) throws(BudgetExceededError) -> String? {
        if let g = gold.functionDefinition, let p = pred.functionDefinition {
            guard g.name == p.name, g.parameters.count == p.parameters.count else { return nil }
            let renamed = p.body.renamingSymbols(Dictionary(uniqueKeysWithValues: zip(p.parameters, g.parameters)))
            return try match(g.body, renamed) != nil ? "equation" : nil
        }
        if let g = gold.equationDifference, let p = pred.equationDifference {
            if try proportional(g, p) { return "equation" }
        }
        if let g = gold.assignment {
            if let p = pred.assignment {
                if strict && g.name != p.name { return nil }
                return try match(g.value, p.value)
            }
            // `x = 5+5+1 = 11` for `x = 11`: a chain from the same variable ends in its value.
            if case let .relation(sides, _) = pred, case let .symbol(name) = sides[0], name == g.name,
                let v = pred.chainValue
            {
                return try match(g.value, v)
            }
            if case .relation = pred { return nil }
            return strict ? nil : try match(g.value, pred)
        }
        let goldInterval = gold.inequalityInterval, predInterval = pred.inequalityInterval
        if let g = goldInterval, let p = predInterval { return try match(g, p) }
        if try sameInequality(gold, pred) { return "relation" }
        if let g = goldInterval {
            switch pred {
            case .interval, .union, .tuple: return try match(g, pred)
            default: return nil
            }
        }
        if case let .relation(gs, gops) = gold, case let .relation(ps, pops) = pred, gops == pops, gs.count == ps.count
        {
            return try ordered(gs, ps) ? "relation" : nil
        }
        if let v = gold.chainValue, !strict {
            if let pv = pred.chainValue { return try match(v, pv) }
            if case .relation = pred { return nil }
            return try match(v, pred)
        }
        return nil
    }

    /// Two single inequalities as `f < 0` (or `f ≤ 0`) are the same when they are equally strict and
    /// one `f` is a positive constant multiple of the other: `2x > 6` is `x > 3`, `-x > -1` is
    /// `x < 1`, `y - 2x < 1` is `y < 2x + 1`. False leaves the other relation checks to decide.
    private func sameInequality(_ gold: MathExpr, _ pred: MathExpr) throws(BudgetExceededError) -> Bool {
        guard let g = gold.inequalityForm, let p = pred.inequalityForm, g.strict == p.strict,
            !g.lessThanZero.freeSymbols.isEmpty, !p.lessThanZero.freeSymbols.isEmpty,
            try proportional(g.lessThanZero, p.lessThanZero)
        else { return false }
        // The factor's sign, at the first point where both sides are defined and nonzero.
        var names = g.lessThanZero.freeSymbols
        for s in p.lessThanZero.freeSymbols where !names.contains(s) { names.append(s) }
        for k in 0..<ScalarEquivalence.pointCount {
            var approx = ApproxEvaluator(meter: meter)
            for (name, value) in RandomPoints.point(k, variables: names) { approx.env[name] = value.doubleValue }
            let x = try approx.eval(g.lessThanZero), y = try approx.eval(p.lessThanZero)
            guard x.isFinite, y.isFinite, x.magnitude > 1e-12, y.magnitude > 1e-12 else { continue }
            return (x / y).re > 0
        }
        return false
    }

    /// Equations are the same when one side difference is a nonzero constant multiple of the other.
    /// Ratios are taken in Doubles at every point and exactly at the first two, as for identities.
    private func proportional(_ f: MathExpr, _ g: MathExpr) throws(BudgetExceededError) -> Bool {
        var names = f.freeSymbols
        for s in g.freeSymbols where !names.contains(s) { names.append(s) }
        guard !names.isEmpty else { return false }
        var exactRatio: Rational?
        var approxRatio: Complex?
        var agreed = 0, exactChecks = 0
        for k in 0..<ScalarEquivalence.pointCount {
            let point = RandomPoints.point(k, variables: names)
            var approx = ApproxEvaluator(meter: meter)
            for (name, value) in point { approx.env[name] = value.doubleValue }
            let x = try approx.eval(f), y = try approx.eval(g)
            guard x.isFinite, y.isFinite else { continue }
            if y.magnitude < 1e-300 {
                if x.magnitude < 1e-300 { continue }
                return false
            }
            let q = x / y
            if q.magnitude < 1e-12 || !q.isFinite { return false }
            if let first = approxRatio, (first - q).magnitude > 1e-9 * max(first.magnitude, q.magnitude) {
                return false
            }
            approxRatio = approxRatio ?? q
            if exactChecks < 2 {
                if case let .exact(ex) = try scalars.valueAt(point, f),
                    case let .exact(ey) = try scalars.valueAt(point, g)
                {
                    guard let r = Rational.divide(ex, ey), !r.isZero else { return false }
                    if let first = exactRatio, first != r { return false }
                    exactRatio = r
                    exactChecks += 1
                }
            }
            agreed += 1
            if agreed >= ScalarEquivalence.neededPoints + 2 { break }
        }
        return agreed >= ScalarEquivalence.neededPoints
    }

    private func intervalsMatch(_ g: MathExpr, _ p: MathExpr) throws(BudgetExceededError) -> Bool {
        func parts(_ e: MathExpr) -> (MathExpr, MathExpr, Bool, Bool)? {
            switch e {
            case let .interval(a, b, l, r): return (a, b, l, r)
            case let .tuple(xs) where xs.count == 2: return (xs[0], xs[1], false, false)  // (a, b) read as open
            default: return nil
            }
        }
        guard let (ga, gb, gl, gr) = parts(g), let (pa, pb, pl, pr) = parts(p), gl == pl, gr == pr else { return false }
        guard try match(ga, pa) != nil else { return false }
        return try match(gb, pb) != nil
    }

    /// Lists of assignments `a=2, b=3` match by name, or by position against plain values;
    /// nil when the gold list is not all assignments.
    private func assignmentsMatch(_ g: [MathExpr], _ p: [MathExpr]) throws(BudgetExceededError) -> Bool? {
        let ga = g.compactMap(\.assignment)
        guard ga.count == g.count, !ga.isEmpty else { return nil }
        guard g.count == p.count else { return false }
        let pa = p.compactMap(\.assignment)
        if pa.count == p.count {
            // Same names: pair by name. Different names (x=2, x=-2 lists of roots): compare values unordered.
            let names = Set(ga.map(\.name))
            if names.count == ga.count && Set(pa.map(\.name)) == names {
                for a in ga {
                    guard let b = pa.first(where: { $0.name == a.name }), try match(a.value, b.value) != nil else {
                        return false
                    }
                }
                return true
            }
            if strict && Set(pa.map(\.name)) != names { return false }
            return try unordered(ga.map(\.value), pa.map(\.value))
        }
        if strict || !pa.isEmpty { return false }
        return try ordered(ga.map(\.value), p)
    }

    private func ordered(_ g: [MathExpr], _ p: [MathExpr]) throws(BudgetExceededError) -> Bool {
        guard g.count == p.count else { return false }
        for (x, y) in zip(g, p) where try match(x, y) == nil { return false }
        return true
    }

    /// Each gold element matched to a distinct predicted one (equality is transitive, so greedy works).
    private func unordered(_ g: [MathExpr], _ p: [MathExpr]) throws(BudgetExceededError) -> Bool {
        guard g.count == p.count else { return false }
        var used = [Bool](repeating: false, count: p.count)
        outer: for x in g {
            for (k, y) in p.enumerated() where !used[k] {
                if try match(x, y) != nil { used[k] = true; continue outer }
            }
            return false
        }
        return true
    }
}
