/// Reads the answer that follows an anchor: the math right after it when it opens with `$`, `\(`
/// or `\[`, else the rest of the line up to the end of its sentence; a blank rest of the line
/// means the answer is on the next non-blank line ("The final answer is:\n$$x = 3$$").
enum AnswerSpan {
    /// The cleaned answer after byte `start`, reading nothing at or after `limit`; empty when none.
    static func answer(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, cutSentence: Bool) -> String {
        let limit = min(limit, bytes.count)
        var lo = min(start, limit)
        for attempt in 0..<2 {
            var hi = lo
            while hi < limit, bytes[hi] != newline { hi += 1 }
            var end = hi
            if cutSentence {
                end = mathEnd(bytes, lo, hi) ?? sentenceEnd(bytes, lo, hi)
            }
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<end]), as: UTF8.self)
            let answer = AnswerSpanCleaner.clean(line[...])
            if !answer.isEmpty || attempt == 1 { return answer }
            // Skip blank lines to the next one with text.
            lo = hi
            while lo < limit, bytes[lo] == newline || bytes[lo] == 0x20 || bytes[lo] == 0x09 || bytes[lo] == 0x0D {
                lo += 1
            }
        }
        return ""
    }

    /// When the span (after spaces, `:` and bold marks) opens with a math delimiter closed on the
    /// same line, the offset just after the closing delimiter: "is $\frac12$, since ..." ends there.
    private static func mathEnd(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        var i = lo
        while i < hi, b[i] == 0x20 || b[i] == 0x09 || b[i] == colon || b[i] == star { i += 1 }
        guard i < hi else { return nil }
        let closer: [UInt8]
        if b[i] == dollar {
            closer = i + 1 < hi && b[i + 1] == dollar ? [dollar, dollar] : [dollar]
        } else if b[i] == backslash, i + 1 < hi, b[i + 1] == UInt8(ascii: "(") || b[i + 1] == UInt8(ascii: "[") {
            closer = [backslash, b[i + 1] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")]
        } else {
            return nil
        }
        var j = i + closer.count
        while j + closer.count <= hi {
            if b[j] == backslash, closer[0] != backslash { j += 2; continue }
            if zip(closer, b[j...]).allSatisfy({ $0 == $1 }) {
                // The first closer on the line ends the math; an unclosed `$` (currency: `$18.`)
                // reaches the line's end instead, and the sentence rule reads the span.
                return j + closer.count
            }
            j += 1
        }
        return nil
    }

    /// The end of the first sentence in `lo..<hi`: a full stop, `?`, `!` or `;` followed by a space
    /// and a capital letter, or a comma or space followed by a word that starts a clause
    /// ("because", "since", "which", "not", ...), outside `$…$` and brackets. A decimal point never
    /// ends it.
    private static func sentenceEnd(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var depth = 0, inMath = false
        var i = lo
        while i < hi {
            let c = b[i]
            if c == backslash { i += 2; continue }
            if c == dollar { inMath.toggle() }
            if !inMath {
                if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1 }
                if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    depth = max(0, depth - 1)
                }
                if depth == 0,
                    c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!")
                        || c == UInt8(ascii: ";"),
                    i + 1 < hi, b[i + 1] == 0x20, startsSentence(b, i + 2, hi)
                {
                    return i
                }
                if depth == 0, c == UInt8(ascii: ",") || c == 0x20, startsClause(b, i + 1, hi) { return i }
            }
            i += 1
        }
        return hi
    }

    /// Whether a new sentence starts at `i` (after spaces): a capital letter.
    private static func startsSentence(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> Bool {
        var k = i
        while k < hi, b[k] == 0x20 { k += 1 }
        return k < hi && b[k] >= UInt8(ascii: "A") && b[k] <= UInt8(ascii: "Z")
    }

    /// Whether a clause word ("because", "since", "which", "as", "so", "where", "not") starts at `i` (after spaces).
    private static func startsClause(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> Bool {
        var k = i
        while k < hi, b[k] == 0x20 { k += 1 }
        for word in clauseWords where k + word.count < hi {
            if zip(word, b[k...]).allSatisfy({ $0 == ($1 | 0x20) }),
                b[k + word.count] == 0x20 || b[k + word.count] == UInt8(ascii: ",")
            {
                return true
            }
        }
        return false
    }

    private static let clauseWords = ["because", "since", "which", "as", "so", "where", "and so", "therefore", "not"]
        .map { Array($0.utf8) }
    private static let newline = UInt8(ascii: "\n"), colon = UInt8(ascii: ":"), star = UInt8(ascii: "*")
    private static let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
}
