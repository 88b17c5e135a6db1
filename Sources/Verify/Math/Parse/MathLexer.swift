/// Splits an answer string into tokens, working on UTF-8 bytes.
///
/// Unicode math symbols become their LaTeX commands here so the parser sees one spelling.
struct MathLexer {
    private let bytes: [UInt8]
    private var pos = 0
    private let meter: BudgetMeter
    /// Open `(` and `[` before `pos`: inside them a bare comma separates elements, so `(1,000)`
    /// is the pair it may be, not a thousand.
    private var brackets = 0

    init(_ bytes: [UInt8], meter: BudgetMeter) {
        self.bytes = bytes
        self.meter = meter
    }

    /// Commands whose braced argument is text, not math.
    private static let textCommands: Set<String> = [
        "text", "textbf", "textit", "textrm", "textsf", "texttt", "mbox", "mathrm", "mathit", "mathsf",
        "operatorname", "textnormal", "textup", "hbox",
    ]

    /// All tokens, ending with `.end`.
    mutating func tokens() throws(MathParseError) -> [MathToken] {
        var out: [MathToken] = []
        out.reserveCapacity(bytes.count / 2 + 1)
        while true {
            do { try meter.charge() } catch { throw .budget }
            let t = try next()
            out.append(t)
            if t == .end { return out }
        }
    }

    private func peek(_ k: Int = 0) -> UInt8 { pos + k < bytes.count ? bytes[pos + k] : 0 }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

    private mutating func next() throws(MathParseError) -> MathToken {
        while pos < bytes.count, bytes[pos] == 32 || bytes[pos] == 9 || bytes[pos] == 10 || bytes[pos] == 13 {
            pos += 1
        }
        guard pos < bytes.count else { return .end }
        let b = bytes[pos]
        if Self.isDigit(b) || (b == 46 && Self.isDigit(peek(1))) { return lexNumber() }
        if Self.isLetter(b) {
            let start = pos
            while pos < bytes.count, Self.isLetter(bytes[pos]) { pos += 1 }
            return .word(String(decoding: bytes[start..<pos], as: UTF8.self))
        }
        if b == 92 { return try lexCommand() }
        if b >= 0x80 { return lexUnicode() }
        pos += 1
        if b == 40 || b == 91 { brackets += 1 } else if b == 41 || b == 93 { brackets = max(0, brackets - 1) }
        switch b {
        case 60:  // <
            if peek() == 61 { pos += 1; return .relation(.le) }
            if peek() == 62 { pos += 1; return .relation(.ne) }
            return .relation(.lt)
        case 62: if peek() == 61 { pos += 1; return .relation(.ge) }; return .relation(.gt)
        case 61: if peek() == 61 { pos += 1 }; return .relation(.eq)
        case 33: if peek() == 61 { pos += 1; return .relation(.ne) }; return .op(b)
        case 36: return .command("$")  // a stray dollar: currency
        case 37: return .command("%")
        case 42: if peek() == 42 { pos += 1; return .op(94) }; return .op(b)  // ** is ^
        default: return .op(b)
        }
    }

    /// The width of a digit-group separator at `at`: a space, `~`, `\ `, `\!`, `\;` or `,\!`
    /// (optionally followed by one space); nil when none starts there.
    private static func spaceSeparator(_ b: [UInt8], _ at: Int) -> Int? {
        func byte(_ k: Int) -> UInt8 { at + k < b.count ? b[at + k] : 0 }
        var k = 0
        if byte(0) == 44, byte(1) == 92, byte(2) == 33 {
            k = 3
        }  // `,\!`
        else if byte(0) == 92, byte(1) == 32 || byte(1) == 33 || byte(1) == 59 {
            k = 2
        }  // `\ ` `\!` `\;`
        else if byte(0) == 32 || byte(0) == 126 {
            k = 1
        }  // space, `~`
        else {
            return nil
        }
        if byte(k) == 32 { k += 1 }
        return k
    }

