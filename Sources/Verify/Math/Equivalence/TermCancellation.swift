/// Decides `a = b` for sums whose non-rational terms cancel exactly, such as `π` against
/// `π + 10^{-20}`, where Doubles cannot see the difference.
///
/// Both sides are spread into terms `coefficient · rest`; equal `rest`s (as trees) combine.
/// When nothing but a rational constant is left, its sign decides; otherwise the caller falls
/// back to numeric comparison.
struct TermCancellation {
    let meter: BudgetMeter

    /// true or false when decided exactly, nil when non-rational terms remain.
    func differenceIsZero(_ a: MathExpr, _ b: MathExpr) throws(BudgetExceededError) -> Bool? {
        var terms: [MathExpr: Rational] = [:]
        var constant = Rational.zero
        try spread(a, sign: .one, terms: &terms, constant: &constant)
        try spread(b, sign: Rational(-1), terms: &terms, constant: &constant)
        guard terms.values.allSatisfy(\.isZero) else { return nil }
        return constant.isZero
    }

    private func spread(
        _ e: MathExpr, sign: Rational, terms: inout [MathExpr: Rational], constant: inout Rational
    ) throws(BudgetExceededError) {
        try meter.charge()
        switch e {
        case let .add(ts):
            for t in ts { try spread(t, sign: sign, terms: &terms, constant: &constant) }
        case let .neg(x):
            try spread(x, sign: -sign, terms: &terms, constant: &constant)
        default:
            let exact = ExactEvaluator(meter: meter)
            if case let .value(v) = try exact.eval(e) { constant = constant + sign * v; return }
            var coefficient = sign
            var rest = e
            if case let .mul(fs) = e {
                var others: [MathExpr] = []
                for f in fs {
                    if case let .value(v) = try exact.eval(f) {
                        coefficient = coefficient * v
                    } else {
                        others.append(f)
                    }
                }
                rest = others.count == 1 ? others[0] : .mul(others)
            }
            terms[rest, default: .zero] = terms[rest, default: .zero] + coefficient
        }
    }
}
