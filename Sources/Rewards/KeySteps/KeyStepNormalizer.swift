#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `normalized` form of text for soft key-step matching (docs/methods.md, StepGRPO): case folded, all
/// white space removed, `\frac{a}{b}` / `\dfrac` / `\tfrac` as `a/b`, `\times` and `\cdot` as `*`,
/// `\left`, `\right` and `$` dropped.
///
/// Works on UTF-8 bytes into a caller's buffer: it runs over every response StepRAR scores and
/// over every form of every key step, so Character-level work and per-form allocations would cost
/// far more than the matching itself.
public enum KeyStepNormalizer {
    /// Nesting deeper than this is copied as written instead of rewritten, so hostile input such as
    /// ten thousand nested `\frac{` stays linear and cannot exhaust the stack.
    static let maxDepth = 32

    /// `text` normalized, as bytes.
    public static func normalize(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        normalize(text, into: &out)
        return out
    }

    /// `text` normalized into `out` (emptied first, capacity kept).
    public static func normalize(_ text: String, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var source = text
        let ascii = source.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var closers: [Int32]?
            rewrite(bytes, 0..<bytes.count, closers: &closers, depth: 0, into: &out)
            return true
        }
        guard !ascii else { return }
        // Non-ASCII text takes the Unicode case mapping first; ASCII is folded byte by byte.
        var folded = text.lowercased()
        folded.withUTF8 { bytes in
            var closers: [Int32]?
            rewrite(bytes, 0..<bytes.count, closers: &closers, depth: 0, into: &out)
        }
    }

    /// `text` lower-cased: ASCII by byte, anything else through the Unicode mapping.
    public static func caseFolded(_ text: String) -> String {
        var out: [UInt8] = []
        caseFolded(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` lower-cased into `out` (emptied first, capacity kept).
    public static func caseFolded(_ text: String, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var source = text
        let ascii = source.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            out.append(contentsOf: bytes.lazy.map(lower))
            return true
        }
        if !ascii { out.append(contentsOf: text.lowercased().utf8) }
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    private static func rewrite(
        _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, closers: inout [Int32]?, depth: Int,
        into out: inout [UInt8]
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            if isSpace(c) || c == UInt8(ascii: "$") { i += 1; continue }
            guard c == UInt8(ascii: "\\"), i + 1 < end, isLetter(b[i + 1]) else {
                out.append(lower(c)); i += 1; continue
            }
            var nameEnd = i + 1
            while nameEnd < end, isLetter(b[nameEnd]) { nameEnd += 1 }
            let name = UnsafeBufferPointer(rebasing: b[(i + 1)..<nameEnd])
            if equals(name, "times") || equals(name, "cdot") {
                out.append(UInt8(ascii: "*"))
                i = nameEnd
            } else if equals(name, "left") || equals(name, "right") {
                i = nameEnd
            } else if depth < maxDepth, equals(name, "frac") || equals(name, "dfrac") || equals(name, "tfrac"),
                let numerator = argument(b, from: nameEnd, end: end, closers: &closers),
                let denominator = argument(b, from: numerator.next, end: end, closers: &closers)
            {
                rewrite(b, numerator.content, closers: &closers, depth: depth + 1, into: &out)
                out.append(UInt8(ascii: "/"))
                rewrite(b, denominator.content, closers: &closers, depth: depth + 1, into: &out)
                i = denominator.next
            } else {
                for k in i..<nameEnd { out.append(lower(b[k])) }
                i = nameEnd
            }
        }
    }

    /// One TeX argument starting at `from` (white space skipped): a brace group's content, or a
    /// single character as in `\frac12`. Nil when there is none or the braces do not close.
    private static func argument(
        _ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int, closers: inout [Int32]?
    ) -> (content: Range<Int>, next: Int)? {
        var i = from
        while i < end, isSpace(b[i]) { i += 1 }
        guard i < end else { return nil }
        guard b[i] == UInt8(ascii: "{") else {
            if b[i] == UInt8(ascii: "}") || b[i] == UInt8(ascii: "\\") { return nil }
            var next = i + 1
            while next < end, b[next] & 0xC0 == 0x80 { next += 1 }
            return (i..<next, next)
        }
        // Brace pairs are found once, on the first `\frac`, so reading each argument is O(1)
        // however deeply the braces nest.
        if closers == nil { closers = closingBraces(b) }
        let close = closers.map { i < $0.count ? Int($0[i]) : -1 } ?? -1
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

    /// Whether `bytes` spell `word` in any ASCII case.
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in zip(bytes, w).allSatisfy { lower($0) == $1 } }
    }

    /// Whether `needle` occurs in `haystack` (`memchr` for the first byte, `memcmp` for the rest).
    static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count, let base = haystack.baseAddress else {
            return false
        }
        return needle.withUnsafeBufferPointer { n in
            guard let nb = n.baseAddress else { return false }
            let last = haystack.count - n.count
            var at = 0
            while at <= last {
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return false }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, nb, n.count) == 0 { return true }
                at = offset + 1
            }
            return false
        }
    }
}

@available(*, deprecated, renamed: "KeyStepNormalizer")
public typealias KeyStepNormaliser = KeyStepNormalizer

extension KeyStepNormalizer {
    @available(*, deprecated, renamed: "normalize(_:)")
    public static func normalise(_ text: String) -> [UInt8] { normalize(text) }

    @available(*, deprecated, renamed: "normalize(_:into:)")
    public static func normalise(_ text: String, into out: inout [UInt8]) { normalize(text, into: &out) }
}
