extension MathExpr: CustomStringConvertible {
    /// A plain-text canonical form, e.g. `x^2 + 1/2` or `{1, 2}`; what `verify --batch` prints.
    public var description: String {
        var out = ""
        print(into: &out, parentPrecedence: 0)
        return out
    }

    private var precedence: Int {
        switch self {
        case .add, .plusMinus: return 1
        case .neg: return 2
        case .mul: return 3
        case .pow: return 4
        case let .number(r, _): return r.isNegative || !r.isInteger ? 3 : 9
        default: return 9
        }
    }

    private func print(into out: inout String, parentPrecedence: Int) {
        let wrap = precedence < parentPrecedence
        if wrap { out += "(" }
        switch self {
        case let .number(r, _): out += r.description
        case let .percent(a): a.print(into: &out, parentPrecedence: 9); out += "%"
        case let .symbol(s): out += s
        case let .constant(c): out += c == .infinity ? "oo" : c.rawValue
        case let .add(terms):
            for (k, t) in terms.enumerated() {
                if k > 0 {
                    if case let .neg(inner) = t {
                        out += " - "; inner.print(into: &out, parentPrecedence: 3); continue
                    }
                    out += " + "
                }
                t.print(into: &out, parentPrecedence: 2)
            }
        case let .mul(factors):
            // Factors raised to -1 print as a denominator: `3/4`, `pi/(2*x)`.
            var top: [MathExpr] = [], bottom: [MathExpr] = []
            for f in factors {
                if case let .pow(b, .number(r, _)) = f, r == Rational(-1) { bottom.append(b) } else { top.append(f) }
            }
            if top.isEmpty { top = [.int(1)] }
            for (k, f) in top.enumerated() {
                if k > 0 { out += "*" }
                f.print(into: &out, parentPrecedence: 4)
            }
            if !bottom.isEmpty {
                out += "/"
                if bottom.count == 1 {
                    bottom[0].print(into: &out, parentPrecedence: 5)
                } else {
                    MathExpr.mul(bottom).print(into: &out, parentPrecedence: 5)
                }
            }
        case let .pow(b, x):
            b.print(into: &out, parentPrecedence: 5); out += "^"; x.print(into: &out, parentPrecedence: 5)
        case let .neg(a): out += "-"; a.print(into: &out, parentPrecedence: 3)
        case let .call(f, args): out += f.rawValue; Self.printList(args, "(", ")", into: &out)
        case let .apply(name, args): out += name; Self.printList(args, "(", ")", into: &out)
        case let .plusMinus(a, b):
            a.print(into: &out, parentPrecedence: 2); out += " ± "; b.print(into: &out, parentPrecedence: 3)
        case let .set(xs): Self.printList(xs, "{", "}", into: &out)
        case let .tuple(xs): Self.printList(xs, "(", ")", into: &out)
        case let .list(xs): Self.printList(xs, "", "", into: &out)
        case let .interval(a, b, l, r):
            out += l ? "[" : "("; a.print(into: &out, parentPrecedence: 0); out += ", "
            b.print(into: &out, parentPrecedence: 0); out += r ? "]" : ")"
        case let .union(xs):
            for (k, x) in xs.enumerated() {
                if k > 0 { out += " U " }
                x.print(into: &out, parentPrecedence: 9)
            }
        case let .matrix(rows):
            out += "Matrix(["
            for (k, row) in rows.enumerated() {
                if k > 0 { out += ", " }
                Self.printList(row, "[", "]", into: &out)
            }
            out += "])"
        case let .relation(sides, ops):
            for (k, s) in sides.enumerated() {
                if k > 0 { out += " \(ops[k - 1].rawValue) " }
                s.print(into: &out, parentPrecedence: 0)
            }
        case let .text(t): out += "\"\(t)\""
        }
        if wrap { out += ")" }
    }

    private static func printList(_ xs: [MathExpr], _ open: String, _ close: String, into out: inout String) {
        out += open
        for (k, x) in xs.enumerated() {
            if k > 0 { out += ", " }
            x.print(into: &out, parentPrecedence: 0)
        }
        out += close
    }
}
