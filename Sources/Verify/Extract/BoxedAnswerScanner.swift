#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the contents of `\boxed{…}` and `\fbox{…}` by brace matching, in one linear pass.
///
/// Regexes cannot match nested braces, and recursion would overflow the stack on deeply nested
/// input, so this walks the bytes once with an explicit stack. `\{`, `\}` and `\\` are escapes,
/// not braces. Unclosed boxes are ignored; a box inside another box counts only as its parent's
/// content, and `\boxed{\boxed{x}}` unwraps to `x`.
struct BoxedAnswerScanner {
    private static let backslash = UInt8(ascii: "\\")
    private static let open = UInt8(ascii: "{")
    private static let close = UInt8(ascii: "}")
    private static let commands: [[UInt8]] = [Array("boxed".utf8), Array("fbox".utf8)]

    /// One closed box: byte offsets of its backslash, its content, the content's end (the closing
    /// brace, if any) and the end of the whole box.
    private struct Box {
        var keyword: Int
        var contentStart: Int
        var contentEnd: Int
        var end: Int
    }

    /// The contents of the top-level boxes in `bytes`, trimmed, in text order; empty boxes skipped.
    static func boxes(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        // Every box starts at a backslash; most texts have none, and memchr finds that fast.
        guard let base = bytes.baseAddress, memchr(base, Int32(backslash), bytes.count) != nil else { return [] }
        var closed: [Box] = []
        // Each open brace: the box keyword offset when the brace opened a box, else -1.
        var stack: [Int] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == backslash {
                if let (length, braceAt) = boxCommand(bytes, at: i) {
                    if let braceAt {
                        stack.append(i)
                        i = braceAt + 1
                    } else {
                        // `\boxed 5`: a brace-less box holds one token.
                        var end = i + length
                        while end < n, isSpace(bytes[end]) { end += 1 }
                        let start = end
                        while end < n, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "$"), bytes[end] != backslash {
                            end += 1
                        }
                        if end > start {
                            closed.append(Box(keyword: i, contentStart: start, contentEnd: end, end: end))
                        }
                        i = max(end, i + length)
                    }
                    continue
                }
                i += 2  // an escape: `\{`, `\}`, `\\`, or any command's first letter
                continue
            }
            if b == open {
                stack.append(-1)
            } else if b == close, let keyword = stack.popLast(), keyword >= 0 {
                let contentStart = contentStart(bytes, keyword: keyword)
                closed.append(Box(keyword: keyword, contentStart: contentStart, contentEnd: i, end: i + 1))
            }
            i += 1
        }
        return topLevel(closed, bytes)
    }

    /// The keyword length and the offset of its `{` (nil for the brace-less form) if a box command
    /// starts at `at`.
    private static func boxCommand(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> (Int, Int?)? {
        for command in commands where matches(bytes, command, at: at + 1) {
            let length = 1 + command.count
            var j = at + length
            if j < bytes.count, isLetter(bytes[j]) { return nil }  // `\boxedx` is another command
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == open { return (length, j) }
            return (length, nil)
        }
        return nil
    }

    private static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>, keyword: Int) -> Int {
        var j = keyword + 1
        while j < bytes.count, bytes[j] != open { j += 1 }
        return j + 1
    }

    /// Drops boxes nested in another closed box, unwraps `\boxed{\boxed{x}}`, decodes the rest.
    private static func topLevel(_ closed: [Box], _ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        // Closed ranges nest or are disjoint, so one sweep in start order finds the outermost.
        let ordered = closed.sorted { $0.keyword < $1.keyword }
        var byKeyword: [Int: Box] = [:]
        for box in ordered { byKeyword[box.keyword] = box }
        var result: [String] = []
        var coveredUntil = -1
        for box in ordered where box.keyword >= coveredUntil {
            coveredUntil = box.end
            var (lo, hi) = trimmed(bytes, box.contentStart, box.contentEnd)
            // A box whose whole content is another box stands for the inner one.
            while let inner = byKeyword[lo], inner.end == hi {
                (lo, hi) = trimmed(bytes, inner.contentStart, inner.contentEnd)
            }
            if hi > lo { result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)) }
        }
        return result
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return (lo, hi)
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8], at: Int) -> Bool {
        guard at + word.count <= bytes.count else { return false }
        for k in 0..<word.count where bytes[at + k] != word[k] { return false }
        return true
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }
}
