import Verify

/// The `normalized` form of text for soft key-step matching (REFERENCE.md §2): case folded, all
/// white space removed, `\frac{a}{b}` / `\dfrac` / `\tfrac` as `a/b`, `\times` and `\cdot` as `*`,
/// `\left`, `\right` and `$` dropped.
///
/// Works on UTF-8 bytes: it runs over every response StepRAR scores, and Character-level string
/// work costs far more than the matching itself.
public enum KeyStepNormaliser {
    /// Nesting deeper than this is copied as written instead of rewritten, so hostile input such as
    /// ten thousand nested `\frac{` stays linear and cannot exhaust the stack.
    static let maxDepth = 32

    /// `text` normalised, as bytes.
    public static func normalise(_ text: String) -> [UInt8] {
        var folded = caseFolded(text)
        let hasFrac = ByteSearch.contains("frac", in: folded)
        return folded.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            // Brace pairs are found once, up front, so reading each `\frac` argument is O(1)
            // however the braces nest; text without `frac` never pays for it.
            let closers = hasFrac ? closingBraces(bytes) : []
            rewrite(bytes, 0..<bytes.count, closers: closers, depth: 0, into: &out)
            return out
        }
    }

    /// `text` lower-cased: ASCII by byte, anything else through the Unicode mapping.
    public static func caseFolded(_ text: String) -> String {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard ascii else { return text.lowercased() }
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }

    private static func rewrite(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, closers: [Int32], depth: Int, into out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            if isSpace(c) || c == UInt8(ascii: "$") { i += 1; continue }
            guard c == UInt8(ascii: "\\"), i + 1 < end, isLetter(b[i + 1]) else { out.append(c); i += 1; continue }
            var nameEnd = i + 1
            while nameEnd < end, isLetter(b[nameEnd]) { nameEnd += 1 }
            let name = UnsafeBufferPointer(rebasing: b[(i + 1)..<nameEnd])
            if equals(name, "times") || equals(name, "cdot") {
                out.append(UInt8(ascii: "*"))
                i = nameEnd
            } else if equals(name, "left") || equals(name, "right") {
                i = nameEnd
            } else if depth < maxDepth, equals(name, "frac") || equals(name, "dfrac") || equals(name, "tfrac"),
                      let numerator = argument(b, from: nameEnd, end: end, closers: closers),
                      let denominator = argument(b, from: numerator.next, end: end, closers: closers) {
                rewrite(b, numerator.content, closers: closers, depth: depth + 1, into: &out)
                out.append(UInt8(ascii: "/"))
                rewrite(b, denominator.content, closers: closers, depth: depth + 1, into: &out)
                i = denominator.next
            } else {
                out.append(contentsOf: b[i..<nameEnd])
                i = nameEnd
            }
        }
    }

    /// One TeX argument starting at `from` (white space skipped): a brace group's content, or a
    /// single character as in `\frac12`. Nil when there is none or the braces do not close.
    private static func argument(_ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int, closers: [Int32]) -> (content: Range<Int>, next: Int)? {
        var i = from
        while i < end, isSpace(b[i]) { i += 1 }
        guard i < end else { return nil }
        guard b[i] == UInt8(ascii: "{") else {
            if b[i] == UInt8(ascii: "}") || b[i] == UInt8(ascii: "\\") { return nil }
            var next = i + 1
            while next < end, b[next] & 0xC0 == 0x80 { next += 1 }
            return (i..<next, next)
        }
        let close = i < closers.count ? Int(closers[i]) : -1
        guard close > i, close < end else { return nil }
        return ((i + 1)..<close, close + 1)
    }

    /// For each `{`, the offset of its matching `}` (-1 when it never closes); other bytes -1.
    /// Escaped braces (`\{`, `\}`) do not pair.
    private static func closingBraces(_ b: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var closers = [Int32](repeating: -1, count: b.count)
        var open: [Int] = []
        var i = 0
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "{"): open.append(i)
            case UInt8(ascii: "}"): if let o = open.popLast() { closers[o] = Int32(truncatingIfNeeded: i) }
            default: break
            }
            i += 1
        }
        return closers
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in zip(bytes, w).allSatisfy { $0 == $1 } }
    }
}
