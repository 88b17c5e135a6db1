#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the final answer in a response by prioritised anchors (`AnswerAnchor`, first wins).
///
/// Priority: `<answer>` tags, the last `\boxed{}` / `\fbox{}`, `### The final answer is:`, the
/// user's own patterns, "final answer is", "the answer is", "Answer:", `#### N`, `A: N`, then a
/// response that is nothing but an answer. Within an anchor the rightmost occurrence wins. In
/// `fallback` mode a text with none of these gives its last number or math expression. Only the
/// last `maxBytes` of the text are read, and every scan is linear, so a megabyte response or ten
/// thousand nested braces stay cheap and never crash.
public struct AnswerExtractor: Sendable {
    /// How many bytes from the end of the text are considered.
    public var maxBytes: Int
    /// Whether a text without an anchor yields its last number or expression.
    public var mode: ExtractionMode
    /// The user's anchor patterns: the answer is the rest of the line after the rightmost match.
    public var customAnchors: [RegexPattern]

    /// Makes an extractor reading at most the last `maxBytes` bytes of each text.
    public init(maxBytes: Int = 65_536, mode: ExtractionMode = .anchored, customAnchors: [RegexPattern] = []) {
        self.maxBytes = max(1, maxBytes)
        self.mode = mode
        self.customAnchors = customAnchors
    }

    /// Extracts the final answer of `text`.
    public func extract(from text: String) -> Extraction {
        extraction(of: text, unanchored: true)
    }

