import BigInt

/// Atoms: numbers, names, brackets, LaTeX commands and environments.
extension MathParser {
    mutating func parsePrimary() throws(MathParseError) -> MathExpr {
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
    mutating func parseBracketed(open: UInt8) throws(MathParseError) -> MathExpr {
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
        if items.count == 2 && (!(open == 40 && close == 41) || items[0].mentionsInfinity || items[1].mentionsInfinity)
        {
            return .interval(items[0], items[1], leftClosed: open == 91, rightClosed: close == 93)
        }
        return .tuple(items)
    }

    mutating func parseWord(_ w: String) throws(MathParseError) -> MathExpr {
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

    mutating func symbolWithSubscript(_ name: String) throws(MathParseError) -> MathExpr {
        if name == "e" && peek != .op(95) { return .constant(.e) }
        if name == "i" && peek != .op(95) { return .constant(.i) }
        guard peek == .op(95) else { return .symbol(name) }
        advance()
        return .symbol(name + "_" + (try rawArgument()))
    }

    /// A subscript's text: `{…}` or one token, flattened to a name.
    mutating func rawArgument() throws(MathParseError) -> String {
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

    mutating func parseText(_ content: String) throws(MathParseError) -> MathExpr {
        let trimmed = content.trimmingSpaces
        if trimmed.isEmpty { return try parsePrimary() }
        if let known = Self.knownWord(trimmed) {
            if case let .function(f) = known { return try parseFunction(f, name: trimmed) }
            if case let .constant(c) = known { return .constant(c) }
        }
        if Self.isWordy(trimmed) || Self.unitWords.contains(trimmed.lowercased()) { throw .textual }
        // `\text{no}`: letters set as text are a word, not a product of variables.
        if trimmed.utf8.count >= 2, trimmed.utf8.allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }) {
            throw .textual
        }
        // Math inside `\mathrm{…}`: parse it on its own.
        var lexer = MathLexer(Array(trimmed.utf8), meter: meter)
        var inner = MathParser(tokens: try lexer.tokens(), meter: meter)
        inner.depth = depth
        return try inner.parseAnswer()
    }

    mutating func parseCommand(_ c: String) throws(MathParseError) -> MathExpr {
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
            if name == "R" {
                return .interval(
                    .neg(.constant(.infinity)), .constant(.infinity), leftClosed: false, rightClosed: false)
            }
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
    mutating func argument(singleDigit: Bool) throws(MathParseError) -> MathExpr {
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

    mutating func parseEnvironment() throws(MathParseError) -> MathExpr {
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
            if peek == .op(38) {
                advance()
            } else if peek == .command("\\") {
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

}
