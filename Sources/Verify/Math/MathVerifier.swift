/// Math answer equivalence without a CAS: parses LaTeX or plain math on both sides and decides
/// equality exactly (big rationals), numerically, or by random-point identity testing, all under
/// a per-call budget. Safe to call from any thread.
public struct MathVerifier: AnswerComparator {
    /// How comparisons are made.
    public struct Options: Sendable, Equatable {
        /// Decimal places numbers are rounded to when either side is written as a decimal.
        public var precision: Int
        /// Strict: assignments must name the same variable, sets and tuples are not interchangeable,
        /// a bare value does not answer an assignment.
        public var strict: Bool
        /// Work and wall-time cap for one comparison.
        public var budget: VerifyBudget
        /// Answers longer than this many UTF-8 bytes are over budget without being read.
        public var maxAnswerBytes: Int

        /// Makes options; the defaults are precision 6, lenient, 20 ms, 64 KiB.
        public init(
            precision: Int = 6, strict: Bool = false, budget: VerifyBudget = .standard, maxAnswerBytes: Int = 65_536
        ) {
            self.precision = precision
            self.strict = strict
            self.budget = budget
            self.maxAnswerBytes = maxAnswerBytes
        }
    }

    /// The options in force.
    public var options: Options

    /// Makes a verifier.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Compares a predicted answer with the gold one; over budget is "no match" with reason `budget`.
    public func compare(gold: String, predicted: String) -> Verdict {
        verify(gold: gold, predicted: predicted, describe: false).verdict
    }

    /// Parses one answer as the comparison would (LaTeX delimiters stripped, words as text),
    /// under this verifier's budget; nil when it is not parsable or over budget.
    public func parse(_ answer: String) -> MathExpr? {
        guard answer.utf8.count <= options.maxAnswerBytes else { return nil }
        return try? MathAnswerParser.parse(answer, meter: BudgetMeter(options.budget))
    }

    /// Compares and reports the canonical forms both sides parsed to, and the time taken.
    public func verify(gold: String, predicted: String) -> MathVerification {
        verify(gold: gold, predicted: predicted, describe: true)
    }

    /// The comparison; printing the canonical forms is skipped when only the verdict is wanted.
    func verify(gold: String, predicted: String, describe: Bool) -> MathVerification {
        let start = monotonicNanos()
        let meter = BudgetMeter(options.budget)
        var result = MathVerification(
            isMatch: false, reason: "budget", goldParsed: nil, predictedParsed: nil, micros: 0)
        if gold.utf8.count > options.maxAnswerBytes || predicted.utf8.count > options.maxAnswerBytes {
            return finish(result, start)
        }
        var g: MathExpr, p: MathExpr
        do {
            g = try MathAnswerParser.parse(SetBuilder.condition(gold) ?? gold, meter: meter)
            if describe { result.goldParsed = g.description }
            if let interval = try Self.setBuilderInterval(predicted, meter: meter) {
                p = interval
            } else {
                p = try MathAnswerParser.parse(predicted, meter: meter)
            }
            if describe { result.predictedParsed = p.description }
        } catch .budget, .tooDeep {
            return finish(result, start)
        } catch {
            // One side is not math: equal normalised text still counts.
            let same =
                MathAnswerParser.normalizedText(AnswerCleaner.clean(gold))
                == MathAnswerParser.normalizedText(AnswerCleaner.clean(predicted))
            result.isMatch = same && !gold.isEmpty
            result.reason = result.isMatch ? "text" : "parse"
            return finish(result, start)
        }
        if g.isText || p.isText {
            // A word answer against one that parsed as letters (`NO` as N·O): compare the words.
            if MathAnswerParser.normalizedText(AnswerCleaner.clean(gold))
                == MathAnswerParser.normalizedText(AnswerCleaner.clean(predicted))
            {
                result.isMatch = true
                result.reason = "text"
                return finish(result, start)
            }
        }
        // `x \in [a, b]` states what `a \le x \le b` states: a membership gold is its inequality.
        if Self.isMembership(gold), case .interval = g, let interval = p.inequalityInterval { p = interval }
        // An angle in degrees against one in radians (`120^\circ`, `\frac{2\pi}{3}`): the degrees
        // are converted when only one side is in degrees and the other is a multiple of π.
        switch (Self.inDegrees(gold), Self.inDegrees(predicted)) {
        case (true, false) where p.isScalar && Self.mentionsPi(p): g = Self.radians(g)
        case (false, true) where g.isScalar && Self.mentionsPi(g): p = Self.radians(p)
        default: break
        }
        do {
            let equivalence = MathEquivalence(meter: meter, precision: options.precision, strict: options.strict)
            if let reason = try equivalence.match(g, p) {
                result.isMatch = true
                result.reason = reason
            } else if !options.strict, Self.wordsOnly(gold), Self.wordsOnly(predicted),
                Self.withoutArticle(MathAnswerParser.normalizedText(AnswerCleaner.clean(gold)))
                    == Self.withoutArticle(MathAnswerParser.normalizedText(AnswerCleaner.clean(predicted)))
            {
                result.isMatch = true  // `no` against `No!`, `blue whale` against `the blue whale`: words
                result.reason = "text"
            } else {
                result.reason = "mismatch"
            }
        } catch {
            result.isMatch = false
            result.reason = "budget"
        }
        return finish(result, start)
    }

