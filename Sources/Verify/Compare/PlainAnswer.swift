/// A bare answer read straight from its UTF-8 bytes, without building a String: a plain number
/// (`42`, `-3.50`, `+7`, `3/4`, `\frac{3}{4}`, `\dfrac{3}{4}`, `12%`, `12\%`, optionally inside one
/// `$…$` or `$$…$$`) or one ASCII letter (`C`). Two more forms, `(C)` and thousands separators
/// (`12,345`), are read for matching only: the engine reads them its own way, so a pair holding
/// one that the simple check does not match is left to it.
///
/// These are the shapes most RL answers and references take. `TieredComparator` decides a pair of
/// them here, exactly as the simple comparator and the math engine would, and so skips both
/// (see `decide`). Anything else (`1,000`, `3.`, `x+1`, `(C)`, a space inside) is not a plain
/// answer and goes the long way.
struct PlainAnswer: Equatable {
    /// What the answer is.
    enum Value: Equatable {
        /// `numerator/denominator` in lowest terms, denominator positive.
        case number(numerator: Int64, denominator: Int64, isDecimal: Bool, isPercent: Bool)
        /// An ASCII letter, as written.
        case letter(UInt8)
    }

    /// The value read.
    var value: Value
    /// Written in a form (`(C)`, `12,345`) whose mismatches only the engine may call.
    var matchOnly = false

    /// How a pair of plain answers compares.
    enum Decision: Equatable {
        /// The simple comparator matches them (so the tiered comparator does too), with its reason.
        case match(reason: String)
        /// Neither the simple comparator nor the math engine matches them.
        case differ
        /// Close enough that only the math engine can tell (decimal rounding, `e`, `i`).
        case undecided
    }

    /// At most this many digits in a number, so that no Int64 arithmetic below can overflow
    /// before it is checked.
    private static let maxDigits = 18

    /// Reads `text`; nil when it is not a plain answer.
    init?(_ text: String) {
        var text = text
        guard let (value, matchOnly) = text.withUTF8({ Self.read($0) }) else { return nil }
        self.value = value
        self.matchOnly = matchOnly
    }

    /// Decides `gold` against `predicted` the way `TieredComparator` would with `precision`
    /// decimal places for the math engine, or says that only the engine can.
    ///
    /// - Matches are those of `SimpleAnswerComparator`: the same letter in any case (`choice`), or
    ///   the same exact value, a percent also standing for its value over 100 (`numeric`).
    /// - Otherwise the engine compares the same values: exactly when neither side is a decimal or
    ///   a percent, else rounded to `precision` places with one unit of slack. Values more than
    ///   three units apart there, or different exact values, differ for it too. A letter is a
    ///   variable for the engine (`e` and `i` are constants: undecided), which never equals a
    ///   number or another letter.
    static func decide(gold: PlainAnswer, predicted: PlainAnswer, precision: Int) -> Decision {
        let decision = decideValues(gold: gold.value, predicted: predicted.value, precision: precision)
        if decision == .differ && (gold.matchOnly || predicted.matchOnly) { return .undecided }
        return decision
    }

    private static func decideValues(gold: Value, predicted: Value, precision: Int) -> Decision {
        switch (gold, predicted) {
        case let (.letter(g), .letter(p)):
            if g | 0x20 == p | 0x20 { return .match(reason: "choice") }
            return isConstant(g) || isConstant(p) ? .undecided : .differ
        case let (.letter(l), .number), let (.number, .letter(l)):
            return isConstant(l) ? .undecided : .differ
        case let (.number(gn, gd, gDecimal, gPercent), .number(pn, pd, pDecimal, pPercent)):
            if gn == pn && gd == pd { return .match(reason: "numeric") }
            // The engine may read a percent as its figure or as its value over 100 (a signed one,
            // `-5%`, always the latter), on either side: every reading must differ.
            guard let golds = readings(gn, gd, percent: gPercent), let predictions = readings(pn, pd, percent: pPercent)
            else {
                return .undecided
            }
            // The simple comparator's rule: a percent on one side only also matches its value over 100.
            if gPercent != pPercent, exactlyEqual(golds.last, predictions.last) { return .match(reason: "numeric") }
            let rounded = gDecimal || pDecimal || gPercent || pPercent
            for g in [golds.first, golds.last] {
                for p in [predictions.first, predictions.last] {
                    if rounded ? !farApart(g, p, precision: precision) : !exactlyDifferent(g, p) { return .undecided }
                }
            }
            return .differ
        }
    }

    /// A value as a fraction, not necessarily in lowest terms (denominator positive).
    private typealias Fraction = (numerator: Int64, denominator: Int64)

    /// `n/d`, and for a percent `n/(100d)` last (else `n/d` again); nil when that overflows.
    private static func readings(_ n: Int64, _ d: Int64, percent: Bool) -> (first: Fraction, last: Fraction)? {
        let figure: Fraction = (n, d)
        guard percent else { return (figure, figure) }
        let (hundredths, overflow) = d.multipliedReportingOverflow(by: 100)
        if overflow { return nil }
        return (figure, (n, hundredths))
    }

    /// Whether x equals y, computed without overflow (false when it would overflow).
    private static func exactlyEqual(_ x: Fraction, _ y: Fraction) -> Bool {
        let (ad, o1) = x.numerator.multipliedReportingOverflow(by: y.denominator)
        let (cb, o2) = y.numerator.multipliedReportingOverflow(by: x.denominator)
        return !o1 && !o2 && ad == cb
    }

