import Testing

@testable import Verify

/// The plain-answer fast path of `TieredComparator` against the slow path it replaces (the simple
/// comparator, then the math engine on a mismatch), on many generated pairs.
extension RandomExpression.Source {
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}

@Suite struct PlainAnswerTests {
    /// The verdict without the fast path: what `TieredComparator` returned before it existed.
    static func slowVerdict(gold: String, predicted: String, math: MathVerifier) -> Verdict {
        let quick = SimpleAnswerComparator().compare(gold: gold, predicted: predicted)
        return quick.isMatch ? quick : math.compare(gold: gold, predicted: predicted)
    }

    typealias Dice = RandomExpression.Source

    /// A value written in one of the plain forms, sometimes close to another value on purpose.
    static func answer(_ dice: inout Dice, near base: (Int64, Int64)?) -> String {
        var (n, d): (Int64, Int64) =
            base ?? (Int64(dice.below(4001)) - 2000, Int64(dice.pick([1, 1, 1, 2, 3, 4, 7, 8, 100, 1000])))
        if base != nil {
            switch dice.below(6) {
            case 0: n *= 100  // the same figure as a percent of it, or 100 times it
            case 1: d *= 100
            case 2: n += Int64(dice.below(3)) - 1  // a neighbour
            default: break  // the same value, written another way
            }
        }
        let sign = n < 0 ? "-" : (dice.below(10) == 0 ? "+" : "")
        let a = abs(n)
        let written: String
        switch dice.below(9) {
        case 0, 1:
            written = "\(sign)\(a)/\(d)"
        case 2:
            written = "\(sign)\(dice.pick(["\\frac", "\\dfrac", "\\tfrac"])){\(a)}{\(d)}"
        case 3, 4:
            // A decimal with 0-8 places: rounding around the engine's precision.
            let places = dice.below(9)
            written = sign + decimal(a, d, places: places, dice: &dice)
        case 5:
            written = "\(sign)\(decimal(a, d, places: dice.below(3), dice: &dice))\(dice.pick(["%", "\\%"]))"
        case 6:
            written = sign + thousands(d == 1 ? a : a / d)
        default:
            written = d == 1 ? "\(sign)\(a)" : "\(sign)\(a / d)"
        }
        switch dice.below(8) {
        case 0: return "$\(written)$"
        case 1: return " \(written) "
        case 2: return "$$\(written)$$"
        default: return written
        }
    }

    /// `n` (not negative) with thousands separators (`12,345`).
    static func thousands(_ n: Int64) -> String {
        n < 1000 ? String(n) : thousands(n / 1000) + "," + String(String(n % 1000 + 1000).dropFirst())
    }

