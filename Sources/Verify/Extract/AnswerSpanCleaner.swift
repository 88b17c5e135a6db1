/// Tidies the text after an answer phrase or inside an `<answer>` tag into the bare answer.
///
/// Strips Markdown bold around it, a math wrapper (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) when only
/// punctuation follows it, the Minerva sign-off "I hope it is correct.", and one trailing period.
enum AnswerSpanCleaner {
    private static let wrappers: [(open: String, close: String)] = [
        ("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]"),
    ]

    /// The cleaned answer; empty when nothing is left.
    static func clean(_ raw: Substring) -> String {
        var s = trim(raw)
        if let signOff = find(signOff, in: s, ignoringCase: true) {
            s = trim(s[..<signOff.lowerBound])
        }
        if let first = s.utf8.first, let last = s.utf8.last, endsClean(first, last) { return String(s) }
        s = stripBold(s)
        s = unwrapMath(s)
        if s.hasASCIISuffix(".") && !s.hasASCIISuffix("..") { s = trim(s.dropLast()) }
        s = stripBold(s)
        return String(s)
    }

    /// `clean` of `bytes` when that only trims white space, decided from the bytes: the common
    /// short answer of an `<answer>` tag (`42`) then needs no Substring work. Nil when it does
    /// more, or the answer is empty: the caller then cleans the text.
    static func cleanWithoutStripping(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lo = 0, hi = bytes.count
        while lo < hi, Whitespace.isASCIIWhitespace(bytes[lo]) { lo += 1 }
        while hi > lo, Whitespace.isASCIIWhitespace(bytes[hi - 1]) { hi -= 1 }
        // Shorter than the sign-off, it cannot hold one; ASCII ends make the byte trim the exact one.
        guard lo < hi, hi - lo < signOff.utf8.count, endsClean(bytes[lo], bytes[hi - 1]) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
    }

    /// Whether a trimmed answer with these end bytes is already clean: bold, math wrappers and the
    /// period all show in the first or last byte, so ends that are other ASCII bytes (`42`, `(C)`)
    /// leave nothing to strip.
    private static func endsClean(_ first: UInt8, _ last: UInt8) -> Bool {
        first < 0x80 && last < 0x80 && first != UInt8(ascii: "*") && first != UInt8(ascii: "$")
            && first != UInt8(ascii: "\\")
            && last != UInt8(ascii: "*") && last != UInt8(ascii: ".")
    }

    private static let signOff = "i hope it is correct"

    private static func stripBold(_ text: Substring) -> Substring {
        var s = text
        while s.hasASCIIPrefix("**") { s = trim(s.dropFirst(2)) }
        while s.hasASCIISuffix("**") { s = trim(s.dropLast(2)) }
        return s
    }

    /// `$5$.` becomes `5`; `$x$ and $y$` stays as it is (the comparator drops the `$` itself).
    private static func unwrapMath(_ s: Substring) -> Substring {
        for (open, close) in wrappers where s.hasASCIIPrefix(open) {
            let body = s.dropFirst(open.count)
            guard let end = find(close, in: body, ignoringCase: false) else { return trim(body) }
            let after = body[end.upperBound...]
            if after.allSatisfy({ $0.isWhitespace || ".,;:!".contains($0) }) {
                return trim(body[..<end.lowerBound])
            }
            return s
        }
        return s
    }

    static func trim(_ s: Substring) -> Substring { Whitespace.trim(s) }

    /// The first range of `needle`, optionally ignoring ASCII case; a plain linear search.
    static func find(_ needle: String, in s: Substring, ignoringCase caseInsensitive: Bool) -> Range<Substring.Index>? {
        // Short texts cannot hold the needle: skip the copies below (most answers are a few bytes).
        guard s.utf8.count >= needle.utf8.count else { return nil }
        let target = Array(needle.utf8)
        guard !target.isEmpty else { return nil }
        let bytes = Array(s.utf8)
        func fold(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 65 && b <= 90 ? b | 0x20 : b }
        let first = fold(target[0])
        var i = 0
        outer: while i <= bytes.count - target.count {
            if fold(bytes[i]) == first {
                for k in 1..<target.count where fold(bytes[i + k]) != fold(target[k]) {
                    i += 1
                    continue outer
                }
                let lo = s.utf8.index(s.utf8.startIndex, offsetBy: i)
                let hi = s.utf8.index(lo, offsetBy: target.count)
                return lo..<hi
            }
            i += 1
        }
        return nil
    }
}
