/// Reads a number answer with its decorations: sign, thousands separators, decimals, `3/4`,
/// `\frac{3}{4}` and `\frac34`, vulgar fractions (`½`, mixed `1½`), percent, currency (`$ € £ ¥`,
/// `USD`, `dollars`) and degrees (`°`, `^\circ`, `^{\circ}`, `\degree`, `degrees`).
///
/// Expects text already through `AnswerTextNormaliser` (so `$`, `\text{}` and `\dfrac` are gone).
/// Anything else (`1,2`, `1 2`, `2x`) is not a number, and the comparator falls back to text.
enum SimpleNumberParser {
    /// A parsed number and whether it carried a percent sign.
    struct Parsed: Equatable {
        var value: SimpleNumber
        var isPercent: Bool
    }

    private static let currencyPrefixes = ["usd", "€", "£", "¥"]
    private static let unitSuffixes = ["usd", "dollars", "dollar", "°", "^\\circ", "^{\\circ}", "\\degree", "degrees", "degree", "€", "£", "¥"]
    private static let vulgar: [Character: (Int64, Int64)] = [
        "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
        "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7), "⅛": (1, 8), "⅜": (3, 8),
        "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10),
    ]

    /// The number `text` states, or nil when it is not a plain number.
    static func parse(_ text: String) -> Parsed? {
        var s = Substring(text.lowercased())
        var negative = false
        var isPercent = false
        s = AnswerTextNormaliser.trim(s)
        if let signed = sign(&s) { negative = signed }
        s = AnswerTextNormaliser.trim(s)
        for prefix in currencyPrefixes where s.hasPrefix(prefix) {
            s = AnswerTextNormaliser.trim(s.dropFirst(prefix.count))
            break
        }
        if let signed = sign(&s) {
            if negative { return nil }  // two signs
            negative = signed
        }
        if s.hasSuffix("%") {
            isPercent = true
            s = AnswerTextNormaliser.trim(s.dropLast())
        } else {
            for suffix in unitSuffixes where s.hasSuffix(suffix) {
                s = AnswerTextNormaliser.trim(s.dropLast(suffix.count))
                break
            }
        }
        guard let magnitude = body(s) else { return nil }
        return Parsed(value: negative ? magnitude.negated : magnitude, isPercent: isPercent)
    }

    /// Consumes a leading sign; true for minus, false for plus, nil when there is none.
    private static func sign(_ s: inout Substring) -> Bool? {
        guard let first = s.first else { return nil }
        if first == "-" || first == "−" { s = s.dropFirst(); return true }
        if first == "+" { s = s.dropFirst(); return false }
        return nil
    }

    /// An unsigned number: fraction, mixed vulgar fraction, or decimal.
    private static func body(_ raw: Substring) -> SimpleNumber? {
        guard !raw.isEmpty else { return nil }
        if raw.hasPrefix("\\frac") { return latexFraction(raw.dropFirst(5)) }
        if let last = raw.last, let (n, d) = vulgar[last] {
            let fraction = SimpleNumber.fraction(n, d)
            let whole = AnswerTextNormaliser.trim(raw.dropLast())
            if whole.isEmpty { return fraction }
            guard let w = decimal(whole), let fraction else { return nil }
            return w.adding(fraction)
        }
        if let slash = raw.firstIndex(of: "/") {
            let top = AnswerTextNormaliser.trim(raw[..<slash]), bottom = AnswerTextNormaliser.trim(raw[raw.index(after: slash)...])
            guard let n = signedDecimal(top), let d = signedDecimal(bottom) else { return nil }
            return n.divided(by: d)
        }
        return decimal(raw)
    }

    /// `{a}{b}` or `ab` (one character each) after `\frac`.
    private static func latexFraction(_ rest: Substring) -> SimpleNumber? {
        var s = AnswerTextNormaliser.trim(rest)
        guard let top = argument(&s) else { return nil }
        s = AnswerTextNormaliser.trim(s)
        guard let bottom = argument(&s), AnswerTextNormaliser.trim(s).isEmpty,
              let n = signedDecimal(top), let d = signedDecimal(bottom) else { return nil }
        return n.divided(by: d)
    }

    /// One `\frac` argument: a braced group without nested braces, or a single character.
    private static func argument(_ s: inout Substring) -> Substring? {
        guard let first = s.first else { return nil }
        if first == "{" {
            guard let close = s.firstIndex(of: "}") else { return nil }
            let inside = s[s.index(after: s.startIndex)..<close]
            s = s[s.index(after: close)...]
            return AnswerTextNormaliser.trim(inside)
        }
        s = s.dropFirst()
        return Substring(String(first))
    }

    private static func signedDecimal(_ raw: Substring) -> SimpleNumber? {
        var s = raw
        let negative = sign(&s) ?? false
        guard let value = decimal(AnswerTextNormaliser.trim(s)) else { return nil }
        return negative ? value.negated : value
    }

    /// Digits with optional thousands separators (groups of three) and an optional fraction part.
    private static func decimal(_ raw: Substring) -> SimpleNumber? {
        let parts = raw.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fractional = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fractional.isEmpty), fractional.allSatisfy(isDigit), validWhole(whole) else { return nil }
        let digits = whole.filter { $0 != "," } + fractional
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        var overflow = false
        for c in digits {
            let (times10, o1) = numerator.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(c.wholeNumberValue ?? 0))
            numerator = next
            overflow = overflow || o1 || o2
        }
        for _ in fractional {
            let (next, o) = denominator.multipliedReportingOverflow(by: 10)
            denominator = next
            overflow = overflow || o
        }
        if overflow {
            let plain = whole.filter { $0 != "," } + "." + fractional
            guard let x = Double(plain.hasPrefix(".") ? "0" + plain : plain), x.isFinite else { return nil }
            return .approximate(x)
        }
        return SimpleNumber.fraction(numerator, denominator)
    }

    /// Plain digits, or digits grouped by commas in threes (`1,234,567`, never `1,2`).
    private static func validWhole(_ whole: Substring) -> Bool {
        guard whole.contains(",") else { return whole.allSatisfy(isDigit) }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count), head.allSatisfy(isDigit) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(isDigit) }
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