    /// `a/d` to `places` decimal places (truncated, or one unit off now and then).
    static func decimal(_ a: Int64, _ d: Int64, places: Int, dice: inout Dice) -> String {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let (product, overflow) = a.multipliedReportingOverflow(by: scale)
        guard !overflow else { return "\(a / d)" }
        var scaled = product / d
        if dice.below(4) == 0 { scaled += 1 }
        let whole = scaled / scale, fraction = scaled % scale
        guard places > 0 else { return "\(whole)" }
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: places - digits.count) + digits
    }

    static let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).flatMap {
        [String(UnicodeScalar($0)), String(UnicodeScalar($0 | 0x20)), "(\(UnicodeScalar($0)))"]
    }

    @Test(arguments: [0, 2, 6])
    func generatedPairsMatchTheSlowPath(precision: Int) {
        let math = MathVerifier(options: MathVerifier.Options(precision: precision))
        let tiered = TieredComparator(options: MathVerifier.Options(precision: precision))
        var dice = Dice(state: UInt64(precision) &+ 17)
        var decided = 0, differ = 0
        for _ in 0..<4000 {
            let gold = Self.answer(&dice, near: nil)
            let base: (Int64, Int64)? =
                dice.below(2) == 0
                ? nil
                : {
                    guard let g = PlainAnswer(gold), case let .number(n, d, _, _) = g.value else { return nil }
                    return (n, d)
                }()
            let predicted = dice.below(20) == 0 ? dice.pick(Self.letters) : Self.answer(&dice, near: base)
            let slow = Self.slowVerdict(gold: gold, predicted: predicted, math: math)
            let fast = tiered.compare(gold: gold, predicted: predicted)
            #expect(fast.isMatch == slow.isMatch, "\(gold) vs \(predicted) at precision \(precision)")
            if slow.isMatch { #expect(fast.reason == slow.reason, "\(gold) vs \(predicted)") }
            if let g = PlainAnswer(gold), let p = PlainAnswer(predicted) {
                let decision = PlainAnswer.decide(gold: g, predicted: p, precision: precision)
                if decision != .undecided { decided += 1 }
                if decision == .differ { differ += 1 }
            }
        }
        // The generator reaches the fast path, and both of its answers, most of the time.
        #expect(decided > 3000)
        #expect(differ > 1000)
    }

    @Test func lettersAgainstLettersAndNumbers() {
        let math = MathVerifier()
        let tiered = TieredComparator()
        let others =
            Self.letters + (-30...130).map(String.init) + [
                "2.718282", "2.7182818", "0.5", "\\frac{1}{2}", "50%", "3.14", "1,000",
            ]
        for gold in Self.letters {
            for predicted in others {
                let slow = Self.slowVerdict(gold: gold, predicted: predicted, math: math)
                #expect(
                    tiered.compare(gold: gold, predicted: predicted).isMatch == slow.isMatch, "\(gold) vs \(predicted)")
                #expect(
                    tiered.compare(gold: predicted, predicted: gold).isMatch
                        == Self.slowVerdict(gold: predicted, predicted: gold, math: math).isMatch,
                    "\(predicted) vs \(gold)")
            }
        }
    }

    /// Hand-picked pairs at the edges of the plain forms, both ways round.
    @Test(arguments: [
        ("007", "7"), ("007", "8"), ("-0", "0"), ("+5", "5"), ("+5", "-5"), ("0.0", "0"), ("$5$", "5"),
        ("$$-3/4$$", "-0.75"), ("\\frac{0}{5}", "0"), ("10%", "0.1"), ("10\\%", "10"), ("-10%", "-0.1"),
        ("-10%", "-10"), ("100%", "1"), ("0.5%", "0.005"), ("3/6", "1/2"), ("1,000", "1000"), ("1,000", "1001"),
        ("1,000.5", "1000.5"), ("(A)", "a"), ("(A)", "B"), ("(e)", "2.718282"), ("E", "2.718282"), ("I", "i"),
        ("0.3333333", "\\frac{1}{3}"), ("0.333333", "1/3"), ("1.000001", "1"), ("1.00001", "1"), ("12.5%", "1/8"),
    ])
    func edgePairsMatchTheSlowPath(_ a: String, _ b: String) {
        let math = MathVerifier(), tiered = TieredComparator()
        for (gold, predicted) in [(a, b), (b, a)] {
            let slow = Self.slowVerdict(gold: gold, predicted: predicted, math: math)
            let fast = tiered.compare(gold: gold, predicted: predicted)
            #expect(fast.isMatch == slow.isMatch, "\(gold) vs \(predicted)")
            if slow.isMatch { #expect(fast.reason == slow.reason, "\(gold) vs \(predicted)") }
        }
    }

    @Test(arguments: [
        ("42", PlainAnswer.Value.number(numerator: 42, denominator: 1, isDecimal: false, isPercent: false)),
        (" -3.50 ", .number(numerator: -7, denominator: 2, isDecimal: true, isPercent: false)),
        ("+7", .number(numerator: 7, denominator: 1, isDecimal: false, isPercent: false)),
        ("6/8", .number(numerator: 3, denominator: 4, isDecimal: false, isPercent: false)),
        ("$\\dfrac{10}{4}$", .number(numerator: 5, denominator: 2, isDecimal: false, isPercent: false)),
        ("12\\%", .number(numerator: 12, denominator: 1, isDecimal: false, isPercent: true)),
        ("0.5%", .number(numerator: 1, denominator: 2, isDecimal: true, isPercent: true)),
        ("C", .letter(UInt8(ascii: "C"))),
        ("(C)", .letter(UInt8(ascii: "C"))),
        ("-12,345.5", .number(numerator: -24691, denominator: 2, isDecimal: true, isPercent: false)),
    ])
    func readsPlainForms(_ text: String, _ value: PlainAnswer.Value) {
        #expect(PlainAnswer(text)?.value == value)
        // The engine reads `(C)` and `12,345` its own way: their mismatches are left to it.
        #expect(PlainAnswer(text)?.matchOnly == (text.contains("(") || text.contains(",")))
    }

    @Test(arguments: [
        "", "1,00", "1234,567", "1,2345", "1,000/2", "3.", ".5", "1/0", "x+1", "(CD)", "AB", "1 2", "3/4%",
        "\\frac{1}{2}%", "1.5/2",
        "1234567890123456789", "- 5", "--5", "$5", "\\frac{1}{-2}", "\\frac12", "5 %", "½",
    ])
    func refusesOtherForms(_ text: String) {
        #expect(PlainAnswer(text) == nil)
    }

    @Test func decidesTheCommonShapes() {
        func decide(_ g: String, _ p: String, _ precision: Int = 6) -> PlainAnswer.Decision? {
            guard let a = PlainAnswer(g), let b = PlainAnswer(p) else { return nil }
            return PlainAnswer.decide(gold: a, predicted: b, precision: precision)
        }
        #expect(decide("\\frac{3}{4}", "3/4") == .match(reason: "numeric"))
        #expect(decide("50%", "0.5") == .match(reason: "numeric"))
        #expect(decide("c", "C") == .match(reason: "choice"))
        #expect(decide("\\frac{1}{3}", "0.3333333") == .undecided)  // the engine rounds the decimal
        #expect(decide("\\frac{1}{3}", "0.33") == .differ)
        #expect(decide("\\frac{1}{3}", "0.33", 2) == .undecided)
        #expect(decide("12", "13") == .differ)
        #expect(decide("12.5", "13") == .differ)
        #expect(decide("C", "123") == .differ)
        #expect(decide("e", "2.718282") == .undecided)  // Euler's number for the engine
        #expect(decide("A", "B") == .differ)
        #expect(decide("(C)", "c") == .match(reason: "choice"))
        #expect(decide("(C)", "D") == .undecided)
        #expect(decide("12,345", "12345") == .match(reason: "numeric"))
        #expect(decide("12,345", "12346") == .undecided)
    }
}