    /// The anchored answer of `text`; with `unanchored`, also a bare answer and, in `fallback`
    /// mode, the last expression. References never take the unanchored paths: a reference
    /// without an anchor is its answer as a whole.
    private func extraction(of text: String, unanchored: Bool) -> Extraction {
        let window = Self.tail(of: text, maxBytes: maxBytes)
        // The bytes are read in place: copying every response into an array would cost more than the scan.
        var contiguous = window
        return contiguous.withUTF8 { bytes in
            if let tagged = answerTag(in: bytes) { return tagged }
            if let found = anchored(in: window, bytes: bytes) { return found }
            guard unanchored else { return .none }
            if let bare = BareAnswer.answer(bytes) { return Extraction(single: bare, anchor: .bare) }
            if mode == .fallback, let last = LastExpression.answer(bytes) {
                return Extraction(single: last, anchor: .lastExpression)
            }
            return .none
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
            guard Self.holdsNoAnchor(bytes), !bytes.contains(UInt8(ascii: "<")), !bytes.contains(UInt8(ascii: "#"))
            else { return nil }
            // Visible ASCII ends (nearly every reference) leave nothing to trim.
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
        }
        if let bare { return bare ? reference : String(AnswerSpanCleaner.trim(reference[...])) }
        if let answer = extraction(of: reference, unanchored: false).answer { return answer }
        return String(AnswerSpanCleaner.trim(reference[...]))
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
            let answer =
                AnswerSpanCleaner.cleanWithoutStripping(tagBytes)
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
        if let inner = lastBytes.withUTF8({ anchored(in: last, bytes: $0) }) {
            return Extraction(
                answer: inner.answer, anchor: .answerTag, candidates: inner.candidates, isHedged: inner.isHedged)
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

    /// Boxed, header, custom, phrase, `####` and `A:` anchors, in that order.
    private func anchored(in text: String, bytes: UnsafeBufferPointer<UInt8>) -> Extraction? {
        let boxes = BoxedAnswerScanner.boxes(in: bytes)
        if let last = boxes.last {
            let hedged = Set(boxes.map(Self.hedgeKey)).count > 1
            return Extraction(answer: last, anchor: .boxed, candidates: boxes, isHedged: hedged)
        }
        if let header = Self.phraseAnswers(
            AnswerPhrases.header, .finalAnswerHeader, in: text, bytes: bytes, cutSentence: false)
        {
            return header
        }
        for pattern in customAnchors {
            if let found = Self.phraseAnswers(pattern, .custom, in: text, bytes: bytes, cutSentence: false) {
                return found
            }
        }
        // The phrases need a literal that most texts lack; checking for it spares the regexes,
        // most of an extraction's cost.
        let ascii = Self.isASCII(bytes)
        for (pattern, anchor) in AnswerPhrases.phrases where !ascii || AnswerPhrases.mayMatch(anchor, bytes) {
            if let found = Self.phraseAnswers(pattern, anchor, in: text, bytes: bytes, cutSentence: true) {
                return found
            }
        }
        if let hashes = Self.lastLineStart(with: Self.hashes, in: bytes) {
            let answer = AnswerSpan.answer(bytes, from: hashes + 4, limit: bytes.count, cutSentence: true)
            if !answer.isEmpty { return Extraction(single: answer, anchor: .hashes) }
        }
        if let line = Self.lastLineStart(with: Self.answerLineMark, in: bytes, caseSensitive: true) {
            let answer = AnswerSpan.answer(bytes, from: line + 2, limit: bytes.count, cutSentence: true)
            if !answer.isEmpty { return Extraction(single: answer, anchor: .answerLine) }
        }
        return nil
    }

    /// The answers after every match of `pattern`, the rightmost last; nil when none is found.
    /// Each answer ends where the next match starts, which keeps the total work linear even when
    /// the whole text is one line of anchors.
    private static func phraseAnswers(
        _ pattern: RegexPattern, _ anchor: AnswerAnchor, in text: String,
        bytes: UnsafeBufferPointer<UInt8>, cutSentence: Bool
    ) -> Extraction? {
        let matches = pattern.allMatches(in: text)
        guard !matches.isEmpty else { return nil }
        let found = matches.indices.map { k in
            let limit = k + 1 < matches.count ? matches[k + 1].byteRange.lowerBound : bytes.count
            return AnswerSpan.answer(
                bytes, from: matches[k].byteRange.upperBound, limit: limit, cutSentence: cutSentence)
        }.filter { !$0.isEmpty }
        guard let last = found.last else { return nil }
        return Extraction(answer: last, anchor: anchor, candidates: found, isHedged: false)
    }

    // MARK: byte scanning

    /// Calls `body` with the content range of each `<answer>…</answer>` pair (any ASCII case), left
    /// to right, without collecting them in an array; for repeated opening tags the last one before
    /// the closing tag starts the content. One pass over the `<` bytes, where both tags start:
    /// searching for each closing tag and then again for the opening tags before it would read the
    /// text twice, and this runs for nearly every response.
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
    @inline(__always) private static func matches(
        _ needle: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, at i: Int
    ) -> Bool {
        guard i + needle.count <= buffer.count else { return false }
        var k = 0
        while k < needle.count, lowered(buffer[i + k]) == needle[k] { k += 1 }
        return k == needle.count
    }

    /// The first offset in `from..<before` where `needle` starts and ends before `before`
    /// (letters compared case-insensitively; `needle` is lower case).
    static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Int? {
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

    /// Offset of the last `needle` (lower case) that starts a line, after any spaces or tabs;
    /// letters in any case, or only in capitals when `caseSensitive`.
    private static func lastLineStart(
        with needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, caseSensitive: Bool = false
    ) -> Int? {
        var found: Int?
        var position = 0
        while let at = find(needle, in: bytes, from: position, before: bytes.count) {
            position = at + needle.count
            // The needle is lower case; a case-sensitive one is its capital form (`A:`).
            if caseSensitive,
                !zip(needle, bytes[at...]).allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0) == $1 })
            {
                continue
            }
            var k = at
            while k > 0, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 { k -= 1 }
            if k == 0 || bytes[k - 1] == UInt8(ascii: "\n") { found = at }
        }
        return found
    }

    private static let openTag = Array("<answer>".utf8), closeTag = Array("</answer>".utf8)
    private static let hashes = Array("####".utf8), answerWord = Array("answer".utf8), answerLineMark = Array("a:".utf8)

    /// Whether every byte is ASCII; whole words at a time, without an exit per byte.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