    /// Letters and spaces (an apostrophe, a hyphen between letters), with `\text{}` around them and
    /// sentence punctuation after them: a word answer. `-x` is no word: its sign is math.
    private static func wordsOnly(_ s: String) -> Bool {
        var body = Array(s.utf8)
        if body.starts(with: Array("\\text{".utf8)), body.last == UInt8(ascii: "}") {
            body = Array(body[6..<(body.count - 1)])
        }
        while let last = body.last, ".!?,".utf8.contains(last) { body.removeLast() }
        func isLetter(_ k: Int) -> Bool {
            k >= 0 && k < body.count && (body[k] | 0x20) >= 97 && (body[k] | 0x20) <= 122
        }
        guard body.indices.contains(where: isLetter) else { return false }
        return body.indices.allSatisfy { k in
            isLetter(k) || body[k] == 32 || body[k] == 39
                || (body[k] == UInt8(ascii: "-") && isLetter(k - 1) && isLetter(k + 1))
        }
    }

    /// A predicted set in set-builder notation as the interval (or union) its condition describes;
    /// nil when it is not set-builder notation over the reals or its condition is no inequality.
    private static func setBuilderInterval(_ text: String, meter: BudgetMeter) throws(MathParseError) -> MathExpr? {
        guard let condition = SetBuilder.condition(text) else { return nil }
        var intervals: [MathExpr] = []
        for part in SetBuilder.alternatives(condition) {
            guard let interval = try MathAnswerParser.parse(part, meter: meter).inequalityInterval else { return nil }
            intervals.append(interval)
        }
        return intervals.count == 1 ? intervals[0] : .union(intervals)
    }

    /// `x \in ...`: a variable, then `\in`.
    private static func isMembership(_ s: String) -> Bool {
        let t = s.drop { $0 == " " || $0 == "$" }
        guard let v = t.first, v.isASCII, v.isLetter else { return false }
        return t.dropFirst().drop { $0 == " " }.hasPrefix("\\in")
    }

    /// Whether an answer is written in degrees: `^\circ`, `^{\circ}`, `°`, `\degree`, "degrees".
    private static func inDegrees(_ s: String) -> Bool {
        // `°` (C2 B0 in UTF-8) or the letters of `circ` / `degree`: one pass over the bytes.
        var previous: UInt8 = 0
        var word: [UInt8] = []
        for b in s.utf8 {
            if previous == 0xC2 && b == 0xB0 { return true }
            previous = b
            if (b | 0x20) >= 97 && (b | 0x20) <= 122 {
                word.append(b | 0x20)
                continue
            }
            if word == circ || word == degree || word == degrees { return true }
            word.removeAll(keepingCapacity: true)
        }
        return word == circ || word == degree || word == degrees
    }

    private static let circ = Array("circ".utf8), degree = Array("degree".utf8), degrees = Array("degrees".utf8)

    /// Whether π appears in a parsed answer.
    private static func mentionsPi(_ e: MathExpr) -> Bool {
        e.description.contains("pi")
    }

    /// Degrees as radians: `d · π / 180`.
    private static func radians(_ degrees: MathExpr) -> MathExpr {
        .mul([degrees, .constant(.pi), .pow(.int(180), .int(-1))])
    }

    /// Normalised words without a leading article: `the nile` and `nile` are one answer.
    private static func withoutArticle(_ words: String) -> String {
        for article in ["the ", "a ", "an "] where words.hasPrefix(article) && words.count > article.count {
            return String(words.dropFirst(article.count))
        }
        return words
    }

    private func finish(_ r: MathVerification, _ start: UInt64) -> MathVerification {
        var r = r
        r.micros = Int((monotonicNanos() &- start) / 1000)
        return r
    }
}

/// One comparison in full: the verdict, what each side parsed to, and how long it took.
public struct MathVerification: Sendable, Equatable {
    /// Whether the answers are equivalent.
    public var isMatch: Bool
    /// How it was decided: exact, numeric, symbolic, set, tuple, interval, matrix, equation,
    /// assignment, relation, text; or why not: mismatch, parse, budget.
    public var reason: String
    /// The gold answer's canonical form, nil if it did not parse.
    public var goldParsed: String?
    /// The predicted answer's canonical form, nil if it did not parse.
    public var predictedParsed: String?
    /// Wall time of the comparison in microseconds.
    public var micros: Int

    /// The verdict alone, as `AnswerComparator` returns it.
    public var verdict: Verdict { Verdict(isMatch: isMatch, reason: reason) }
}
