/// Reads a number answer with its decorations: sign, thousands separators, decimals, `3/4`,
/// `\frac{3}{4}` and `\frac34`, vulgar fractions (`½`, mixed `1½`), percent, currency (`$ € £ ¥`,
/// `USD`, `dollars`) and degrees (`°`, `^\circ`, `^{\circ}`, `\degree`, `degrees`).
///
/// Expects text already through `AnswerTextNormalizer` (so `$`, `\text{}` and `\dfrac` are gone).
/// Anything else (`1,2`, `1 2`, `2x`) is not a number, and the comparator falls back to text.
enum SimpleNumberParser {
    /// A parsed number and whether it carried a percent sign.
    struct Parsed: Equatable {
        var value: SimpleNumber
        var isPercent: Bool
    }

    private static let currencyPrefixes = ["usd", "€", "£", "¥"]
    private static let unitSuffixes = [
        "usd", "dollars", "dollar", "°", "^\\circ", "^{\\circ}", "\\degree", "degrees", "degree", "€", "£", "¥",
    ]
    // ASCII text can only end in or start with the ASCII affixes; the lists keep their order.
    private static let asciiCurrencyPrefixes = currencyPrefixes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    private static let asciiUnitSuffixes = unitSuffixes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    private static let vulgar: [Character: (Int64, Int64)] = [
        "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
        "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7), "⅛": (1, 8), "⅜": (3, 8),
        "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10),
    ]

