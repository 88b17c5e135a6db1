import Verify

/// `format`: 1 when the response follows the chosen template, else 0 with the reason.
///
/// Templates:
/// - `think_answer`: `<think>…</think>` then `<answer>…</answer>`, one of each, nothing outside
///   but white space (the R1 / EasyR1 format).
/// - `boxed`: `<think>…</think>` then text containing `\boxed{…}` (the R1-ShareVL format).
/// - `mulberry`: the `###` sections of R1-VL in order: Image Description, Rationales, Let's think
///   step by step, Step 1..n (numbered in order), The final answer is.
public struct FormatReward: Reward {
    /// The response layouts this reward can check.
    public enum Template: String, Sendable, CaseIterable {
        case thinkAnswer = "think_answer"
        case boxed
        case mulberry
    }

    public let name = "format"
    /// The template checked.
    public let template: Template

    /// Makes the reward for `template`.
    public init(template: Template) {
        self.template = template
    }

    /// Builds from config options: `template` (default `think_answer`).
    public init(options: RewardOptions) throws(RewardError) {
        try options.requireOnly(["template"])
        let raw = try options.string("template", default: Template.thinkAnswer.rawValue,
                                     allowed: Template.allCases.map(\.rawValue))
        self.init(template: Template(rawValue: raw)!)
    }

    public func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore {
        let problem: String?
        switch template {
        case .thinkAnswer: problem = Self.thinkAnswerProblem(trajectory.response)
        case .boxed: problem = Self.boxedProblem(trajectory.response)
        case .mulberry: problem = MulberrySections(trajectory.response).formatProblem
        }
        return problem.map { RewardScore(0, $0) } ?? RewardScore(1)
    }

    private static let boxedShape = try! RegexPattern(
        #"\A\s*<think>.*?</think>.*\\boxed\{.*\}.*\z"#, options: [.dotAll])

    static func thinkAnswerProblem(_ text: String) -> String? {
        var offsets: [Int] = []
        for tag in ["<think>", "</think>", "<answer>", "</answer>"] {
            // Counting and locating in one scan (the count is of non-overlapping occurrences).
            var n = 0, at = 0
            while let found = ByteSearch.firstOffset(of: tag, in: text, from: at) {
                if n == 0 { offsets.append(found) }
                n += 1
                at = found + tag.utf8.count
            }
            if n != 1 { return n == 0 ? "missing \(tag)" : "\(n) \(tag) tags, expected one" }
        }
        // With each tag present once, the template holds when the tags are in order and only
        // white space lies outside <think>…</think> and <answer>…</answer>: the same as matching
        // \A\s*<think>.*?</think>\s*<answer>.*?</answer>\s*\z, without a backtracking scan.
        let inOrder = offsets[0] < offsets[1] && offsets[1] < offsets[2] && offsets[2] < offsets[3]
        var contiguous = text
        let shaped = inOrder && contiguous.withUTF8 { utf8 in
            let blank = { (range: Range<Int>) in utf8[range].allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) } }
            return blank(0..<offsets[0]) && blank(offsets[1] + 8..<offsets[2]) && blank(offsets[3] + 9..<utf8.count)
        }
        return shaped ? nil : "not <think>…</think> then <answer>…</answer> alone"
    }

    static func boxedProblem(_ text: String) -> String? {
        for tag in ["<think>", "</think>"] {
            let n = ByteSearch.count(of: tag, in: text)
            if n != 1 { return n == 0 ? "missing \(tag)" : "\(n) \(tag) tags, expected one" }
        }
        return boxedShape.matches(text) ? nil : "no \\boxed{…} after </think>"
    }
}
