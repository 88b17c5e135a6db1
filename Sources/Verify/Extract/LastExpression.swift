/// The anchor-less fallback: the last math segment (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) or the
/// last number of a text, whichever ends later, as math-verify falls back by default.
enum LastExpression {
    /// The last expression of `bytes`, or nil when the text holds neither math nor a number.
    static func answer(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // A text that ends in a question asks, it does not answer ("Is it 18?", a restated problem).
        var end = bytes.count
        while end > 0, Whitespace.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "?") { return nil }
        let math = lastMath(bytes)
        let number = lastNumber(bytes)
        switch (math, number) {
        case let (m?, n?): return n.upperBound > m.upperBound + 2 ? text(bytes, n) : text(bytes, m)
        case let (m?, nil): return text(bytes, m)
        case let (nil, n?): return text(bytes, n)
        case (nil, nil): return nil
        }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String? {
        // "isn't 5", "not 5": a negated value is what the answer is not.
        if negated(bytes, before: r.lowerBound) { return nil }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        let answer = AnswerSpanCleaner.clean(s[...])
        return answer.isEmpty ? nil : answer
    }

    /// The content range of the last closed math segment.
    private static func lastMath(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let segments = AnswerCleaner.mathSegments(Array(bytes))
        guard let last = segments.last(where: { seg in seg.contains { !Whitespace.isASCIIWhitespace(bytes[$0]) } })
        else { return nil }
        return last
    }

    /// The range of the last number: digits with `,` thousands groups, a decimal part, a fraction
    /// `a/b`, a sign and a `%`.
    private static func lastNumber(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = b.count - 1
        while i >= 0, !isDigit(b[i]) { i -= 1 }
        guard i >= 0 else { return nil }
        var hi = i + 1
        if hi < b.count, b[hi] == UInt8(ascii: "%") { hi += 1 }
        var lo = i
        while lo > 0 {
            let c = b[lo - 1]
            if isDigit(c) { lo -= 1; continue }
            // A separator counts only between digits: `1,000`, `3.5`, `3/4`.
            if c == UInt8(ascii: ",") || c == UInt8(ascii: ".") || c == UInt8(ascii: "/"), lo >= 2, isDigit(b[lo - 2]) {
                if c == UInt8(ascii: ","), !threeDigits(b, lo) { break }
                lo -= 1
                continue
            }
            break
        }
        if lo > 0, b[lo - 1] == UInt8(ascii: "-"), lo < 2 || !isDigit(b[lo - 2]) && !isLetter(b[lo - 2]) { lo -= 1 }
        return lo..<hi
    }

    /// Whether exactly three digits follow the comma before `at` (a thousands group).
    private static func threeDigits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var k = at, n = 0
        while k < b.count, isDigit(b[k]) { k += 1; n += 1 }
        return n == 3
    }

    /// Whether `not` or `n't` stands among the few words right before `at`, in the same sentence.
    private static func negated(_ b: UnsafeBufferPointer<UInt8>, before at: Int) -> Bool {
        var lo = at
        while lo > 0, at - lo < 24, b[lo - 1] != UInt8(ascii: "."), b[lo - 1] != UInt8(ascii: "\n") { lo -= 1 }
        let window = UnsafeBufferPointer(rebasing: b[lo..<at])
        return AnswerExtractor.find(Array("not ".utf8), in: window, from: 0, before: window.count) != nil
            || AnswerExtractor.find(Array("n't ".utf8), in: window, from: 0, before: window.count) != nil
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
}
