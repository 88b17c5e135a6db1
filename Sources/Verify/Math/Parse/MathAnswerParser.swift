/// Turns one answer string into a `MathExpr`, or text when it is words rather than math.
enum MathAnswerParser {
    /// Parses `text` under `meter`. Throws `.budget` when over budget, other errors when unparsable.
    static func parse(_ text: String, meter: BudgetMeter) throws(MathParseError) -> MathExpr {
        let bytes = AnswerCleaner.clean(text)
        if bytes.isEmpty { throw .empty }
        if looksLikeWords(bytes) { return .text(normalizedText(bytes)) }
        do {
            var lexer = MathLexer(bytes, meter: meter)
            var parser = MathParser(tokens: try lexer.tokens(), meter: meter)
            return try parser.parseAnswer()
        } catch .textual {
            return .text(normalizedText(bytes))
        }
    }

    /// No digits and a word of three or more letters that is not math (`no solution`, `\\text{Yes}`):
    /// a word answer. Short letter runs stay math (`xy`, `A`), and so does anything with a number.
    static func looksLikeWords(_ b: [UInt8]) -> Bool {
        var i = 0
        var wordy = false
        while i < b.count {
            let c = b[i]
            if c >= 48 && c <= 57 { return false }
            if c == 92 {  // a command name is not a word, and environments are math
                var j = i + 1
                while j < b.count, (b[j] | 0x20) >= 97, (b[j] | 0x20) <= 122 { j += 1 }
                if String(decoding: b[(i + 1)..<j], as: UTF8.self) == "begin" { return false }
                i = max(j, i + 2)
                continue
            }
            if (c | 0x20) >= 97 && (c | 0x20) <= 122 {
                var j = i
                while j < b.count, (b[j] | 0x20) >= 97, (b[j] | 0x20) <= 122 { j += 1 }
                if j - i >= 3, MathParser.knownWord(String(decoding: b[i..<j], as: UTF8.self)) == nil { wordy = true }
                i = j
                continue
            }
            i += 1
        }
        return wordy
    }

    /// Lower case, LaTeX text wrappers and punctuation dropped, spaces collapsed.
    static func normalizedText(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        var lastSpace = true
        while i < bytes.count {
            var c = bytes[i]
            if c == 92 {  // drop a command name such as \text, keep what it wraps
                i += 1
                while i < bytes.count, (bytes[i] | 0x20) >= 97, (bytes[i] | 0x20) <= 122 { i += 1 }
                continue
            }
            i += 1
            if c >= 65 && c <= 90 { c |= 0x20 }
            let keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0x80
            if keep { out.append(c); lastSpace = false } else if !lastSpace { out.append(32); lastSpace = true }
        }
        while out.last == 32 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
