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
    private static let tabCommands: [[UInt8]] = [
        "imes", "ext", "extbf", "extrm", "heta", "an", "anh", "frac", "au", "o", "ilde", "riangle", "op",
    ].map { Array($0.utf8) }
    private static let returnCommands: [[UInt8]] = ["ight", "ho", "angle", "floor", "ceil", "m", "ightarrow"].map {
        Array($0.utf8)
    }
    private static let newlineCommands: [[UInt8]] = ["eq", "abla"].map { Array($0.utf8) }

    /// `text` with the accidents repaired; the same string (no copy) when it has none, which a
    /// scan without allocation decides (responses with line breaks are the common case).
    static func repair(_ text: String) -> String {
        var text = text
        let repaired: String? = text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count, letter(for: bytes, at: i) == nil { i += 1 }
            guard i < bytes.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            out.append(contentsOf: bytes[..<i])
            while i < bytes.count {
                if let letter = letter(for: bytes, at: i) {
                    out.append(UInt8(ascii: "\\"))
                    out.append(letter)
                } else {
                    out.append(bytes[i])
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return repaired ?? text
    }

    /// The letter the control byte at `i` stood for, or nil when it is not an accident.
    @inline(__always) private static func letter(for bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt8? {
        let b = bytes[i]
        guard b >= 0x07 && b <= 0x0D else { return nil }
        switch b {
        case 0x0C: return UInt8(ascii: "f")
        case 0x08: return UInt8(ascii: "b")
        case 0x07: return UInt8(ascii: "a")
        case 0x0B: return UInt8(ascii: "v")
        case 0x09: return startsCommand(bytes, after: i, tabCommands) ? UInt8(ascii: "t") : nil
        case 0x0D: return startsCommand(bytes, after: i, returnCommands) ? UInt8(ascii: "r") : nil
        default: return startsCommand(bytes, after: i, newlineCommands) ? UInt8(ascii: "n") : nil
        }
    }

    /// Whether one of `commands` follows position `i`, ended by a non-letter or the end of the text.
    private static func startsCommand(_ bytes: UnsafeBufferPointer<UInt8>, after i: Int, _ commands: [[UInt8]]) -> Bool
    {
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