    /// Whether x provably differs from y (false when telling would overflow).
    private static func exactlyDifferent(_ x: Fraction, _ y: Fraction) -> Bool {
        let (ad, o1) = x.numerator.multipliedReportingOverflow(by: y.denominator)
        let (cb, o2) = y.numerator.multipliedReportingOverflow(by: x.denominator)
        return !o1 && !o2 && ad != cb
    }

    /// `e` and `i` are Euler's number and the imaginary unit for the engine, not variables.
    private static func isConstant(_ letter: UInt8) -> Bool {
        letter == UInt8(ascii: "e") || letter == UInt8(ascii: "i")
    }

    /// Whether a/b and c/d differ by more than three units in the `precision`-th decimal place,
    /// which rounding both to that place and allowing one unit of difference cannot bridge.
    /// Computed in Doubles with a margin far above their rounding error.
    private static func farApart(_ f: Fraction, _ g: Fraction, precision: Int) -> Bool {
        let x = Double(f.numerator) / Double(f.denominator), y = Double(g.numerator) / Double(g.denominator)
        var unit = 1.0
        for _ in 0..<max(0, precision) { unit /= 10 }
        let difference = abs(x - y)
        return difference > 3 * unit + 1e-9 * max(abs(x), abs(y))
    }

    // MARK: reading

    private static func read(_ all: UnsafeBufferPointer<UInt8>) -> (Value, matchOnly: Bool)? {
        var lo = 0, hi = all.count
        trim(all, &lo, &hi)
        // One `$…$` or `$$…$$` around the whole answer.
        for _ in 0..<2 where hi - lo >= 2 && all[lo] == UInt8(ascii: "$") && all[hi - 1] == UInt8(ascii: "$") {
            lo += 1
            hi -= 1
        }
        trim(all, &lo, &hi)
        guard lo < hi else { return nil }
        if hi - lo == 1, isLetter(all[lo]) { return (.letter(all[lo]), false) }
        if hi - lo == 3, all[lo] == UInt8(ascii: "("), isLetter(all[lo + 1]), all[lo + 2] == UInt8(ascii: ")") {
            return (.letter(all[lo + 1]), true)
        }
        var reader = Reader(bytes: all, position: lo, end: hi)
        return reader.number().map { ($0, reader.sawSeparator) }
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: inout Int, _ hi: inout Int) {
        while lo < hi, Whitespace.isASCIIWhitespace(bytes[lo]) { lo += 1 }
        while hi > lo, Whitespace.isASCIIWhitespace(bytes[hi - 1]) { hi -= 1 }
    }

    /// A cursor over the trimmed answer bytes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int
        /// Whether the whole part had thousands separators.
        var sawSeparator = false

        /// A whole plain number, or nil when anything is left over or out of range.
        mutating func number() -> Value? {
            var negative = false
            if take(UInt8(ascii: "-")) { negative = true } else { _ = take(UInt8(ascii: "+")) }
            var n: Int64, d: Int64 = 1, decimal = false, percent = false
            // Fractions are the one form that starts with a backslash: other numbers skip the three tries.
            if next == UInt8(ascii: "\\"), take("\\frac") || take("\\dfrac") || take("\\tfrac") {
                guard take(UInt8(ascii: "{")), let top = digits(), take(UInt8(ascii: "}")),
                    take(UInt8(ascii: "{")), let bottom = digits(), take(UInt8(ascii: "}"))
                else { return nil }
                (n, d) = (top.value, bottom.value)
            } else {
                guard var whole = digits() else { return nil }
                // `12,345,678`: a first group of 1-3 digits, then groups of exactly three.
                while take(UInt8(ascii: ",")) {
                    guard whole.count <= 3 || sawSeparator, let group = digits(), group.count == 3,
                        whole.count + 3 <= PlainAnswer.maxDigits
                    else { return nil }
                    whole = (whole.value * 1000 + group.value, whole.count + 3)
                    sawSeparator = true
                }
                n = whole.value
                if take(UInt8(ascii: ".")) {
                    guard let fraction = digits(), whole.count + fraction.count <= PlainAnswer.maxDigits else {
                        return nil
                    }
                    for _ in 0..<fraction.count { n *= 10; d *= 10 }
                    n += fraction.value
                    decimal = true
                }
                if !decimal && !sawSeparator && take(UInt8(ascii: "/")) {
                    guard let bottom = digits() else { return nil }
                    d = bottom.value
                } else if take(UInt8(ascii: "%")) || take("\\%") {
                    percent = true
                }
            }
            guard position == end, d != 0 else { return nil }
            let g = gcd(n, d)
            return .number(
                numerator: negative ? -n / g : n / g, denominator: d / g, isDecimal: decimal, isPercent: percent)
        }

        /// A run of 1 to 18 ASCII digits: its value and length.
        mutating func digits() -> (value: Int64, count: Int)? {
            var value: Int64 = 0
            let start = position
            while position < end, bytes[position] &- UInt8(ascii: "0") < 10 {
                guard position - start < PlainAnswer.maxDigits else { return nil }
                value = value * 10 + Int64(bytes[position] &- UInt8(ascii: "0"))
                position += 1
            }
            return position > start ? (value, position - start) : nil
        }

        /// The next byte, or 0 at the end.
        var next: UInt8 { position < end ? bytes[position] : 0 }

        /// Consumes `byte` when it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard position < end, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// Consumes `word` when it is next.
        mutating func take(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard end - position >= count else { return false }
            let w = word.utf8Start
            for k in 0..<count where bytes[position + k] != w[k] { return false }
            position += count
            return true
        }

        private func gcd(_ a: Int64, _ b: Int64) -> Int64 {
            var (x, y) = (a, b)
            while y != 0 { (x, y) = (y, x % y) }
            return x == 0 ? 1 : x
        }
    }
}
