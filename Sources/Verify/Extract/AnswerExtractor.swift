#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the final answer in a response by prioritised anchors, never by guessing a bare number.
///
/// Priority: `<answer>` tags, then the last `\boxed{}` / `\fbox{}`, then `### The final answer is:`,
/// then "final answer is", then "Answer:". Within an anchor the rightmost occurrence wins. Only the
/// last `maxBytes` of the text are read, and every scan is linear, so a megabyte response or
/// ten thousand nested braces cost milliseconds and never crash.
public struct AnswerExtractor: Sendable {
    /// How many bytes from the end of the text are considered.
    public var maxBytes: Int

    /// Makes an extractor reading at most the last `maxBytes` bytes of each text.
    public init(maxBytes: Int = 65_536) {
        self.maxBytes = max(1, maxBytes)
    }

    // Constant patterns; the extractor tests exercise each one, so `try!` cannot fire.
    private static let header = try! RegexPattern(
        #"###[ \t]*the[ \t]+final[ \t]+answer[ \t]+is[ \t]*:"#, options: [.caseInsensitive])
    private static let phrase = try! RegexPattern(
        #"final[ \t]+answer[ \t]+is\b[ \t]*:?"#, options: [.caseInsensitive])
    private static let colon = try! RegexPattern(
        #"\banswer(?:\*\*)?[ \t]*:"#, options: [.caseInsensitive])

    /// Extracts the final answer of `text`.
    public func extract(from text: String) -> Extraction {
        let window = Self.tail(of: text, maxBytes: maxBytes)
        // The bytes are read in place: copying every response into an array cost more than the scan.
        var contiguous = window
        return contiguous.withUTF8 { bytes in
            if let tagged = answerTag(in: bytes) { return tagged }
            return Self.anchored(in: window, bytes: bytes) ?? .none
        }
    }

    /// The gold answer of a reference that may be reasoning ending in an answer: the extracted
    /// answer when the reference has an anchor, the rest of a GSM8K-style `#### ` line, else the
    /// whole reference trimmed.
    public func referenceAnswer(from reference: String) -> String {
        // Most references are a bare answer (`72`): short ASCII without `<`, `\\` or `#` (which
        // every tag, box, header and GSM8K line needs) or the word "answer" (every phrase). No
        // anchor can match, so the answer is the reference trimmed, as below.
        var plain = reference
        let bare: Bool? = plain.withUTF8 { bytes in
            guard Self.holdsNoAnchor(bytes), !bytes.contains(UInt8(ascii: "<")), !bytes.contains(UInt8(ascii: "#")) else { return nil }
            // Visible ASCII ends (nearly every reference) leave nothing to trim.
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
        }
        if let bare { return bare ? reference : String(AnswerSpanCleaner.trim(reference[...])) }
        if let answer = extract(from: reference).answer { return answer }
        var window = Self.tail(of: reference, maxBytes: maxBytes)
        let hashed: String? = window.withUTF8 { bytes in
            guard let hashes = Self.lastLineStart(with: Self.hashes, in: bytes) else { return nil }
            let answer = Self.lineAnswer(bytes, from: hashes + 4)
            return answer.isEmpty ? nil : answer
        }
        return hashed ?? String(AnswerSpanCleaner.trim(reference[...]))
    }

    // MARK: anchors

    private func answerTag(in bytes: UnsafeBufferPointer<UInt8>) -> Extraction? {
        // Nearly every tagged response has one `<answer>` holding a short plain answer: decide it
        // from its bytes, without the arrays and inner-anchor scan below.
        var tags = 0, lastTag = 0..<0
        Self.forEachTagContent(bytes) { range in
            tags += 1
            lastTag = range
        }
        if tags == 0 { return nil }
        let tagBytes = UnsafeBufferPointer(rebasing: bytes[lastTag])
        if tags == 1, Self.holdsNoAnchor(tagBytes) {
            let answer = AnswerSpanCleaner.cleanWithoutStripping(tagBytes)
                ?? AnswerSpanCleaner.clean(String(decoding: tagBytes, as: UTF8.self)[...])
            return answer.isEmpty ? nil : Extraction(single: answer, anchor: .answerTag)
        }
        var contents: [String] = []
        Self.forEachTagContent(bytes) { range in
            let content = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if !AnswerSpanCleaner.trim(content[...]).isEmpty { contents.append(content) }
        }
        guard let last = contents.last else { return nil }
        var lastBytes = last
        if let inner = lastBytes.withUTF8({ Self.anchored(in: last, bytes: $0) }) {
            return Extraction(answer: inner.answer, anchor: .answerTag, candidates: inner.candidates, isHedged: inner.isHedged)
        }
        // One array, not one per step: this runs for nearly every response.
        var cleaned: [String] = []
        cleaned.reserveCapacity(contents.count)
        for content in contents {
            let answer = AnswerSpanCleaner.clean(content[...])
            if !answer.isEmpty { cleaned.append(answer) }
        }
        guard let answer = cleaned.last else { return nil }
        return Extraction(answer: answer, anchor: .answerTag, candidates: cleaned, isHedged: false)
    }

    /// Whether `anchored(in:bytes:)` surely finds nothing in `content`: it is short ASCII text
    /// without a backslash (every box starts with one) or the word "answer" (every phrase
    /// anchor holds it), so neither the box scan nor the phrase regexes can match.
    private static func holdsNoAnchor(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard content.count <= 256 else { return false }
        for b in content where b >= 0x80 || b == UInt8(ascii: "\\") { return false }
        return find(answerWord, in: content, from: 0, before: content.count) == nil
    }

    /// Boxed, header, phrase and colon anchors, in that order.
    private static func anchored(in text: String, bytes: UnsafeBufferPointer<UInt8>) -> Extraction? {
        let boxes = BoxedAnswerScanner.boxes(in: bytes)
        if let last = boxes.last {
            let hedged = Set(boxes.map(hedgeKey)).count > 1
            return Extraction(answer: last, anchor: .boxed, candidates: boxes, isHedged: hedged)
        }
        // The check pays for short texts (gold answers, tag contents); a long text that reaches
        // here usually holds an answer phrase, so the regexes run on it at once.
        guard bytes.count > 256 || mayHoldAnswerWord(bytes) else { return nil }
        let ascii = isASCII(bytes)
        for (pattern, anchor) in [(header, AnswerAnchor.finalAnswerHeader), (phrase, .finalAnswerPhrase), (colon, .answerColon)] {
            guard mayMatch(anchor, bytes, isASCII: ascii) else { continue }
            let matches = pattern.allMatches(in: text)
            // Each answer ends where the next occurrence of the anchor starts, which keeps the
            // total work linear even when the whole text is one line of anchors.
            let found = matches.indices.map { k in
                let limit = k + 1 < matches.count ? matches[k + 1].byteRange.lowerBound : bytes.count
                return lineAnswer(bytes, from: matches[k].byteRange.upperBound, limit: limit)
            }.filter { !$0.isEmpty }
            if let last = found.last {
                return Extraction(answer: last, anchor: anchor, candidates: found, isHedged: false)
            }
        }
        return nil
    }

    /// The cleaned rest of the line from byte `start`; when that is blank, the next non-blank line.
    /// Nothing at or after `limit` is read.
    private static func lineAnswer(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int? = nil) -> String {
        let newline = UInt8(ascii: "\n")
        let limit = min(limit ?? bytes.count, bytes.count)
        var lo = min(start, limit)
        for attempt in 0..<2 {
            var hi = lo
            while hi < limit, bytes[hi] != newline { hi += 1 }
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
            let answer = AnswerSpanCleaner.clean(line[...])
            if !answer.isEmpty || attempt == 1 { return answer }
            // Skip blank lines to the next one with text.
            lo = hi
            while lo < limit, bytes[lo] == newline || bytes[lo] == 0x20 || bytes[lo] == 0x09 || bytes[lo] == 0x0D { lo += 1 }
        }
        return ""
    }

    // MARK: byte scanning

    /// Calls `body` with the content range of each `<answer>…</answer>` pair (any ASCII case), left
    /// to right, without collecting them in an array; for repeated opening tags the last one before
    /// the closing tag starts the content. One pass over the `<` bytes, where both tags start:
    /// searching for each closing tag and then again for the opening tags before it read the text
    /// twice, and this runs for nearly every response.
    private static func forEachTagContent(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let openTag = Self.openTag, closeTag = Self.closeTag
        // The last opening tag since the previous closing one. A `<` inside a tag is impossible, so
        // an opening tag always ends before the next closing one starts.
        var open: Int?
        var at = 0
        while at < bytes.count, let hit = memchr(base + at, Int32(UInt8(ascii: "<")), bytes.count - at) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matches(closeTag, bytes, at: i) {
                if let o = open { body((o + openTag.count)..<i) }
                open = nil
                at = i + closeTag.count
            } else {
                if matches(openTag, bytes, at: i) { open = i }
                at = i + 1
            }
        }
    }

    /// Whether `needle` (lower case) is written at offset `i`, letters in any ASCII case.
    @inline(__always) private static func matches(_ needle: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + needle.count <= buffer.count else { return false }
        var k = 0
        while k < needle.count, lowered(buffer[i + k]) == needle[k] { k += 1 }
        return k == needle.count
    }

    /// The first offset in `from..<before` where `needle` starts and ends before `before`
    /// (letters compared case-insensitively; `needle` is lower case).
    private static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Int? {
        guard before - from >= needle.count, let first = needle.first, let base = buffer.baseAddress else { return nil }
        let firstUpper = (first >= 0x61 && first <= 0x7A) ? first - 0x20 : first
        let last = before - needle.count
        var i = from
        while i <= last {
            if firstUpper == first {
                // A first byte with no case (`<`, `\\`, `#`): let memchr skip to candidates.
                guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else if buffer[i] != first && buffer[i] != firstUpper {
                // A letter: only it and its capital give it when OR-ed with 0x20. Skip 16 bytes at
                // a time while none does.
                let letter = SIMD16<UInt8>(repeating: first), caseBit = SIMD16<UInt8>(repeating: 0x20)
                while i + 16 <= last + 1 {
                    let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                    if any((v | caseBit) .== letter) { break }
                    i += 16
                }
                while i <= last, buffer[i] != first && buffer[i] != firstUpper { i += 1 }
                if i > last { return nil }
            }
            if matches(needle, buffer, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Offset just before the last `needle` that starts a line.
    private static func lastLineStart(with needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var found: Int?
        var position = 0
        while let at = find(needle, in: bytes, from: position, before: bytes.count) {
            if at == 0 || bytes[at - 1] == UInt8(ascii: "\n") { found = at }
            position = at + needle.count
        }
        return found
    }

    private static let openTag = Array("<answer>".utf8), closeTag = Array("</answer>".utf8)
    private static let hashes = Array("####".utf8), answerWord = Array("answer".utf8)

    /// Whether the header, phrase and colon patterns could match: each holds the word "answer",
    /// so ASCII text without it cannot, and their regexes (most of an extraction's cost) need not
    /// run. Non-ASCII text always runs them: caseless UTF matching lets `ſ` stand for `s`.
    private static func mayHoldAnswerWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return true }
        return find(answerWord, in: bytes, from: 0, before: bytes.count) != nil
    }

    /// Whether the pattern of `anchor` could match: each needs a literal that caseless matching
    /// cannot meet otherwise: `###` and `:` (no other character folds to `#` or `:`), and in ASCII
    /// text the word "final". A long answerless response ("The answer is 7.") ran all three
    /// regexes, most of its extraction's cost, to find nothing.
    private static func mayMatch(_ anchor: AnswerAnchor, _ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Bool {
        switch anchor {
        case .finalAnswerHeader: return find(headerMarks, in: bytes, from: 0, before: bytes.count) != nil
        case .finalAnswerPhrase: return !isASCII || find(finalWord, in: bytes, from: 0, before: bytes.count) != nil
        case .answerColon: return find(colonMark, in: bytes, from: 0, before: bytes.count) != nil
        case .answerTag, .boxed: return true
        }
    }

    /// Whether every byte is ASCII; whole words at a time, without an exit per byte.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var seen: UInt64 = 0, i = 0
        while i + 8 <= bytes.count {
            seen |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            seen |= UInt64(bytes[i])
            i += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    private static let headerMarks = Array("###".utf8), finalWord = Array("final".utf8), colonMark = Array(":".utf8)

    private static func lowered(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    /// The last `maxBytes` bytes of `text`, starting on a whole character.
    static func tail(of text: String, maxBytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > maxBytes else { return text }
        var start = utf8.index(utf8.endIndex, offsetBy: -maxBytes)
        while start < utf8.endIndex, UTF8.isContinuation(utf8[start]) { start = utf8.index(after: start) }
        return String(decoding: utf8[start...], as: UTF8.self)
    }

    /// The key under which two boxed answers count as the same for hedging: case, white space,
    /// `$` and one trailing period ignored.
    static func hedgeKey(_ answer: String) -> String {
        var key = String(answer.lowercased().filter { !$0.isWhitespace && $0 != "$" })
        if key.hasSuffix(".") { key.removeLast() }
        return key
    }
}
