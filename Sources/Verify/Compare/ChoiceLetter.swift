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
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLabel(s) }
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

    /// `label(of:)` for trimmed ASCII text, by bytes. Every character is then one byte, except CR LF,
    /// which none of the tests below accepts either as one character or as two bytes, so the
    /// answers are the same; this runs for every letter answer and spares the character arrays.
    private static func asciiLabel(_ trimmed: Substring) -> (letter: Character, rest: Substring)? {
        var s = trimmed
        for word in ["option", "choice"] {
            // Lower-casing ASCII changes only A-Z, so this is `lowercased().hasPrefix(word)`.
            guard s.utf8.count >= 6, zip(s.utf8, word.utf8).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            let after = s[s.utf8.index(s.startIndex, offsetBy: 6)...]
            if let next = after.utf8.first, Whitespace.isASCIIWhitespace(next) || next == UInt8(ascii: "(") {
                s = trim(after)
            }
        }
        let u = s.utf8
        var bytes = u.makeIterator()
        let b0 = bytes.next(), b1 = bytes.next(), b2 = bytes.next()
        if b0 == UInt8(ascii: "("), let b1, isASCIILetter(b1), b2 == UInt8(ascii: ")") {
            let rest = s[u.index(u.startIndex, offsetBy: 3)...]
            guard rest.utf8.first.map(Whitespace.isASCIIWhitespace) ?? true else { return nil }
            return (upper(b1), trim(rest))
        }
        guard let b0, isASCIILetter(b0) else { return nil }
        guard let b1 else { return (upper(b0), "") }
        guard b1 == UInt8(ascii: ".") || b1 == UInt8(ascii: ")") || b1 == UInt8(ascii: ":") else { return nil }
        let rest = s[u.index(u.startIndex, offsetBy: 2)...]
        guard rest.utf8.first.map(Whitespace.isASCIIWhitespace) ?? true else { return nil }
        return (upper(b0), trim(rest))
    }

    private static func upper(_ letter: UInt8) -> Character {
        Character(Unicode.Scalar(letter & ~0x20))
    }

    private static func isLetter(_ c: Character) -> Bool {
        c.isASCII && c.isLetter
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    private static func trim(_ s: Substring) -> Substring { Whitespace.trim(s) }
}
