import BigInt

/// Recursive-descent parser from tokens to `MathExpr`, for LaTeX and plain math alike.
///
/// Precedence, loosest first: comma lists, relations, unions, sums (`+ - ±`), products (explicit
/// and implicit), unary minus, powers (right-associative), postfix (`! %`), atoms. Nesting is
/// capped so hostile input ends as an error, not a stack overflow.
struct MathParser {
    private var tokens: [MathToken]
    private var pos = 0
    private var depth = 0
    private var absDepth = 0
    /// Set when a degree mark is read, so a trig function can read its argument in degrees.
    private var sawDegree = false
    private let meter: BudgetMeter
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

    private var peek: MathToken { tokens[pos] }
    private mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }

    private static let noise: Set<String> = [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
        "displaystyle", "textstyle", "scriptstyle", ",", ";", "!", " ", ":", "quad", "qquad", "limits",
        "nolimits", "$", "mathbf", "boldsymbol", "bf", "rm", "it", "mathcal", "bm", "tiny",
        "small", "large", "Large", "rvert", "hline", "middle", "ensuremath", "phantom",
    ]

    private mutating func skipNoise() {
        while case let .command(c) = peek, Self.noise.contains(c) {
            advance()
            // `\left.` and `\right.` are invisible delimiters.
            if (c == "left" || c == "right"), case .op(46) = peek { advance() }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(MathParseError) {
        skipNoise()
        guard peek == .op(byte) else { throw .unexpected("expected \(UnicodeScalar(byte)) at \(peek)") }
        advance()
    }

    private mutating func enter() throws(MathParseError) {
        depth += 1
        if depth > Self.maxDepth { throw .tooDeep }
        do { try meter.charge() } catch { throw .budget }
    }

    // MARK: levels

    /// A comma (or `;`, "and", "or") separated list; one item stands for itself.
    private mutating func parseList(closers: Set<UInt8>) throws(MathParseError) -> MathExpr {
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

    private static func isConjunction(_ t: String) -> Bool {
        let w = t.trimmingSpaces.lowercased()
        return w == "and" || w == "or" || w == ","
    }

    private mutating func parseRelation() throws(MathParseError) -> MathExpr {
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

    private mutating func parseUnion() throws(MathParseError) -> MathExpr {
        var parts = [try parseSum()]
        skipNoise()
        while peek == .command("cup") || peek == .word("U") {
            advance()
            parts.append(try parseSum())
            skipNoise()
        }
        return parts.count == 1 ? parts[0] : .union(parts)
    }

    private mutating func parseSum() throws(MathParseError) -> MathExpr {
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

    private mutating func parseProduct() throws(MathParseError) -> MathExpr {
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
                let next = try parsePower()
                // A mixed number `2\frac{1}{2}` is 5/2: a whole number then a numeric fraction.
                if factors.count == 1, case let .number(whole, false) = factors[0], whole.isInteger, !whole.isNegative,
                   case let .mul(parts) = next, parts.count == 2, case let .number(num, false) = parts[0],
                   case let .pow(.number(den, false), .number(minusOne, _)) = parts[1], minusOne == Rational(-1),
                   num.isInteger, den.isInteger, !num.isNegative, num < den {
                    factors[0] = .add([factors[0], next])
                    continue
                }
                factors.append(next)
            }
        }
    }

    private mutating func parseUnary() throws(MathParseError) -> MathExpr {
        try enter(); defer { depth -= 1 }
        skipNoise()
        switch peek {
        case .op(45): advance(); return .neg(try parseUnary())
        case .op(43): advance(); return try parseUnary()
        case .command("pm"), .command("mp"): advance(); return .plusMinus(.int(0), try parseUnary())
        default: return try parsePower()
        }
    }

    private mutating func parsePower() throws(MathParseError) -> MathExpr {
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
    private mutating func skipDegreeMark() -> Bool {
        skipNoise()
        if peek == .command("circ") { advance(); sawDegree = true; return true }
        if peek == .op(123), pos + 2 < tokens.count, tokens[pos + 1] == .command("circ"), tokens[pos + 2] == .op(125) {
            pos += 3; sawDegree = true; return true
        }
        return false
    }

    private mutating func parseExponent() throws(MathParseError) -> MathExpr {
        skipNoise()
        switch peek {
        case .op(45): advance(); return .neg(try parseExponent())
        case .op(43): advance(); return try parseExponent()
        default: return try parsePower()
        }
    }

    private mutating func parsePostfix() throws(MathParseError) -> MathExpr {
        try parsePostfixOps(try parsePrimary())
    }

    private mutating func parsePostfixOps(_ start: MathExpr) throws(MathParseError) -> MathExpr {
        var e = start
        while true {
            skipNoise()
            switch peek {
            case .op(33): advance(); e = .call(.factorial, [e])
            case .command("%"): advance(); e = .percent(e)
            case .command("circ"), .command("degree"): advance(); sawDegree = true
            case .op(39): advance()  // a prime: f'(x) is rare in answers; keep the name
            default: return e
            }
        }
    }

    /// Whether the next token can begin a factor written right after another (`2x`, `3(x+1)`).
    private func startsImplicitFactor() -> Bool {
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

    private static let stopCommands: Set<String> = [
        "cup", "pm", "mp", "right", "end", "\\", "times", "cdot", "div", "}", "in", "cap", "setminus",
        "to", "rightarrow", "implies", "iff", "Rightarrow", "quad", "qquad", "text", "over", "%", "&",
        "rfloor", "rceil", "rangle", "|",
    ]

    // MARK: units and words

    /// Words that follow a number as its unit, currency or label, and are dropped.
    private static let unitWords: Set<String> = [
        "cm", "mm", "km", "m", "kg", "g", "mg", "s", "sec", "second", "seconds", "min", "minute", "minutes",
        "h", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks", "year", "years", "month", "months",
        "dollar", "dollars", "cent", "cents", "usd", "euro", "euros", "unit", "units", "meter", "meters",
        "metre", "metres", "inch", "inches", "foot", "feet", "ft", "yard", "yards", "mile", "miles", "mph",
        "degree", "degrees", "deg", "radian", "radians", "rad", "liter", "liters", "litre", "l", "ml",
        "pound", "pounds", "lb", "lbs", "ounce", "ounces", "oz", "square", "sq", "cubic", "cm^2", "percent",
        "people", "students", "apples", "marbles", "times", "ways", "points", "pages", "books", "items",
        "kilometers", "centimeters", "millimeters", "grams", "kilograms", "gallons", "gallon", "mi",
    ]

    /// Whether the next token is a unit or a stray word after a value (`5\text{ cm}`, `12 apples`).
    private func isUnit() -> Bool {
        switch peek {
        case let .text(t):
            let w = t.trimmingSpaces.lowercased()
            return !Self.isConjunction(t) && (Self.unitWords.contains(w) || w.isEmpty || Self.isWordy(w))
        case let .word(w):
            return w.utf8.count >= 3 && Self.knownWord(w) == nil && w != "and" && w != "or"
                || Self.unitWords.contains(w) && w.utf8.count >= 2 && Self.knownWord(w) == nil
        default: return false
        }
    }

    private mutating func skipUnits() {
        while isUnit() {
            advance()
            // `\text{cm}^2`
            if peek == .op(94), pos + 1 < tokens.count, case .number = tokens[pos + 1] { pos += 2 }
        }
    }

    /// Text with a letter run of three or more that is not math: a word answer or a label.
    private static func isWordy(_ w: String) -> Bool {
        var run = 0
        for b in w.utf8 {
            if (b | 0x20) >= 97 && (b | 0x20) <= 122 { run += 1; if run >= 3 { return true } } else { run = 0 }
        }
        return false
    }

    enum Known { case function(MathFunction), constant(MathConstant) }

    static func knownWord(_ w: String) -> Known? {
        switch w {
        case "pi": return .constant(.pi)
        case "infty", "inf", "infinity", "oo", "Infinity": return .constant(.infinity)
        case "sin": return .function(.sin)
        case "cos": return .function(.cos)
        case "tan", "tg": return .function(.tan)
        case "sec": return .function(.sec)
        case "csc", "cosec": return .function(.csc)
        case "cot", "ctg": return .function(.cot)
        case "arcsin", "asin": return .function(.asin)
        case "arccos", "acos": return .function(.acos)
        case "arctan", "atan": return .function(.atan)
        case "arcsec": return .function(.asec)
        case "arccsc": return .function(.acsc)
        case "arccot": return .function(.acot)
        case "sinh": return .function(.sinh)
        case "cosh": return .function(.cosh)
        case "tanh": return .function(.tanh)
        case "exp": return .function(.exp)
        case "ln": return .function(.ln)
        case "log", "lg": return .function(.log)
        case "sqrt": return .function(.sqrt)
        case "abs": return .function(.abs)
        case "floor", "lfloor": return .function(.floor)
        case "ceil", "lceil": return .function(.ceil)
        default: return nil
        }
    }

    // MARK: atoms

    private mutating func parsePrimary() throws(MathParseError) -> MathExpr {
        try enter(); defer { depth -= 1 }
        skipNoise()
        let t = peek
        switch t {
        case let .number(digits, exponent, decimal):
            advance()
            return .number(try Self.number(digits, exponent, meter: meter), decimal: decimal)
        case let .word(w):
            advance()
            return try parseWord(w)
        case let .text(content):
            advance()
            return try parseText(content)
        case let .command(c):
            advance()
            return try parseCommand(c)
        case .op(40): advance(); return try parseBracketed(open: 40)
        case .op(91): advance(); return try parseBracketed(open: 91)
        case .op(123):
            advance()
            let inner = try parseList(closers: [125])
            try expect(125)
            if case let .list(items) = inner { return .set(items) }
            return inner
        case .op(124):
            advance()
            absDepth += 1
            let inner = try parseSum()
            absDepth -= 1
            try expect(124)
            return .call(.abs, [inner])
        default:
            throw .unexpected("\(t)")
        }
    }

    /// `(a)` groups; `(a, b)` is a tuple; mixed brackets `[a, b)` make an interval.
    private mutating func parseBracketed(open: UInt8) throws(MathParseError) -> MathExpr {
        let inner = try parseList(closers: [41, 93])
        skipNoise()
        guard case let .op(close) = peek, close == 41 || close == 93 else { throw .unexpected("unclosed bracket") }
        advance()
        let items: [MathExpr]
        if case let .list(xs) = inner { items = xs } else { items = [inner] }
        if items.count == 1 {
            if open == 40 && close == 41 { return items[0] }
            if open == 91 && close == 93 { return items[0] }
            throw .unexpected("interval with one endpoint")
        }
        // `(3, ∞)` can only be an interval; `(1, 2)` stays a tuple and may be read as one later.
        if items.count == 2 && (!(open == 40 && close == 41) || items[0].mentionsInfinity || items[1].mentionsInfinity) {
            return .interval(items[0], items[1], leftClosed: open == 91, rightClosed: close == 93)
        }
        return .tuple(items)
    }

    private mutating func parseWord(_ w: String) throws(MathParseError) -> MathExpr {
        if let known = Self.knownWord(w) {
            switch known {
            case let .constant(c): return .constant(c)
            case let .function(f): return try parseFunction(f, name: w)
            }
        }
        let letters = Array(w.utf8)
        if letters.isEmpty { throw .unexpected("empty word") }
        // A non-ASCII letter (é, α) is one symbol, whatever its byte count.
        if letters.count == 1 || letters.contains(where: { $0 >= 0x80 }) { return try symbolWithSubscript(w) }
        if letters.count >= 3 || Self.unitWords.contains(w) { throw .textual }
        // Two letters written together are a product: `xy`. Only the first is taken here, so a
        // power or subscript on the second (`yx^2`) stays with it.
        pos -= 1
        tokens[pos] = .word(String(UnicodeScalar(letters[1])))
        return .symbol(String(UnicodeScalar(letters[0])))
    }

    private mutating func symbolWithSubscript(_ name: String) throws(MathParseError) -> MathExpr {
        if name == "e" && peek != .op(95) { return .constant(.e) }
        if name == "i" && peek != .op(95) { return .constant(.i) }
        guard peek == .op(95) else { return .symbol(name) }
        advance()
        return .symbol(name + "_" + (try rawArgument()))
    }

    /// A subscript's text: `{…}` or one token, flattened to a name.
    private mutating func rawArgument() throws(MathParseError) -> String {
        skipNoise()
        var out = ""
        func append(_ t: MathToken) {
            switch t {
            case let .number(d, _, _): out += d
            case let .word(w): out += w
            case let .command(c): out += c
            case let .op(b): out += String(UnicodeScalar(b))
            case let .text(s): out += s
            default: break
            }
        }
        if peek == .op(123) {
            var level = 0
            while peek != .end {
                if peek == .op(123) { level += 1 } else if peek == .op(125) { level -= 1 }
                if level == 0 { advance(); return out }
                if !(peek == .op(123) && level == 1) { append(peek) }
                advance()
            }
            throw .unbalanced
        }
        append(peek)
        advance()
        return out
    }

    private mutating func parseText(_ content: String) throws(MathParseError) -> MathExpr {
        let trimmed = content.trimmingSpaces
        if trimmed.isEmpty { return try parsePrimary() }
        if let known = Self.knownWord(trimmed) {
            if case let .function(f) = known { return try parseFunction(f, name: trimmed) }
            if case let .constant(c) = known { return .constant(c) }
        }
        if Self.isWordy(trimmed) || Self.unitWords.contains(trimmed.lowercased()) { throw .textual }
        // `\text{no}`: letters set as text are a word, not a product of variables.
        if trimmed.utf8.count >= 2, trimmed.utf8.allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }) { throw .textual }
        // Math inside `\mathrm{…}`: parse it on its own.
        var lexer = MathLexer(Array(trimmed.utf8), meter: meter)
        var inner = MathParser(tokens: try lexer.tokens(), meter: meter)
        inner.depth = depth
        return try inner.parseAnswer()
    }

    private mutating func parseCommand(_ c: String) throws(MathParseError) -> MathExpr {
        switch c {
        case "frac", "dfrac", "tfrac", "cfrac":
            let num = try argument(singleDigit: true)
            let den = try argument(singleDigit: true)
            return .mul([num, .pow(den, .int(-1))])
        case "sqrt":
            skipNoise()
            if peek == .op(91) {
                advance()
                let index = try parseSum()
                try expect(93)
                return .call(.root, [index, try argument(singleDigit: false)])
            }
            return .call(.sqrt, [try argument(singleDigit: false)])
        case "binom", "dbinom", "tbinom", "choose":
            return .call(.binom, [try argument(singleDigit: true), try argument(singleDigit: true)])
        case "pi": return .constant(.pi)
        case "infty", "infin": return .constant(.infinity)
        case "emptyset", "varnothing", "empty": return .set([])
        case "half": return .mul([.int(1), .pow(.int(2), .int(-1))])
        case "{":
            let inner = try parseList(closers: [])
            skipNoise()
            guard peek == .command("}") else { throw .unexpected("unclosed \\{") }
            advance()
            if case let .list(items) = inner { return .set(items) }
            return .set([inner])
        case "begin": return try parseEnvironment()
        case "mathbb":
            let name = try rawArgument()
            if name == "R" { return .interval(.neg(.constant(.infinity)), .constant(.infinity), leftClosed: false, rightClosed: false) }
            return .symbol(name)
        case "boxed", "overline", "underline", "hat", "vec", "tilde", "bar", "widehat", "mathbf", "textbf":
            return try argument(singleDigit: false)
        case "lfloor":
            let inner = try parseSum()
            skipNoise(); if peek == .command("rfloor") { advance() }
            return .call(.floor, [inner])
        case "lceil":
            let inner = try parseSum()
            skipNoise(); if peek == .command("rceil") { advance() }
            return .call(.ceil, [inner])
        case "|":
            absDepth += 1
            let inner = try parseSum()
            absDepth -= 1
            skipNoise(); if peek == .command("|") { advance() }
            return .call(.abs, [inner])
        default:
            if let known = Self.knownWord(c) {
                switch known {
                case let .constant(k): return .constant(k)
                case let .function(f): return try parseFunction(f, name: c)
                }
            }
            if c.utf8.first.map({ $0 >= 65 }) != true { throw .unexpected("\\\(c)") }
            return try symbolWithSubscript(c)  // Greek letters and other names are variables
        }
    }

    /// A macro argument: `{…}`, or one token (one digit of a number when `singleDigit`, as `\frac12`).
    private mutating func argument(singleDigit: Bool) throws(MathParseError) -> MathExpr {
        skipNoise()
        if peek == .op(123) {
            advance()
            let inner = try parseList(closers: [125])
            try expect(125)
            return inner
        }
        if singleDigit, case let .number(digits, exponent, decimal) = peek, !decimal, digits.utf8.count > 1 {
            let first = String(digits.prefix(1))
            tokens[pos] = .number(digits: String(digits.dropFirst()), exponent: exponent, decimal: false)
            return .number(try Self.number(first, 0, meter: meter), decimal: false)
        }
        if case let .word(w) = peek, w.utf8.count > 1, w.utf8.allSatisfy({ $0 < 0x80 }), Self.knownWord(w) == nil {
            // `\frac ab` takes one letter.
            let first = String(w.prefix(1))
            tokens[pos] = .word(String(w.dropFirst()))
            return try symbolWithSubscript(first)
        }
        return try parsePower()
    }

    /// A function name followed by its argument: `\sin^2 x`, `\log_2 8`, `\sin(x)`, `\sin 2x`.
    private mutating func parseFunction(_ f: MathFunction, name: String) throws(MathParseError) -> MathExpr {
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

    private func nextIsFunction() -> Bool {
        switch peek {
        case let .word(w), let .command(w):
            if case .function = Self.knownWord(w) { return true }
            return w == "frac" || w == "dfrac" || w == "sqrt"
        default: return false
        }
    }

    private static func inverse(_ f: MathFunction) -> MathFunction? {
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

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` and friends; `array` skips its column spec.
    private mutating func parseEnvironment() throws(MathParseError) -> MathExpr {
        let name = try rawArgument()
        if name == "array" { _ = try rawArgument() }
        var rows: [[MathExpr]] = []
        var row: [MathExpr] = []
        while true {
            skipNoise()
            if peek == .command("end") {
                advance()
                _ = try rawArgument()
                if !row.isEmpty { rows.append(row) }
                break
            }
            if peek == .end { throw .unbalanced }
            row.append(try parseRelation())
            skipNoise()
            if peek == .op(38) { advance() } else if peek == .command("\\") {
                advance(); rows.append(row); row = []
            }
        }
        guard !rows.isEmpty else { throw .empty }
        let width = rows[0].count
        guard rows.allSatisfy({ $0.count == width }) else { throw .unexpected("ragged matrix") }
        if name == "cases" || name == "aligned" || name == "align" {
            return .list(rows.flatMap { $0 })
        }
        return .matrix(rows)
    }

    /// The value of a numeral: digits with an optional point, times 10^exponent.
    static func number(_ digits: String, _ exponent: Int, meter: BudgetMeter) throws(MathParseError) -> Rational {
        // Most numerals are short: read them in one machine word.
        if exponent == 0, digits.utf8.count <= 18 {
            var v = 0, scale = 0, seenPoint = false
            for b in digits.utf8 {
                if b == 46 { seenPoint = true; continue }
                v = v * 10 + Int(b - 48)
                if seenPoint { scale += 1 }
            }
            return scale == 0 ? Rational(v) : Rational(BigInt(v), BigInt(smallPowersOfTen[scale]))
        }
        var intPart = BigInt(0)
        var scale = 0
        var seenPoint = false
        var chunk: UInt64 = 0, chunkDigits = 0
        func flush() {
            if chunkDigits > 0 {
                intPart = intPart * BigInt(10).power(chunkDigits) + BigInt(chunk)
                chunk = 0; chunkDigits = 0
            }
        }
        for b in digits.utf8 {
            if b == 46 { seenPoint = true; continue }
            chunk = chunk * 10 + UInt64(b - 48)
            chunkDigits += 1
            if seenPoint { scale += 1 }
            if chunkDigits == 18 { flush() }
        }
        flush()
        let e = exponent - scale
        // A huge power of ten is costly to build: charge for its size so `1e999999` is bounded.
        do { try meter.charge(abs(e) / 16 + digits.utf8.count / 16) } catch { throw .budget }
        if abs(e) > 20_000 { throw .budget }
        if e >= 0 { return Rational(intPart * BigInt(10).power(e)) }
        return Rational(intPart, BigInt(10).power(-e))
    }
}

/// 10^0 … 10^18.
private let smallPowersOfTen: [Int] = (0...18).map { k in (0..<k).reduce(1) { acc, _ in acc * 10 } }

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (Foundation-free).
    var trimmingSpaces: String {
        let u = Array(utf8)
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == 32 || u[lo] == 9 || u[lo] == 10 || u[lo] == 13 { lo += 1 }
        while hi > lo, u[hi - 1] == 32 || u[hi - 1] == 9 || u[hi - 1] == 10 || u[hi - 1] == 13 { hi -= 1 }
        return lo == 0 && hi == u.count ? self : String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