    private mutating func lexNumber() -> MathToken {
        var digits: [UInt8] = []
        var decimal = false
        var group = 0  // digits since the last thousands separator
        var grouped = false
        while pos < bytes.count {
            let c = bytes[pos]
            if Self.isDigit(c) { digits.append(c); group += 1; pos += 1; continue }
            // Thousands separators `1{,}000` and `1\,000` are unambiguous; a bare `1,000` counts only
            // as groups of exactly three digits outside brackets, so `1,2`, `10,20` and `(1,000)` stay lists.
            if c == 123, peek(1) == 44, peek(2) == 125, Self.isDigit(peek(3)) { pos += 3; group = 0; continue }
            if c == 92, peek(1) == 44, Self.isDigit(peek(2)) { pos += 2; group = 0; continue }
            if c == 44, brackets == 0, grouped ? group == 3 : group <= 3, Self.isDigit(peek(1)), Self.isDigit(peek(2)),
                Self.isDigit(peek(3)), !Self.isDigit(peek(4))
            {
                grouped = true; group = 0; pos += 1; continue
            }
            // Spaces group thousands too (`1 000`, `11,\! 111,\! 111`, `1\ 000`), with the same rule:
            // a first group of 1-3 digits, then groups of exactly three; `2 3` is no number.
            if let width = Self.spaceSeparator(bytes, pos), grouped ? group == 3 : group <= 3,
                Self.isDigit(peek(width)), Self.isDigit(peek(width + 1)), Self.isDigit(peek(width + 2)),
                !Self.isDigit(peek(width + 3)),
                peek(width + 3) != 46 || !Self.isDigit(peek(width + 4))
            {
                grouped = true; group = 0; pos += width; continue
            }
            break
        }
        if peek() == 46, Self.isDigit(peek(1)) || !Self.isLetter(peek(1)) {
            pos += 1
            decimal = true
            digits.append(46)
            while pos < bytes.count, Self.isDigit(bytes[pos]) { digits.append(bytes[pos]); pos += 1 }
        }
        var exponent = 0
        // Scientific notation `1.5e-3`: only when the e is followed by digits, so `2e` stays 2·e.
        if (peek() == 101 || peek() == 69) {
            var k = 1
            var sign = 1
            if peek(1) == 43 { k = 2 } else if peek(1) == 45 { k = 2; sign = -1 }
            if Self.isDigit(peek(k)) {
                pos += k
                var e = 0
                while pos < bytes.count, Self.isDigit(bytes[pos]) {
                    if e < 1_000_000 { e = e * 10 + Int(bytes[pos] - 48) }
                    pos += 1
                }
                exponent = sign * e
                decimal = true
            }
        }
        return .number(digits: String(decoding: digits, as: UTF8.self), exponent: exponent, decimal: decimal)
    }

    private mutating func lexCommand() throws(MathParseError) -> MathToken {
        pos += 1
        guard pos < bytes.count else { return .end }
        if !Self.isLetter(bytes[pos]) {
            let c = bytes[pos]
            pos += 1
            if c >= 0x80 { pos -= 1; return lexUnicode() }
            return .command(String(UnicodeScalar(c)))
        }
        let start = pos
        while pos < bytes.count, Self.isLetter(bytes[pos]) { pos += 1 }
        let name = String(decoding: bytes[start..<pos], as: UTF8.self)
        if Self.textCommands.contains(name) {
            while pos < bytes.count, bytes[pos] == 32 { pos += 1 }
            guard peek() == 123 else { return .command(name) }
            return .text(try braced())
        }
        switch name {
        case "le", "leq", "leqslant": return .relation(.le)
        case "ge", "geq", "geqslant": return .relation(.ge)
        case "lt": return .relation(.lt)
        case "gt": return .relation(.gt)
        case "ne", "neq": return .relation(.ne)
        case "approx", "simeq", "sim": return .relation(.approx)
        case "vert", "lvert", "rvert", "mid": return .op(124)
        case "lbrace": return .command("{")
        case "rbrace": return .command("}")
        case "lbrack": return .op(91)
        case "rbrack": return .op(93)
        case "lparen": return .op(40)
        case "rparen": return .op(41)
        case "ast", "star": return .op(42)
        default: return .command(name)
        }
    }

    /// Reads a `{…}` group raw (nested braces kept), positioned on its `{`.
    private mutating func braced() throws(MathParseError) -> String {
        var depth = 0
        let start = pos + 1
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 92 { pos += 2; continue }
            if c == 123 {
                depth += 1
            } else if c == 125 {
                depth -= 1
                if depth == 0 {
                    pos += 1
                    return String(decoding: bytes[start..<(pos - 1)], as: UTF8.self)
                }
            }
            pos += 1
        }
        throw .unbalanced
    }

    private mutating func lexUnicode() -> MathToken {
        // Decode one scalar by hand: the input came from a valid Swift String.
        let b0 = UInt32(bytes[pos])
        var len = 1, scalar = b0
        if b0 >= 0xF0 {
            len = 4; scalar = b0 & 0x07
        } else if b0 >= 0xE0 {
            len = 3; scalar = b0 & 0x0F
        } else if b0 >= 0xC0 {
            len = 2; scalar = b0 & 0x1F
        }
        for k in 1..<len where pos + k < bytes.count { scalar = (scalar << 6) | (UInt32(bytes[pos + k]) & 0x3F) }
        pos += len
        switch scalar {
        case 0x3C0: return .command("pi")
        case 0x221A: return .command("sqrt")
        case 0xD7, 0x22C5, 0xB7, 0x2219: return .op(42)
        case 0xF7, 0x2215: return .op(47)
        case 0x2212, 0x2013, 0x2014: return .op(45)
        case 0x2264: return .relation(.le)
        case 0x2265: return .relation(.ge)
        case 0x2260: return .relation(.ne)
        case 0x2248: return .relation(.approx)
        case 0x221E: return .command("infty")
        case 0xB1: return .command("pm")
        case 0x2213: return .command("mp")
        case 0xB0: return .command("circ")
        case 0x222A: return .command("cup")
        case 0x2208: return .command("in")
        case 0xB2: return .command("^2")
        case 0xB3: return .command("^3")
        case 0xBD: return .command("half")
        case 0x20AC, 0xA3, 0xA5: return .command("$")
        case 0xA0, 0x2009, 0x202F, 0x2003, 0x2002: return .command(" ")
        default: return .word(String(decoding: bytes[(pos - len)..<pos], as: UTF8.self))
        }
    }
}
