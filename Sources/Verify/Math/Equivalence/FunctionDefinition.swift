/// A function defined by a formula, `f(n) = 2n + 1007`: its name, its parameters and its body.
/// Two definitions of one function with renamed parameters (`f(m) = 2m + 1007`) are the same
/// answer, so the comparison renames one side's parameters to the other's first.
extension MathExpr {
    /// `f(x, y) = body` with plain symbols as parameters and no other symbol in the body; nil for
    /// any other shape.
    var functionDefinition: (name: String, parameters: [String], body: MathExpr)? {
        guard case let .relation(sides, ops) = self, ops == [.eq] else { return nil }
        let name: String, arguments: [MathExpr]
        switch sides[0] {
        case let .apply(f, xs): (name, arguments) = (f, xs)
        // `f(n)` reads as the product f·n; a usual function letter times its arguments is a call here.
        case let .mul(factors) where factors.count == 2:
            guard case let .symbol(f) = factors[0], Self.functionLetters.contains(f) else { return nil }
            switch factors[1] {
            case .symbol: (name, arguments) = (f, [factors[1]])
            case let .tuple(xs): (name, arguments) = (f, xs)
            default: return nil
            }
        default: return nil
        }
        var parameters: [String] = []
        for argument in arguments {
            guard case let .symbol(s) = argument, !parameters.contains(s) else { return nil }
            parameters.append(s)
        }
        // A body with a symbol that is no parameter (`f(m) = 2n`) defines no function of them.
        guard !parameters.isEmpty, sides[1].freeSymbols.allSatisfy(parameters.contains) else { return nil }
        return (name, parameters, sides[1])
    }

    private static let functionLetters: Set<String> = ["f", "g", "h", "F", "G", "H"]

    /// The tree with each symbol named in `names` replaced by its new name.
    func renamingSymbols(_ names: [String: String]) -> MathExpr {
        func r(_ e: MathExpr) -> MathExpr { e.renamingSymbols(names) }
        switch self {
        case let .symbol(s): return .symbol(names[s] ?? s)
        case .number, .constant, .text: return self
        case let .percent(x): return .percent(r(x))
        case let .add(xs): return .add(xs.map(r))
        case let .mul(xs): return .mul(xs.map(r))
        case let .pow(a, b): return .pow(r(a), r(b))
        case let .neg(x): return .neg(r(x))
        case let .call(f, xs): return .call(f, xs.map(r))
        case let .apply(f, xs): return .apply(f, xs.map(r))
        case let .plusMinus(a, b): return .plusMinus(r(a), r(b))
        case let .set(xs): return .set(xs.map(r))
        case let .tuple(xs): return .tuple(xs.map(r))
        case let .list(xs): return .list(xs.map(r))
        case let .interval(a, b, l, rc): return .interval(r(a), r(b), leftClosed: l, rightClosed: rc)
        case let .union(xs): return .union(xs.map(r))
        case let .matrix(rows): return .matrix(rows.map { $0.map(r) })
        case let .relation(xs, ops): return .relation(xs.map(r), ops)
        }
    }
}
