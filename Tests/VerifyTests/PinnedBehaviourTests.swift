import Foundation
import TestSupport
import Testing

@testable import Verify

/// What the answer code said about edge-case texts before the byte-level fast paths went in.
/// A fast path must give exactly these results: same letters, numbers, extractions and verdicts.
struct PinnedAnswer: Codable, Equatable, Sendable, CustomTestStringConvertible {
    var text: String
    var letter: String?
    var number: String?
    var stripped: String
    var answer: String?
    var anchor: String?
    var candidates: [String]
    var hedged: Bool
    var reference: String
    var testDescription: String { text }

    init(_ text: String) {
        let extraction = AnswerExtractor().extract(from: text)
        self.text = text
        letter = ChoiceLetter.parse(text).map(String.init)
        number = SimpleNumberParser.parse(text).map { "\($0.value) percent=\($0.isPercent)" }
        stripped = ChoiceLetter.stripLabel(text)
        answer = extraction.answer
        anchor = extraction.anchor?.rawValue
        candidates = extraction.candidates
        hedged = extraction.isHedged
        reference = AnswerExtractor().referenceAnswer(from: text)
    }
}

/// The simple comparator's verdicts for one gold against every compared text, one letter per
/// prediction: `N`, `C`, `T` for a numeric, choice or text match, `m` for mismatch, `e` for empty.
struct PinnedVerdicts: Codable, Sendable {
    var gold: String
    var verdicts: String

    static func code(_ v: Verdict) -> Character {
        switch (v.isMatch, v.reason) {
        case (true, "numeric"): return "N"
        case (true, "choice"): return "C"
        case (true, "text"): return "T"
        case (false, "mismatch"): return "m"
        case (false, "empty"): return "e"
        default: return "?"
        }
    }

    init(gold: String, against texts: [String]) {
        let comparator = SimpleAnswerComparator()
        self.gold = gold
        verdicts = String(texts.map { Self.code(comparator.compare(gold: gold, predicted: $0)) })
    }
}

@Suite struct PinnedBehaviourTests {
    /// Number, letter and anchor forms, with the Unicode look-alikes that byte-level code could
    /// get wrong (long s, Kelvin sign, combining marks, CR LF, non-breaking spaces).
    static let texts: [String] = [
        "30375", "0", "00", "0.0", ".5", "5.", "5.50", "-5", "+5", "\u{2212}5", "--5", "- 5", "+-5",
        "12,345", "1,234,567", "1,23", "12,3456", "1,234.5", "1,234.56,7", "1,,234",
        "$5", "\\$5", "USD 5", "usd5", "5 dollars", "5dollars", "5 USD", "5 dollar", "\u{20AC}5", "5\u{20AC}",
        "\u{00A3} 3", "\u{00A5}7", "50%", "50 %", "50\\%", "-50%", "%", "5%%", "3/4", "-3/4", "3/-4",
        "3 / 4", "1/2/3", "1/0", "0/5", "/4", "3/", "\\frac{3}{4}", "\\frac34", "\\frac{-3}{4}", "-\\frac{6}{4}",
        "\\frac{3}{4}x", "\\frac{{3}}{4}", "\\frac{3}", "\\dfrac{1}{2}", "\\frac 1 2", "\u{00BD}", "1\u{00BD}",
        "1 \u{00BD}", "2\u{00BE}", "x\u{00BD}", "90\u{00B0}", "90^\\circ", "90^{\\circ}", "90\\degree",
        "90 degrees", "1 degree", "9223372036854775807", "9223372036854775808", "99999999999999999999.5",
        "0.1234567890123456789", "1e5", "1,2", "1 2", "2x", "", " ", "\t42\n", "\u{00A0}5\u{00A0}", "\u{2003}7",
        "5\u{0301}", "3\u{0301}4", "\u{0663}", "\u{FF15}", "1\r\n", "5.\r\n",
        "A", "a", "z", "(B)", "( B )", "(b) blue", "B.", "B)", "B:", "B: text", "B. twelve", "B.twelve",
        "option c", "Option (C)", "OPTION D", "choice D", "option choice A", "optionA", "option", "AB",
        "(AB)", "B is right", "I think B", "\u{00C9}", "(\u{00C9})", "\u{03A9}", "C\u{0301}", "\u{017F}",
        "\u{212A}", "A\r\nB", "A.\r\nrest", "\\text{B}", "$B$", "**B**",
        "<answer>42</answer>", "<answer> \\boxed{5} </answer>", "<ANSWER>6</ANSWER>", "<answer></answer>",
        "<answer>  </answer>", "<answer>1</answer> <answer>2</answer>", "<answer><answer>3</answer>",
        "<answer>**5**</answer>", "<answer>$5$.</answer>", "<answer>$5$ and $6$</answer>",
        "<answer>5. I hope it is correct.</answer>", "<answer>The answer is 7</answer>",
        "<answer>Answer: 8\nmore</answer>", "<answer>\\boxed{1} or \\boxed{2}</answer>",
        "<answer>\\boxed{1} or \\boxed{1.}</answer>", "<answer>\\fbox{9}</answer>", "<answer>x\\boxedx{3}</answer>",
        "<answer>\\(7\\)</answer>", "<answer>\\[7\\].</answer>", "<answer>$$7$$</answer>", "<answer>5..</answer>",
        "<answer>an\u{017F}wer: 4</answer>", "<answer>\u{212A}</answer>", "<answer>caf\u{00E9}</answer>",
        "The answer is 5.", "Answer: 7", "ANSWER: 8", "answer**: 9", "an\u{017F}wer: 9", "final answer is 3",
        "Final Answer is: 3.", "### The final answer is: 4", "###the final answer is:\n\n 4",
        "\\boxed{1} and \\boxed{2}",
        "\\boxed{\\boxed{x}}", "\\boxed 5", "\\boxed{", "#### 12", "reasoning\n#### 1,234", "#### ", "a #### 5",
        "answer", "no anchors here 42", "Answer:\n\nB", "answer: $\\frac{1}{2}$",
        "<think>x</think><answer>18122</answer>",
    ]

