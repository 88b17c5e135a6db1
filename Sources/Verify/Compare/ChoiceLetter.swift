/// Reads a multiple-choice letter from an answer: `B`, `(B)`, `B.`, `B)`, `B: text`, `option B`.
///
/// Strict on purpose: `AB`, `B is right` or `I think B` are not letters, so a hedged or chatty
/// answer never passes as a choice.
public enum ChoiceLetter {
    /// The upper-cased letter that `text` names, or nil when it is not a choice form.
    public static func parse(_ text: String) -> Character? {
        label(of: text)?.letter
    }

    /// The option text without a leading label of its own (`"A. 5"` → `"5"`, `"(B) red"` → `"red"`).
    public static func stripLabel(_ option: String) -> String {
        guard let found = label(of: option), !found.rest.isEmpty else { return option }
        return String(found.rest)
    }

    /// The letter and the text after its label.
    private static func label(of text: String) -> (letter: Character, rest: Substring)? {
        var s = trim(text[...])
        // Every form starts with a letter (`option`, `choice` included) or `(`. A text starting with
        // any other ASCII byte (a digit: most answers) is none of them, whatever follows; checking
        // that byte spares the character-level work below.
        if let b = s.utf8.first, b < 0x80, b != UInt8(ascii: "("), !isASCIILetter(b) { return nil }
        for word in ["option", "choice"] where s.lowercased().hasPrefix(word) {
            let after = s.dropFirst(word.count)
            if let next = after.first, next.isWhitespace || next == "(" { s = trim(after) }
        }
        let chars = Array(s.prefix(3))
        if chars.count == 3, chars[0] == "(", isLetter(chars[1]), chars[2] == ")" {
            let rest = s.dropFirst(3)
            guard rest.first.map({ $0.isWhitespace }) ?? true else { return nil }
            return (Character(chars[1].uppercased()), trim(rest))
        }
        guard let first = chars.first, isLetter(first) else { return nil }
        if chars.count == 1 { return (Character(first.uppercased()), "") }
        guard ".):".contains(chars[1]) else { return nil }
        let rest = s.dropFirst(2)
        guard rest.first.map({ $0.isWhitespace }) ?? true else { return nil }
        return (Character(first.uppercased()), trim(rest))
    }

    private static func isLetter(_ c: Character) -> Bool {
        c.isASCII && c.isLetter
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    private static func trim(_ s: Substring) -> Substring { Whitespace.trim(s) }
}