    /// The number `text` states, or nil when it is not a plain number.
    static func parse(_ text: String) -> Parsed? {
        // A bare decimal (digits, commas and points only: most answers) is its own body: no sign,
        // currency, unit, percent or fraction check below can apply to it.
        if text.utf8.allSatisfy({ ($0 &- UInt8(ascii: "0")) < 10 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
        ) {
            return decimal(text[...]).map { Parsed(value: $0, isPercent: false) }
        }
        // Most answers are ASCII, where none of the non-ASCII forms (`−`, `€ £ ¥`, `°`, vulgar
        // fractions) can occur and every character is one byte, so their checks are skipped.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        var s = Substring(text.lowercased())
        var negative = false
        var isPercent = false
        s = AnswerTextNormalizer.trim(s)
        if let signed = sign(&s, ascii: ascii) { negative = signed }
        s = AnswerTextNormalizer.trim(s)
        for prefix in ascii ? asciiCurrencyPrefixes : currencyPrefixes where s.hasUTF8Prefix(prefix) {
            s = AnswerTextNormalizer.trim(s.droppingUTF8Prefix(prefix))
            break
        }
        if let signed = sign(&s, ascii: ascii) {
            if negative { return nil }  // two signs
            negative = signed
        }
        if s.hasUTF8Suffix("%") {
            isPercent = true
            s = AnswerTextNormalizer.trim(s.droppingUTF8Suffix("%"))
        } else {
            for suffix in ascii ? asciiUnitSuffixes : unitSuffixes where s.hasUTF8Suffix(suffix) {
                s = AnswerTextNormalizer.trim(s.droppingUTF8Suffix(suffix))
                break
            }
        }
        guard let magnitude = body(s, ascii: ascii) else { return nil }
        return Parsed(value: negative ? magnitude.negated : magnitude, isPercent: isPercent)
    }

    /// Consumes a leading sign; true for minus, false for plus, nil when there is none.
    private static func sign(_ s: inout Substring, ascii: Bool = false) -> Bool? {
        if ascii {
            // One byte is one character here.
            switch s.utf8.first {
            case UInt8(ascii: "-"): s = s.dropFirst(); return true
            case UInt8(ascii: "+"): s = s.dropFirst(); return false
            default: return nil
            }
        }
        guard let first = s.first else { return nil }
        if first == "-" || first == "−" { s = s.dropFirst(); return true }
        if first == "+" { s = s.dropFirst(); return false }
        return nil
    }

    /// An unsigned number: fraction, mixed vulgar fraction, or decimal.
    private static func body(_ raw: Substring, ascii: Bool) -> SimpleNumber? {
        guard !raw.isEmpty else { return nil }
        if raw.hasUTF8Prefix("\\frac") { return latexFraction(raw.droppingUTF8Prefix("\\frac")) }
        if !ascii, let last = raw.last, let (n, d) = vulgar[last] {
            let fraction = SimpleNumber.fraction(n, d)
            let whole = AnswerTextNormalizer.trim(raw.dropLast())
            if whole.isEmpty { return fraction }
            guard let w = decimal(whole), let fraction else { return nil }
            return w.adding(fraction)
        }
        if let slash = ascii ? raw.utf8.firstIndex(of: UInt8(ascii: "/")) : raw.firstIndex(of: "/") {
            let top = AnswerTextNormalizer.trim(raw[..<slash]),
                bottom = AnswerTextNormalizer.trim(raw[raw.index(after: slash)...])
            guard let n = signedDecimal(top), let d = signedDecimal(bottom) else { return nil }
            return n.divided(by: d)
        }
        return decimal(raw)
    }

    /// `{a}{b}` or `ab` (one character each) after `\frac`.
    private static func latexFraction(_ rest: Substring) -> SimpleNumber? {
        var s = AnswerTextNormalizer.trim(rest)
        guard let top = argument(&s) else { return nil }
        s = AnswerTextNormalizer.trim(s)
        guard let bottom = argument(&s), AnswerTextNormalizer.trim(s).isEmpty,
            let n = signedDecimal(top), let d = signedDecimal(bottom)
        else { return nil }
        return n.divided(by: d)
    }

    /// One `\frac` argument: a braced group without nested braces, or a single character.
    private static func argument(_ s: inout Substring) -> Substring? {
        guard let first = s.first else { return nil }
        if first == "{" {
            guard let close = s.firstIndex(of: "}") else { return nil }
            let inside = s[s.index(after: s.startIndex)..<close]
            s = s[s.index(after: close)...]
            return AnswerTextNormalizer.trim(inside)
        }
        s = s.dropFirst()
        return Substring(String(first))
    }

    private static func signedDecimal(_ raw: Substring) -> SimpleNumber? {
        var s = raw
        let negative = sign(&s) ?? false
        guard let value = decimal(AnswerTextNormalizer.trim(s)) else { return nil }
        return negative ? value.negated : value
    }

    /// Digits with optional thousands separators (groups of three) and an optional fraction part.
    /// One pass over the UTF-8 bytes: this runs for every scored row.
    private static func decimal(_ raw: Substring) -> SimpleNumber? {
        var numerator: Int64 = 0, denominator: Int64 = 1
        var overflow = false
        var wholeDigits = 0, fractionDigits = 0
        var groupDigits = 0, sawComma = false, inFraction = false
        for b in raw.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times10, o1) = numerator.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(Int64(b - UInt8(ascii: "0")))
                numerator = next
                overflow = overflow || o1 || o2
                if inFraction {
                    fractionDigits += 1
                    let (d, o) = denominator.multipliedReportingOverflow(by: 10)
                    denominator = d
                    overflow = overflow || o
                } else {
                    wholeDigits += 1
                    groupDigits += 1
                }
            case UInt8(ascii: ","):
                // `1,234,567`: the first group has 1-3 digits, every later group exactly 3.
                guard !inFraction, groupDigits >= 1, groupDigits <= 3, !sawComma || groupDigits == 3 else { return nil }
                sawComma = true
                groupDigits = 0
            case UInt8(ascii: "."):
                guard !inFraction else { return nil }
                if sawComma && groupDigits != 3 { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        if !inFraction, sawComma, groupDigits != 3 { return nil }
        guard wholeDigits + fractionDigits > 0 else { return nil }
        if overflow {
            // Only digits, commas and one point got here; without the commas it is Double syntax.
            let plain = raw.utf8.filter { $0 != UInt8(ascii: ",") }
            let text = String(
                decoding: plain.first == UInt8(ascii: ".") ? [UInt8(ascii: "0")] + plain : plain, as: UTF8.self)
            guard let x = Double(text), x.isFinite else { return nil }
            return .approximate(x)
        }
        return SimpleNumber.fraction(numerator, denominator)
    }
}
