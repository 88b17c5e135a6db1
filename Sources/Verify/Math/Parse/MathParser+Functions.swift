/// Function application: `\sin^2 x`, `\log_2 8`, `\arcsin`, inverse powers.
extension MathParser {
    /// A function name followed by its argument: `\sin^2 x`, `\log_2 8`, `\sin(x)`, `\sin 2x`.
    mutating func parseFunction(_ f: MathFunction, name: String) throws(MathParseError) -> MathExpr {
        var function = f
        var power: MathExpr?
        var base: MathExpr?
        for _ in 0..<2 {
            skipNoise()
            if peek == .op(94) {
                advance()
                let p = try parseExponent()
                if p == .neg(.int(1)), let inverse = Self.inverse(function) { function = inverse } else { power = p }
            } else if peek == .op(95) {
                advance()
                base = try argument(singleDigit: true)
            }
        }
        skipNoise()
        let degreesBefore = sawDegree
        sawDegree = false
        defer { sawDegree = sawDegree || degreesBefore }
        var arg: MathExpr
        if peek == .op(40) {
            advance()
            let inner = try parseList(closers: [41])
            try expect(41)
            if case let .list(items) = inner, function == .log, items.count == 2 {
                base = items[1]; arg = items[0]  // log(x, b) as in sympy
            } else {
                arg = inner
            }
        } else if peek == .op(123) {
            arg = try argument(singleDigit: false)
        } else {
            // `\sin 2x`: the argument runs over an implicit product, up to the next function.
            var factors = [try parseUnary()]
            while startsImplicitFactor(), !nextIsFunction() {
                skipNoise()
                factors.append(try parsePower())
            }
            arg = factors.count == 1 ? factors[0] : .mul(factors)
        }
        let trig: Set<MathFunction> = [.sin, .cos, .tan, .sec, .csc, .cot]
        if sawDegree && trig.contains(function) {
            arg = .mul([arg, .constant(.pi), .pow(.int(180), .int(-1))])  // sin 30° is sin(π/6)
        }
        var result: MathExpr
        switch function {
        case .log:
            if name == "lg" && base == nil { base = .int(10) }
            result = base.map { .call(.log, [$0, arg]) } ?? .call(.ln, [arg])
        case .sqrt: result = .call(.sqrt, [arg])
        default: result = .call(function, [arg])
        }
        if let power { result = .pow(result, power) }
        return result
    }

    func nextIsFunction() -> Bool {
        switch peek {
        case let .word(w), let .command(w):
            if case .function = Self.knownWord(w) { return true }
            return w == "frac" || w == "dfrac" || w == "sqrt"
        default: return false
        }
    }

    static func inverse(_ f: MathFunction) -> MathFunction? {
        switch f {
        case .sin: .asin
        case .cos: .acos
        case .tan: .atan
        case .sec: .asec
        case .csc: .acsc
        case .cot: .acot
        default: nil
        }
    }

}