    static let pinnedAnswers: [PinnedAnswer] = (try? Fixture.load("pinned_answers.jsonl")) ?? []
    static let pinnedVerdicts: [PinnedVerdicts] = (try? Fixture.load("pinned_verdicts.jsonl")) ?? []

    /// The answers compared with each other, every pair both ways.
    static var comparedTexts: [String] {
        texts.filter { !$0.contains("<") && !$0.hasPrefix("#") && !$0.contains("answer") }
    }

    @Test func tablesCoverEveryText() {
        #expect(Self.pinnedAnswers.map(\.text) == Self.texts)
        #expect(Self.pinnedVerdicts.map(\.gold) == Self.comparedTexts)
    }

    @Test(arguments: pinnedAnswers) func answerCodeIsUnchanged(_ pinned: PinnedAnswer) {
        let now = PinnedAnswer(pinned.text)
        #expect(now == pinned)
    }

    @Test func verdictsAreUnchanged() {
        for pinned in Self.pinnedVerdicts {
            #expect(
                PinnedVerdicts(gold: pinned.gold, against: Self.comparedTexts).verdicts == pinned.verdicts,
                "gold \(pinned.gold)")
        }
    }

    /// Writes the tables from the code as it is; run only by hand, with RK_RECORD_PINNED=1, and
    /// only on code whose behaviour is the reference.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RK_RECORD_PINNED"] != nil)) func record() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let answers = try Self.texts.map { String(decoding: try encoder.encode(PinnedAnswer($0)), as: UTF8.self) }
        try (answers.joined(separator: "\n") + "\n").write(
            to: Fixture.url("pinned_answers.jsonl"), atomically: true, encoding: .utf8)
        let verdicts = try Self.comparedTexts.map {
            String(decoding: try encoder.encode(PinnedVerdicts(gold: $0, against: Self.comparedTexts)), as: UTF8.self)
        }
        try (verdicts.joined(separator: "\n") + "\n").write(
            to: Fixture.url("pinned_verdicts.jsonl"), atomically: true, encoding: .utf8)
    }
}
