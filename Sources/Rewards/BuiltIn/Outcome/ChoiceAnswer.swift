import Verify

/// Multiple-choice answers: one letter (`B`, `(B)`, `B. text`, `B (No)`, `\textbf{(B)} 2`) or
/// several (`A,C`, `A and C`), compared as sets; an option's text stands for its letter.
///
/// A letter written with a value (`(D) 120°`) names that option only when the value does not
/// contradict the option's text: a plain number that differs from the option's number is a
/// wrong answer, not a lucky letter.
struct ChoiceAnswer {
    /// Decides whether an answer's text means an option's text (`2.0` for `2`, `12 cm` for `12`).
    let comparator: any AnswerComparator

    /// What an answer names.
    enum Reading: Equatable {
        /// These option letters.
        case letters(Set<Character>)
        /// A letter whose written value contradicts its option's text.
        case contradiction(letter: Character, value: String)
    }

    /// What `answer` names, reading option texts through `options`; nil when it is not a choice.
    func reading(_ answer: String, options: [String]) -> Reading? {
        let plain = Self.unwrapped(answer)
        if let one = ChoiceLetter.parse(plain) { return .letters([one]) }
        if let (letter, value) = Self.labelled(plain), Self.index(letter) < max(options.count, 5) {
            if let option = option(letter, options), contradicts(value, option) {
                return .contradiction(letter: letter, value: value)
            }
            return .letters([letter])
        }
        // Several letters: "A,C", "A, C", "A and C"; "AC" is not accepted (it could be a word).
        let parts = plain.replacingOccurrences(of: " and ", with: ",").split(separator: ",")
        if parts.count > 1 {
            var set = Set<Character>()
            for part in parts {
                guard let l = ChoiceLetter.parse(String(part)) else { return textReading(plain, options) }
                set.insert(l)
            }
            return .letters(set)
        }
        return textReading(plain, options)
    }

    /// The one option whose text the answer means, by normalised text first, then by the comparator.
    private func textReading(_ answer: String, _ options: [String]) -> Reading? {
        let labels = options.prefix(26).map(ChoiceLetter.stripLabel)
        let text = Self.normalised(answer)
        let same = labels.indices.filter { Self.normalised(labels[$0]) == text }
        if same.count == 1 { return .letters([Self.letter(same[0])]) }
        // Bare letters as options (`["A", "B", ...]`) say nothing about the answer's text.
        guard labels.contains(where: { ChoiceLetter.parse($0) == nil }), !answer.isEmpty else { return nil }
        let equivalent = labels.indices.filter { comparator.compare(gold: labels[$0], predicted: answer).isMatch }
        return equivalent.count == 1 ? .letters([Self.letter(equivalent[0])]) : nil
    }

    private func option(_ letter: Character, _ options: [String]) -> String? {
        let k = Self.index(letter)
        return k < options.count ? ChoiceLetter.stripLabel(options[k]) : nil
    }

    /// A plain number that differs from the option's plain number; any other pair (words, units,
    /// expressions) is given the benefit of its letter.
    private func contradicts(_ value: String, _ option: String) -> Bool {
        guard ChoiceLetter.parse(option) == nil, let v = Self.number(value), let o = Self.number(option) else {
            return false
        }
        return abs(v - o) > 1e-9 * max(1, abs(o)) && !comparator.compare(gold: option, predicted: value).isMatch
    }

    /// The number a short value states with at most a unit after it (`120^{\circ}`, `12 cm`,
    /// `0.96`); nil for anything else.
    private static func number(_ text: String) -> Double? {
        var s = unwrapped(text)
        for unit in ["^{\\circ}", "^\\circ", "\\circ", "°", "\\%", "%"] {
            s = s.replacingOccurrences(of: unit, with: " ")
        }
        let head = s.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        let tail: String = String(s.dropFirst(head.count)).trimmingSpaces
        let unitLike: (Character) -> Bool = { c in c.isLetter || c == " " || c == "^" || c == "2" || c == "3" }
        guard !head.isEmpty, tail.count <= 8, tail.allSatisfy(unitLike) else { return nil }
        return Double(String(head))
    }

    /// `B (No)`, `(B), No`, `(B) 2`, `B - text`: a capital letter, in parentheses or followed by a
    /// space and an opening parenthesis, then the option's text; nil for any other shape.
    private static func labelled(_ s: String) -> (Character, String)? {
        let chars = Array(s.prefix(4))
        guard !chars.isEmpty else { return nil }
        var letter: Character, rest: Substring
        if chars.count >= 3, chars[0] == "(", chars[1].isASCII, chars[1].isUppercase, chars[2] == ")" {
            letter = chars[1]
            rest = s.dropFirst(3)
        } else if chars.count >= 3, chars[0].isASCII, chars[0].isUppercase, chars[1] == " ", chars[2] == "(" {
            letter = chars[0]
            rest = s.dropFirst(2)
        } else {
            return nil
        }
        rest = rest.drop { $0 == " " || $0 == "," || $0 == ":" || $0 == "-" || $0 == "." }
        if rest.hasPrefix("("), rest.hasSuffix(")") { rest = rest.dropFirst().dropLast() }
        let value = String(rest).trimmingSpaces
        // `(B) is wrong because ...` is prose, not an answer.
        guard value.split(separator: " ").count <= 6 else { return nil }
        return (letter, value)
    }

    /// The answer without the markup models put around a choice: `\text{}`, `\textbf{}`,
    /// `\mathrm{}`, `**`, `$` and LaTeX spaces.
    static func unwrapped(_ answer: String) -> String {
        var s = answer
        for command in ["\\textbf{", "\\text{", "\\mathrm{", "\\mathbf{", "\\textrm{"] {
            while let r = s.range(of: command) {
                // Drop the command and its closing brace (the first `}` after it at depth 0).
                var depth = 0, close: String.Index?
                var i = r.upperBound
                while i < s.endIndex {
                    if s[i] == "{" {
                        depth += 1
                    } else if s[i] == "}" {
                        if depth == 0 { close = i; break }
                        depth -= 1
                    }
                    i = s.index(after: i)
                }
                guard let close else { break }
                s.replaceSubrange(close...close, with: "")
                s.replaceSubrange(r, with: "")
            }
        }
        for mark in ["**", "$", "\\ ", "\\,", "\\;", "\\quad", "~"] { s = s.replacingOccurrences(of: mark, with: " ") }
        while s.contains("  ") { s = s.replacingOccurrences(of: "  ", with: " ") }
        return s.trimmingSpaces
    }

    private static func index(_ letter: Character) -> Int { Int((letter.asciiValue ?? 65) - 65) }
    private static func letter(_ index: Int) -> Character { Character(Unicode.Scalar(UInt8(65 + index))) }

    private static func normalised(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace && $0 != "." })
    }
}

extension String {
    /// The text without leading and trailing spaces and line breaks.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
