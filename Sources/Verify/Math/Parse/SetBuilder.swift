/// Set-builder notation over the reals, `\{x \mid -1 < x < 1\}` (also `:`, `|`, `\middle|`,
/// `x \in \mathbb{R}`, `\left\{ ... \right\}`): the condition that describes the set.
///
/// A gold written this way is compared as its condition (an inequality gold accepts the equal
/// interval); a prediction written this way is compared as the interval or union it describes.
enum SetBuilder {
    /// The condition text of a set-builder answer over the reals, or nil when `text` is not one.
    static func condition(_ text: String) -> String? {
        // Every set-builder answer opens with `\{` or `\left\{`; most answers do not, and the
        // byte check spares them the string work below.
        let lead = text.utf8.drop { $0 == 0x20 }
        guard lead.starts(with: "\\{".utf8) || lead.starts(with: "\\left\\{".utf8) else { return nil }
        var s = Whitespace.trim(Substring(text))
        for (open, close) in [("\\left\\{", "\\right\\}"), ("\\{", "\\}")] where s.hasPrefix(open) && s.hasSuffix(close)
        {
            s = Whitespace.trim(s.dropFirst(open.count).dropLast(close.count))
            break
        }
        guard s.count < text.count else { return nil }
        // The bound variable: one letter, then optionally `\in \mathbb{R}`.
        guard let first = s.first, first.isASCII, first.isLetter else { return nil }
        var rest = Whitespace.trim(s.dropFirst())
        if rest.hasPrefix("\\in") {
            rest = Whitespace.trim(rest.dropFirst(3))
            guard rest.hasPrefix("\\mathbb{R}") || rest.hasPrefix("\\mathbb R") else { return nil }
            rest = Whitespace.trim(rest.dropFirst(rest.hasPrefix("\\mathbb{R}") ? 10 : 9))
        }
        var separated = false
        for separator in ["\\,\\middle|\\,", "\\middle|", "\\mid", "|", ":"] where rest.hasPrefix(separator) {
            rest = Whitespace.trim(rest.dropFirst(separator.count))
            separated = true
            break
        }
        guard separated, !rest.isEmpty, rest.contains(first) else { return nil }
        return String(rest)
    }

    /// The parts of a condition joined by "or" (`x < 1 \text{ or } x > 3`), each one condition.
    static func alternatives(_ condition: String) -> [String] {
        var parts = [condition]
        for word in ["\\text{ or }", "\\text{or}", "\\lor", "\\vee", " or "] {
            parts = parts.flatMap { $0.components(separatedBy: word) }
        }
        return parts.map { String(Whitespace.trim(Substring($0))) }.filter { !$0.isEmpty }
    }
}
