/// Where in a response the final answer was found (the extraction path), in priority order:
/// the first anchor that finds an answer wins; within one anchor the rightmost occurrence does.
public enum AnswerAnchor: String, Sendable, CaseIterable {
    /// `<answer>…</answer>`; a `\boxed{}` or answer phrase inside the tag is used when present.
    case answerTag = "answer_tag"
    /// The last `\boxed{…}` or `\fbox{…}`.
    case boxed
    /// `### The final answer is:` (the Mulberry / R1-VL header).
    case finalAnswerHeader = "final_answer_header"
    /// A pattern the user configured (`anchors:` of the accuracy reward), tried before the phrases below.
    case custom
    /// "final answer is", "Final Answer:", "**Final Answer**", any case.
    case finalAnswerPhrase = "final_answer_phrase"
    /// "the answer is", "the correct option is", "the answer would be", any case.
    case answerIs = "answer_is"
    /// "Answer:", "**Answer:**", any case; "答案:" / "答案是".
    case answerColon = "answer_colon"
    /// `#### 18` at the start of a line (the GSM8K convention).
    case hashes
    /// `A: 18` at the start of a line (the few-shot Q:/A: convention).
    case answerLine = "a_colon"
    /// The whole response is one short answer (`5`, `2, 3`, `x = 1 or x = -2`).
    case bare
    /// No anchor: the last number or math expression of the text (extraction mode `fallback` only).
    case lastExpression = "fallback_last"
}

/// How hard the extractor looks for an answer.
public enum ExtractionMode: String, Sendable, CaseIterable {
    /// Answer anchors only (tags, boxes, answer phrases, `####`, `A:`, a bare answer): a response
    /// that states no answer has none. For RL that enforces an answer format.
    case anchored
    /// The anchors, then the last number or math expression of the text, as math-verify does by
    /// default. For scoring rollouts and evaluation, where the format is not the point.
    case fallback
}

/// The result of extracting a final answer from a response.
public struct Extraction: Sendable, Equatable {
    /// The chosen answer (the rightmost at the highest priority anchor), or nil when none was found.
    public var answer: String? {
        // Candidates held as "the answer alone" keep the answer they were made with.
        willSet { if listed == nil { listed = candidates } }
    }
    /// The anchor that found `answer`; nil when nothing was found.
    public var anchor: AnswerAnchor?
    /// Every answer found at that anchor, in text order (for an `<answer>` tag holding boxes: the
    /// boxes inside the chosen tag). The last one is `answer`.
    public var candidates: [String] {
        get { listed ?? (answer.map { [$0] } ?? []) }
        set { listed = newValue }
    }
    /// True when two or more boxed candidates differ after light normalisation (white space, case,
    /// `$`). A comparator may still find them equivalent (`1/2` and `0.5`); `accuracy` checks that.
    public var isHedged: Bool

    /// The candidates when they are not just `answer` (or none when `answer` is nil): nearly every
    /// extraction has one candidate, and an array to hold it costs an allocation per response.
    private var listed: [String]?

    /// Makes an extraction.
    public init(answer: String?, anchor: AnswerAnchor?, candidates: [String], isHedged: Bool) {
        self.answer = answer
        self.anchor = anchor
        self.isHedged = isHedged
        self.listed = candidates
    }

    /// An unhedged extraction whose one candidate is `answer`.
    init(single answer: String, anchor: AnswerAnchor) {
        self.answer = answer
        self.anchor = anchor
        self.isHedged = false
    }

    /// Nothing found.
    public static let none = Extraction(answer: nil, anchor: nil, candidates: [], isHedged: false)

    public static func == (a: Extraction, b: Extraction) -> Bool {
        a.answer == b.answer && a.anchor == b.anchor && a.isHedged == b.isHedged && a.candidates == b.candidates
    }

    /// Candidates that differ after light normalisation, first occurrence of each, in text order.
    public var distinctCandidates: [String] {
        var seen = Set<String>()
        return candidates.filter { seen.insert(AnswerExtractor.hedgeKey($0)).inserted }
    }
}
