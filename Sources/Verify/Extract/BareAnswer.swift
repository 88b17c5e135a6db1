/// A response that is nothing but an answer (`5`, `2, 3`, `$\frac{1}{2}$`, `x = 1 or x = -2`,
/// `Yes`, `blue whale`): one short line with at most two words of prose and none of the words
/// that make a sentence (`I`, `we`, `is`, `get`, `so`, ...; not `i`, the imaginary unit), so a sentence never passes as an answer.
enum BareAnswer {
    /// The longest text, in bytes, that can be a bare answer.
    static let maxBytes = 160

    /// The cleaned answer when `bytes` is a bare answer, else nil.
    static func answer(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lo = 0, hi = bytes.count
        while lo < hi, Whitespace.isASCIIWhitespace(bytes[lo]) { lo += 1 }
        while hi > lo, Whitespace.isASCIIWhitespace(bytes[hi - 1]) { hi -= 1 }
        guard lo < hi, hi - lo <= maxBytes else { return nil }
        // A box the scanner did not take (`\boxed{5` unclosed, `\boxed{}` empty) or the word
        // "answer" (`Reanswer: 5`) is a malformed anchor, not an answer.
        let window = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
        for marker in refusedMarkers
        where AnswerExtractor.find(marker, in: window, from: 0, before: window.count) != nil { return nil }
        var words = 0, start = lo, inCommand = false
        for k in lo...hi {
            let c = k < hi ? bytes[k] : 0x20
            if c == UInt8(ascii: "\n") { return nil }
            if (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") { continue }
            if !inCommand, k > start {
                let word = UnsafeBufferPointer(rebasing: bytes[start..<k])
                // A capital `I` alone is the pronoun; a small `i` is the imaginary unit.
                if isSentenceWord(word) || (word.count == 1 && word[0] == UInt8(ascii: "I")) { return nil }
                if word.count >= 3 { words += 1 }
            }
            start = k + 1
            inCommand = c == UInt8(ascii: "\\")
        }
        guard words <= 2 else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        let answer = AnswerSpanCleaner.clean(text[...])
        return answer.isEmpty ? nil : answer
    }

    /// Whether `word` (letters only) is one that makes a sentence of the text, any case.
    private static func isSentenceWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        sentenceWords.contains { w in w.count == word.count && zip(w, word).allSatisfy { $0 == $1 | 0x20 } }
    }

    private static let refusedMarkers = ["\\boxed", "\\fbox", "answer"].map { Array($0.utf8) }

    private static let sentenceWords = [
        "we", "you", "it", "is", "are", "was", "be", "get", "got", "gives", "so", "thus",
        "hence", "then", "therefore", "answer", "equals", "think", "find", "found",
    ].map { Array($0.utf8) }
}
