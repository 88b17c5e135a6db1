/// The answer phrases models write before a final answer, as PCRE2 patterns, and the cheap
/// literal checks that decide whether a pattern can match at all.
enum AnswerPhrases {
    // Constant patterns; the extractor tests exercise each one, so `try!` cannot fire.

    /// `### The final answer is:` (Mulberry / R1-VL).
    static let header = try! RegexPattern(
        #"###[ \t]*the[ \t]+final[ \t]+answer[ \t]+is[ \t]*:"#, options: [.caseInsensitive])

    /// "final answer is", "Final Answer:", "**Final Answer**", "Final answer" ending a line.
    static let finalAnswer = try! RegexPattern(
        #"final[ \t]+answer(?:[ \t]+is\b[ \t]*:?|[ \t]*(?:\*\*)?[ \t]*:(?:\*\*)?|\*\*|[ \t]*$)"#,
        options: [.caseInsensitive, .multiline])

    /// "the answer is", "the correct option is", "the answer would be", "answer is:".
    static let answerIs = try! RegexPattern(
        #"(?<!final[ \t])\b(?:answer|option|choice)(?:[ \t]+letter)?(?:\*\*)?[ \t]+(?:is|would[ \t]+be|should[ \t]+be|will[ \t]+be)\b(?:\*\*)?[ \t]*:?"#,
        options: [.caseInsensitive])

    /// "Answer:", "**Answer:**", "Answer**:".
    static let answerColon = try! RegexPattern(
        #"\banswer(?:\*\*)?[ \t]*:(?:\*\*)?"#, options: [.caseInsensitive])

    /// "答案:", "答案是", "答案为" (Chinese "the answer (is)"), with either colon.
    static let chineseAnswer = try! RegexPattern(#"答案[ \t]*(?:是|为)?[ \t]*[:：]?"#)

    /// The phrase anchors after the header and the user's patterns, in priority order.
    static let phrases: [(RegexPattern, AnswerAnchor)] = [
        (finalAnswer, .finalAnswerPhrase), (answerIs, .answerIs), (answerColon, .answerColon),
        (chineseAnswer, .answerColon),
    ]

    /// Whether the pattern of `anchor` could match ASCII `bytes`: each needs a word that caseless
    /// matching cannot meet otherwise ("final"; "answer", "option" or "choice"; ":"). Non-ASCII
    /// text always runs the patterns: caseless UTF matching lets `ſ` stand for `s`, and the
    /// Chinese phrase is not ASCII.
    static func mayMatch(_ anchor: AnswerAnchor, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func has(_ word: [UInt8]) -> Bool { AnswerExtractor.find(word, in: bytes, from: 0, before: bytes.count) != nil }
        switch anchor {
        case .finalAnswerPhrase: return has(finalWord)
        case .answerIs: return has(answerWord) || has(optionWord) || has(choiceWord)
        case .answerColon: return has(colonMark) && has(answerWord)
        default: return true
        }
    }

    private static let finalWord = Array("final".utf8), answerWord = Array("answer".utf8)
    private static let optionWord = Array("option".utf8), choiceWord = Array("choice".utf8), colonMark = Array(":".utf8)
}
