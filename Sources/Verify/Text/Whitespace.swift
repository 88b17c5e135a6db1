/// White space trimming with an ASCII fast path.
///
/// Answers are short and nearly always ASCII; `Character.isWhitespace` consults Unicode tables for
/// every character, which dominated scoring time. Non-ASCII edges still take the exact path.
enum Whitespace {
    /// `s` without leading and trailing white space.
    static func trim(_ s: Substring) -> Substring {
        let u = s.utf8
        // Most texts start and end with a visible ASCII byte: nothing to trim, no index walking.
        if let first = u.first, let last = u.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return s }
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, isASCIIWhitespace(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, isASCIIWhitespace(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        if lo < hi, u[lo] >= 0x80 || u[u.index(before: hi)] >= 0x80 { return exactTrim(s[lo..<hi]) }
        return s[lo..<hi]
    }

    /// Whether `b` is an ASCII white-space byte (space, tab, newline, vertical tab, form feed, return).
    @inline(__always) static func isASCIIWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    private static func exactTrim(_ s: Substring) -> Substring {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, s[lo].isWhitespace { lo = s.index(after: lo) }
        while hi > lo, s[s.index(before: hi)].isWhitespace { hi = s.index(before: hi) }
        return s[lo..<hi]
    }
}
