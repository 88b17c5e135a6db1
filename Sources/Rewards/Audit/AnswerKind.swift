import Verify

/// The shape of a gold answer, for breaking audit figures down: a verifier that is right on
/// integers and wrong on intervals shows it at once.
///
/// A small classifier on the answer's surface, not a parse: it names the first kind that fits, in
/// the order of the cases below.
public enum AnswerKind: String, Sendable, CaseIterable {
    /// A multiple-choice letter (`B`, `(B)`).
    case choice
    /// `42`, `-7`, `1,000`.
    case integer
    /// `3.14`, `.5`.
    case decimal
    /// `3/4`, `\frac{3}{4}`, `-\dfrac{1}{2}`.
    case fraction
    /// A number with a unit or sign around it: `145°`, `12%`, `$5`, `3 cm`.
    case numberWithUnit = "number_with_unit"
    /// `[1, 2)`, `(-\infty, 3]`.
    case interval
    /// Several parts: `(1, 2)`, `\{1, 2\}`, `1, 3`.
    case list = "set/tuple/list"
    /// `x = 3`, `y \le 2`.
    case relation
    /// Anything else with math in it: `\sqrt{2}`, `2\pi`, `x^2+1`.
    case expression
    /// Words: `red`, `Yes`, `a square`.
    case text

    /// The kind of `gold`, the reference's final answer as the verifier compares it.
    public static func classify(_ gold: String) -> AnswerKind {
        // `$` delimits math far more often than it marks dollars in a gold answer.
        let s = trim(Substring(gold.replacingOccurrences(of: "$", with: "")))
        if s.isEmpty { return .text }
        // A lower-case letter is a variable far more often than an option.
        if s.count <= 3, !s.contains(where: \.isLowercase), ChoiceLetter.parse(String(s)) != nil { return .choice }
        if isInteger(s) { return .integer }
        if isDecimal(s) { return .decimal }
        if isFraction(s) { return .fraction }
        if isNumberWithUnit(s) { return .numberWithUnit }
        if isInterval(s) { return .interval }
        if hasTopLevelComma(s) || s.hasPrefix("\\{") || isBracketedList(s) { return .list }
        if s.contains("=") || s.contains("<") || s.contains(">") || s.contains("\\le") || s.contains("\\ge")
            || s.contains("\\neq")
        {
            return .relation
        }
        let mathy = s.contains { $0.isNumber || "\\^_+*/()[]{}".contains($0) }
        return mathy || s.count == 1 ? .expression : .text
    }

    private static func isInteger(_ s: Substring) -> Bool {
        let body = unsigned(s)
        guard !body.isEmpty else { return false }
        if body.allSatisfy(\.isASCIIDigitCharacter) { return true }
        // Thousands separators: `1,000`, `12,345,678`.
        let groups = body.split(separator: ",", omittingEmptySubsequences: false)
        return groups.count > 1 && (1...3).contains(groups[0].count)
            && groups.allSatisfy { $0.allSatisfy(\.isASCIIDigitCharacter) }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func isDecimal(_ s: Substring) -> Bool {
        let parts = unsigned(s).split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[1].isEmpty && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigitCharacter) }
    }

    private static func isFraction(_ s: Substring) -> Bool {
        let body = unsigned(s)
        let slash = body.split(separator: "/", omittingEmptySubsequences: false)
        if slash.count == 2, slash.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) { return true }
        for command in ["\\frac{", "\\dfrac{", "\\tfrac{"] where body.hasPrefix(command) {
            let rest = body.dropFirst(command.count)
            return rest.allSatisfy { $0.isASCIIDigitCharacter || $0 == "{" || $0 == "}" }
                && rest.filter { $0 == "}" }.count == 2
        }
        return false
    }

    private static func isNumberWithUnit(_ s: Substring) -> Bool {
        var body = unsigned(s)
        for prefix in ["\\", "£", "€"] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
        let digits = body.prefix { $0.isASCIIDigitCharacter || $0 == "." || $0 == "," }
        guard digits.contains(where: \.isASCIIDigitCharacter) else { return false }
        let unit = trim(body.dropFirst(digits.count))
        if unit.isEmpty { return body.count < s.count }  // only a currency sign
        if ["\\%", "^\\circ", "^{\\circ}", "\\circ"].contains(unit) { return true }
        if ["\\text{", "\\mbox{", "\\mathrm{"].contains(where: { unit.hasPrefix($0) }) { return unit.last == "}" }
        // `2\pi` or `3x` is an expression, not a quantity.
        return unit.count <= 12 && !unit.contains { $0.isNumber || "=+*/^,\\".contains($0) }
            && (unit.count > 1 || !unit.allSatisfy(\.isLetter))
    }

    private static func isInterval(_ s: Substring) -> Bool {
        guard let first = s.first, let last = s.last, "([".contains(first), ")]".contains(last),
            hasTopLevelComma(s.dropFirst().dropLast())
        else {
            return s.contains("\\cup")
        }
        // `(1, 2)` reads as a tuple as often as an interval; mixed or square brackets and infinity do not.
        return first == "[" || last == "]" || s.contains("\\infty")
    }

    /// `(1, 2)` or `[a, b, c]`: brackets around parts separated by commas.
    private static func isBracketedList(_ s: Substring) -> Bool {
        guard let first = s.first, let last = s.last, "([".contains(first), ")]".contains(last) else { return false }
        return hasTopLevelComma(s.dropFirst().dropLast())
    }

    /// Whether `s` holds a comma outside any brackets (a decimal comma would need digits around
    /// it on both sides with no space, which `isInteger` has already claimed for thousands).
    private static func hasTopLevelComma(_ s: Substring) -> Bool {
        var depth = 0
        for c in s {
            switch c {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "," where depth <= 0: return true
            default: continue
            }
        }
        return false
    }

    private static func trim(_ s: Substring) -> Substring {
        var t = s.drop(while: \.isWhitespace)
        while let last = t.last, last.isWhitespace { t = t.dropLast() }
        return t
    }

    private static func unsigned(_ s: Substring) -> Substring {
        s.first == "-" || s.first == "+" ? s.dropFirst() : s
    }
}

extension Character {
    /// `0`-`9` only (`isNumber` also takes `½` and other scripts' digits).
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
