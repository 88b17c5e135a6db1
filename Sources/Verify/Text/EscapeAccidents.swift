/// Puts back LaTeX backslashes that a string literal or JSON decoder turned into control characters.
///
/// `"\frac12"` in Python or JSON source is a form feed followed by `rac12`; `"\times"` a tab and
/// `imes`, `"\beta"` a backspace and `eta`, `"\right"` a carriage return and `ight`. Datasets and
/// reward code written that way are common, and the answer they meant is plain, so the verifier
/// reads them as meant: form feed, backspace, bell and vertical tab (never in real text) always
/// become `\f`, `\b`, `\a`, `\v`; tab, carriage return and newline only when they stand before the
/// rest of a LaTeX command (`\t` + `imes`, `\r` + `ight`, `\n` + `eq`) and a non-letter, so real
/// line breaks and indentation stay as they are.
enum EscapeAccidents {
    /// The command remainders that a tab, carriage return or newline stands for the `t`, `r` or `n` of.
    private static let tabCommands: [[UInt8]] = ["imes", "ext", "extbf", "extrm", "heta", "an", "anh", "frac", "au", "o", "ilde", "riangle", "op"].map { Array($0.utf8) }
    private static let returnCommands: [[UInt8]] = ["ight", "ho", "angle", "floor", "ceil", "m", "ightarrow"].map { Array($0.utf8) }
    private static let newlineCommands: [[UInt8]] = ["eq", "abla"].map { Array($0.utf8) }

    /// `text` with the accidents repaired; the same string (no copy) when it has none.
    static func repair(_ text: String) -> String {
        let utf8 = text.utf8
        // Fast path: no byte below 0x0E that could be an accident.
        guard utf8.contains(where: { $0 >= 0x07 && $0 <= 0x0D }) else { return text }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        var changed = false
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let letter: UInt8?
            switch b {
            case 0x0C: letter = UInt8(ascii: "f")
            case 0x08: letter = UInt8(ascii: "b")
            case 0x07: letter = UInt8(ascii: "a")
            case 0x0B: letter = UInt8(ascii: "v")
            case 0x09: letter = startsCommand(bytes, after: i, tabCommands) ? UInt8(ascii: "t") : nil
            case 0x0D: letter = startsCommand(bytes, after: i, returnCommands) ? UInt8(ascii: "r") : nil
            case 0x0A: letter = startsCommand(bytes, after: i, newlineCommands) ? UInt8(ascii: "n") : nil
            default: letter = nil
            }
            if let letter {
                out.append(UInt8(ascii: "\\"))
                out.append(letter)
                changed = true
            } else {
                out.append(b)
            }
            i += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// Whether one of `commands` follows position `i`, ended by a non-letter or the end of the text.
    private static func startsCommand(_ bytes: [UInt8], after i: Int, _ commands: [[UInt8]]) -> Bool {
        let start = i + 1
        for command in commands where start + command.count <= bytes.count {
            guard bytes[start..<start + command.count].elementsEqual(command) else { continue }
            let end = start + command.count
            if end == bytes.count || !isLetter(bytes[end]) { return true }
        }
        return false
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }
}
