import BigInt

/// Recursive-descent parser from tokens to `MathExpr`, for LaTeX and plain math alike.
///
/// Precedence, loosest first: comma lists, relations, unions, sums (`+ - ±`), products (explicit
/// and implicit), unary minus, powers (right-associative), postfix (`! %`), atoms. Nesting is
/// capped so hostile input ends as an error, not a stack overflow.
struct MathParser {
    var tokens: [MathToken]
    var pos = 0
    var depth = 0
    var absDepth = 0
    /// Set when a degree mark is read, so a trig function can read its argument in degrees.
    var sawDegree = false
    let meter: BudgetMeter
    /// Deeper nesting than this is refused: far beyond real answers, far below the stack limit.
    static let maxDepth = 120

    init(tokens: [MathToken], meter: BudgetMeter) {
        self.tokens = tokens
        self.meter = meter
    }

    /// Parses the whole token stream as one answer.
    mutating func parseAnswer() throws(MathParseError) -> MathExpr {
        skipNoise()
        if peek == .end { throw .empty }
        let e = try parseList(closers: [])
        skipNoise()
        guard peek == .end else { throw .unexpected("\(peek)") }
        return e
    }

    // MARK: tokens

    var peek: MathToken { tokens[pos] }
    mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }

    static let noise: Set<String> = [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
        "displaystyle", "textstyle", "scriptstyle", ",", ";", "!", " ", ":", "quad", "qquad", "limits",
        "nolimits", "$", "mathbf", "boldsymbol", "bf", "rm", "it", "mathcal", "bm", "tiny",
        "small", "large", "Large", "rvert", "hline", "middle", "ensuremath", "phantom",
    ]

    mutating func skipNoise() {
        while case let .command(c) = peek, Self.noise.contains(c) {
            advance()
            // `\left.` and `\right.` are invisible delimiters.
            if (c == "left" || c == "right"), case .op(46) = peek { advance() }
        }
    }

    mutating func expect(_ byte: UInt8) throws(MathParseError) {
        skipNoise()
        guard peek == .op(byte) else { throw .unexpected("expected \(UnicodeScalar(byte)) at \(peek)") }
        advance()
    }

    mutating func enter() throws(MathParseError) {
        depth += 1
        if depth > Self.maxDepth { throw .tooDeep }
        do { try meter.charge() } catch { throw .budget }
    }

    // MARK: levels

    /// A comma (or `;`, "and", "or") separated list; one item stands for itself.
    mutating func parseList(closers: Set<UInt8>) throws(MathParseError) -> MathExpr {
        var items = [try parseRelation()]
        while true {
            skipNoise()
            switch peek {
            case .op(44), .op(59):
                advance()
            case let .word(w) where w == "and" || w == "or":
                advance()
            case let .text(t) where Self.isConjunction(t):
                advance()
            default:
                return items.count == 1 ? items[0] : .list(items)
            }
            skipNoise()
            if case let .op(b) = peek, closers.contains(b) { return .list(items) }
            items.append(try parseRelation())
        }
    }

    static func isConjunction(_ t: String) -> Bool {
        let w = t.trimmingSpaces.lowercased()
        return w == "and" || w == "or" || w == ","
    }

    mutating func parseRelation() throws(MathParseError) -> MathExpr {
        var sides = [try parseUnion()]
        var ops: [Relation] = []
        while true {
            skipNoise()
            if case let .relation(r) = peek {
                advance()
                ops.append(r)
                sides.append(try parseUnion())
            } else if peek == .command("in") {
                // `x \in [1, 2]` answers with the set.
                advance()
                return try parseUnion()
            } else {
                break
            }
        }
        return ops.isEmpty ? sides[0] : .relation(sides, ops)
    }

    mutating func parseUnion() throws(MathParseError) -> MathExpr {
        var parts = [try parseSum()]
        skipNoise()
        while peek == .command("cup") || peek == .word("U") {
            advance()
            parts.append(try parseSum())
            skipNoise()
        }
        return parts.count == 1 ? parts[0] : .union(parts)
    }

    mutating func parseSum() throws(MathParseError) -> MathExpr {
        try enter(); defer { depth -= 1 }
        var terms = [try parseProduct()]
        while true {
            skipNoise()
            switch peek {
            case .op(43): advance(); terms.append(try parseProduct())
            case .op(45): advance(); terms.append(.neg(try parseProduct()))
            case .command("pm"), .command("mp"):
                advance()
                let rest = try parseProduct()
                let left: MathExpr = terms.count == 1 ? terms[0] : .add(terms)
                terms = [.plusMinus(left, rest)]
            default:
                return terms.count == 1 ? terms[0] : .add(terms)
            }
        }
    }

    mutating func parseProduct() throws(MathParseError) -> MathExpr {
        var factors = [try parseUnary()]
        while true {
            skipNoise()
            switch peek {
            case .op(42), .command("times"), .command("cdot"), .command("ast"):
                advance(); factors.append(try parseUnary())
            case .op(47), .command("div"), .command("over"):
                advance(); factors.append(.pow(try parseUnary(), .int(-1)))
            default:
                if isUnit() { skipUnits(); continue }
                guard startsImplicitFactor() else { return factors.count == 1 ? factors[0] : .mul(factors) }
                // Two numbers side by side (`2 3`, `1 00`) are no product: a reader sees a list or a
                // typo, and taking them as one hides a wrong answer.
                if case .number = peek, pos > 0, case .number = tokens[pos - 1] {
                    throw .unexpected("a number right after a number")
                }
                let next = try parsePower()
                // A mixed number `2\frac{1}{2}` is 5/2: a whole number then a numeric fraction.
                if factors.count == 1, case let .number(whole, false) = factors[0], whole.isInteger, !whole.isNegative,
                    case let .mul(parts) = next, parts.count == 2, case let .number(num, false) = parts[0],
                    case let .pow(.number(den, false), .number(minusOne, _)) = parts[1], minusOne == Rational(-1),
                    num.isInteger, den.isInteger, !num.isNegative, num < den
                {
                    factors[0] = .add([factors[0], next])
                    continue
                }
                factors.append(next)
            }
        }
    }

    mutating func parseUnary() throws(MathParseError) -> MathExpr {
        try enter(); defer { depth -= 1 }
        skipNoise()
        switch peek {
        case .op(45): advance(); return .neg(try parseUnary())
        case .op(43): advance(); return try parseUnary()
        case .command("pm"), .command("mp"): advance(); return .plusMinus(.int(0), try parseUnary())
        default: return try parsePower()
        }
    }

    mutating func parsePower() throws(MathParseError) -> MathExpr {
        try enter(); defer { depth -= 1 }
        var base = try parsePostfix()
        while true {
            skipNoise()
            if case let .command(c) = peek, c == "^2" || c == "^3" {
                advance(); base = .pow(base, .int(c == "^2" ? 2 : 3)); continue
            }
            guard peek == .op(94) else { return base }
            advance()
            if skipDegreeMark() { continue }
            let exponent = try parseExponent()
            base = .pow(base, exponent)
            base = try parsePostfixOps(base)
        }
    }

    /// `^\circ` and `^{\circ}` mark degrees: the number stands as it is.
    mutating func skipDegreeMark() -> Bool {
        skipNoise()
        if peek == .command("circ") { advance(); sawDegree = true; return true }
        if peek == .op(123), pos + 2 < tokens.count, tokens[pos + 1] == .command("circ"), tokens[pos + 2] == .op(125) {
            pos += 3; sawDegree = true; return true
        }
        return false
    }

    mutating func parseExponent() throws(MathParseError) -> MathExpr {
        skipNoise()
        switch peek {
        case .op(45): advance(); return .neg(try parseExponent())
        case .op(43): advance(); return try parseExponent()
        default: return try parsePower()
        }
    }

    mutating func parsePostfix() throws(MathParseError) -> MathExpr {
        try parsePostfixOps(try parsePrimary())
    }

    mutating func parsePostfixOps(_ start: MathExpr) throws(MathParseError) -> MathExpr {
        var e = start
        while true {
            skipNoise()
            switch peek {
            case .op(33): advance(); e = .call(.factorial, [e])
            case .command("%"):
                advance()
                if case .percent = e { continue }  // `50%%` is one percent: nesting would double the work per level
                e = .percent(e)
            case .command("circ"), .command("degree"): advance(); sawDegree = true
            case .op(39): advance()  // a prime: f'(x) is rare in answers; keep the name
            default: return e
            }
        }
    }

    /// Whether the next token can begin a factor written right after another (`2x`, `3(x+1)`).
    func startsImplicitFactor() -> Bool {
        switch peek {
        case .number: return true
        case let .word(w): return w != "and" && w != "or"
        case .op(40): return true
        case .op(123): return true
        case .op(124): return absDepth == 0
        case let .command(c): return !Self.stopCommands.contains(c)
        case let .text(t): return !Self.isConjunction(t)
        default: return false
        }
    }

    static let stopCommands: Set<String> = [
        "cup", "pm", "mp", "right", "end", "\\", "times", "cdot", "div", "}", "in", "cap", "setminus",
        "to", "rightarrow", "implies", "iff", "Rightarrow", "quad", "qquad", "text", "over", "%", "&",
        "rfloor", "rceil", "rangle", "|",
    ]
}
