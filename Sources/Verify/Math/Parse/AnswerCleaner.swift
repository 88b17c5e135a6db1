/// Prepares an answer string for the lexer: LaTeX math environments, a trailing full stop,
/// a decimal comma, and the outer `\boxed{}` are dealt with here, on bytes.
enum AnswerCleaner {
    /// The math content of `text`: the inside of `$…$`, `$$…$$`, `\(…\)`, `\[…\]` when present
    /// (several segments are joined with commas), else the text itself.
    static func clean(_ text: String) -> [UInt8] {
        var b = Array(text.utf8)
        trim(&b)
        let segments = mathSegments(b)
        if !segments.isEmpty {
            var joined: [UInt8] = []
            for (k, s) in segments.enumerated() {
                if k > 0 { joined += [44, 32] }
                joined += b[s]
            }
            b = joined
            trim(&b)
        }
        while let last = b.last, last == 46 || last == 59 { b.removeLast(); trim(&b) }  // a full stop ends a sentence
        decimalComma(&b)
        return b
    }

    private static func trim(_ b: inout [UInt8]) {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] <= 32 { lo += 1 }
        while hi > lo, b[hi - 1] <= 32 { hi -= 1 }
        if lo > 0 || hi < b.count { b = Array(b[lo..<hi]) }
    }

    /// Byte ranges of the math segments delimited by `$`, `$$`, `\(`…`\)` or `\[`…`\]`.
    /// An escaped `\$` is currency, not a delimiter.
    static func mathSegments(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = b.count
        while i < n {
            if b[i] == 92, i + 1 < n, b[i + 1] == 40 || b[i + 1] == 91 {
                let close: UInt8 = b[i + 1] == 40 ? 41 : 93
                var j = i + 2
                while j + 1 < n, !(b[j] == 92 && b[j + 1] == close) { j += 1 }
                guard j + 1 < n else { return out }
                out.append((i + 2)..<j)
                i = j + 2
            } else if b[i] == 92 {
                i += 2
            } else if b[i] == 36 {
                let double = i + 1 < n && b[i + 1] == 36
                let start = i + (double ? 2 : 1)
                var j = start
                while j < n {
                    if b[j] == 92 { j += 2; continue }
                    if b[j] == 36 { break }
                    j += 1
                }
                guard j < n else { return out }
                out.append(start..<j)
                i = j + (double && j + 1 < n && b[j + 1] == 36 ? 2 : 1)
            } else {
                i += 1
            }
        }
        return out
    }

    /// A decimal comma where no other reading is likely: `2,74`, `0,5` and `0,125` are decimals; `1,000`
    /// (three digits after a non-zero whole part) is a thousand; `3,4` stays the list it may be.
    private static func decimalComma(_ b: inout [UInt8]) {
        var comma = -1
        for (k, c) in b.enumerated() {
            if c == 44 { if comma >= 0 { return }; comma = k; continue }
            if !(c >= 48 && c <= 57) && !(k == 0 && c == 45) { return }
        }
        guard comma > 0, comma < b.count - 1, b[comma - 1] != 45 else { return }
        let after = b.count - comma - 1
        let zeroWhole = b[..<comma].allSatisfy { $0 == 48 || $0 == 45 }
        guard after == 2 || after >= 4 || zeroWhole else { return }
        b[comma] = 46
    }
}
